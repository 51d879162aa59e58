// A conflict in the popup: for each field changed on both sides, this device's value beside the other device's
// (a record and an item name their fields alike), or that the paper was deleted on another device, and the two
// choices. The choice goes to the background (MSG.RESOLVE_CONFLICT); the view only reports a failed send.
import { valueOf } from '../lib/record.js';
import { sentenceOf } from '../lib/messages.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */

/** The label of each field a conflict can name. */
export const LABELS = {
  title: 'Title', authors: 'Authors', abstract: 'Abstract', url: 'Link', pdf_url: 'PDF', tldr: 'TL;DR',
  keyphrases: 'Key phrases', tags: 'Tags', note: 'Note', read: 'Read', saved_at: 'Saved', published: 'Publication date',
  venue: 'Venue',
};

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** One side's value of a field: lists as lists, read as yes/no, empty as a muted placeholder. */
function valueNode(name, v) {
  if (Array.isArray(v)) {
    if (!v.length) return el('span', 'none', '(none)');
    const ul = el('ul', 'chips');
    for (const x of v) ul.append(el('li', '', String(x)));
    return ul;
  }
  if (name === 'read') return el('span', '', v ? 'yes' : 'no');
  if (name === 'saved_at') return el('span', '', v ? new Date(v).toLocaleString() : '(none)');
  return v === '' || v == null ? el('span', 'none', '(empty)') : el('span', 'text', String(v));
}

/**
 * The other side of a conflict: this device's edit met another device's, whose user is choosing.
 * @param {SavedPaper} rec a record with a dispute (lib/record.js) @returns {HTMLElement} div.dispute
 */
export function disputeView(rec) {
  const box = el('div', 'dispute');
  box.setAttribute('role', 'note');
  box.append(el('p', 'conflict-head', 'Another device changed this too; its user is choosing which to keep'),
    versions(rec, rec.dispute.fields, rec.dispute.values, 'Here now'));
  return box;
}

/** The table of both sides' values of fields: rec's beside the other's (an item, or a dispute's values). */
function versions(rec, fields, other, hereLabel) {
  const table = el('table', 'versions');
  const head = el('tr');
  head.append(el('th'), el('th', '', hereLabel), el('th', '', 'Other device'));
  table.append(el('thead'), el('tbody'));
  table.tHead.append(head);
  for (const name of fields) {
    const row = el('tr');
    row.dataset.field = name;
    const mine = el('td', 'mine');
    const theirs = el('td', 'theirs');
    mine.append(valueNode(name, valueOf(rec, name)));
    theirs.append(valueNode(name, valueOf(other, name)));
    row.append(el('th', '', LABELS[name] || name), mine, theirs);
    table.tBodies[0].append(row);
  }
  return table;
}

/**
 * @param {SavedPaper} rec a record with a conflict
 * @param {(keep: 'mine'|'theirs') => Promise<unknown>} choose sends the choice
 * @returns {HTMLElement} div.conflict
 */
export function conflictView(rec, choose) {
  const c = rec.sync.conflict;
  const box = el('div', 'conflict');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Sync conflict');
  if (!c.server) {
    box.append(el('p', 'conflict-head gone', 'Deleted on another device'),
      el('p', 'conflict-sub', 'This device edited it since. Keep it, or let it go here too.'));
  } else {
    box.append(el('p', 'conflict-head', 'Changed on another device too: which to keep?'), versions(rec, c.fields, c.server, 'This device'));
  }
  const choices = el('div', 'choices');
  const mine = el('button', 'keep-mine', "Keep this device's");
  const theirs = el('button', 'keep-theirs', c.server ? 'Keep the other' : 'Keep the other (remove here)');
  mine.dataset.keep = 'mine';
  theirs.dataset.keep = 'theirs';
  const error = el('p', 'conflict-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  for (const b of [mine, theirs]) {
    b.type = 'button';
    b.addEventListener('click', async () => {
      mine.disabled = theirs.disabled = true;
      error.hidden = true;
      try {
        await choose(/** @type {'mine'|'theirs'} */ (b.dataset.keep));
      } catch (err) {
        error.textContent = `Not settled: ${sentenceOf(err)}`;
        error.hidden = false;
      } finally {
        mine.disabled = theirs.disabled = false;
      }
    });
  }
  choices.append(mine, theirs);
  box.append(choices, error);
  return box;
}
