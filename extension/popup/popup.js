// The popup: save the current tab's paper; the sync status; saved papers with conflicts first, then newest
// first, with search, tags, note, read state, remove, and export of all or the selected papers.
// The library is loaded once and kept current from chrome.storage.onChanged (search-index.js), and every change
// is a message to the background, the one writer of papers; the popup writes only what its next opening reads
// first (first-screen.js).
import { MSG, PORT, STATUS_KEY, CHECKED_KEY, REFUSED_KEY, AppError, send, sentenceOf, removalFailed, saveFailed, editFailed } from '../lib/messages.js';
import { dirtyFields, paperOf } from '../lib/record.js';
import { FORMATS } from '../lib/export.js';
import { LibraryIndex } from './search-index.js';
import { REMEMBER_KEY, firstScreenIds, toRemember } from './first-screen.js';
import { idOfKey, keyOf } from '../lib/saved.js';
import { storedKeys } from '../lib/storage-keys.js';
import { showStatus } from './sync-status.js';
import { conflictView, disputeView } from './conflict.js';
import { notSavedLine } from './kept-typed.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */
/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */
/** @typedef {import('../lib/messages.js').KeptTyped} KeptTyped */

/** How many matches are drawn at first, and how many more each "Show more" adds. */
const PAGE = 50;
/** How often the popup's port to the background carries a message, so that the worker stays while it is open (ms). */
const KEEP_MS = 20_000;
/** How many authors an item names before "and N more". */
const AUTHORS_SHOWN = 10;
/** How long typing in a note or tags pauses before the text is saved, in ms. */
const TYPING_PAUSE_MS = 400;

const $ = (sel) => document.querySelector(sel);
/** The library as the list shows it: the first screen's papers (first-screen.js), then the whole library. */
let index = new LibraryIndex();
/** @type {SyncStatus|undefined} */
let status;
/** @type {string|undefined} when the library was last known current */
let checked;
/** @type {Record<string, KeptTyped>} typed text the background refused, by field and paper (REFUSED_KEY) */
let refused = {};
let limit = PAGE;
const selected = new Set();
/** @type {SavedPaper[]} the matches of the search, in the order shown */
let matches = [];
/** The list item of each paper on screen and the record it shows, so a change redraws only its own item. */
const nodes = /** @type {Map<string, {li: HTMLElement, rec: SavedPaper|null}>} */ (new Map());
let renders = 0;
/** Whether the index holds the whole library; before, only the first screen's papers (first-screen.js). */
let whole = false;
/** How many papers are saved, from the keys, while the index holds the first screen's only; null: not known yet. */
let total = /** @type {number|null} */ (null);
/** Whether the first screen is drawn (and the whole library not yet). */
let firstShown = false;
/** Whether the browser lists keys alone (getKeys), without which nothing remembered is of use. */
let listable = false;

const statusEls = {
  line: $('#sync-status'), text: $('#sync-status .text'), signIn: $('#sign-in'),
  conflicts: $('#sync-conflicts'), syncNow: $('#sync-now'),
};

function render() {
  matches = index.search($('#search').value);
  const shown = matches.slice(0, limit);
  const keep = new Set(shown.map((s) => s.id));
  for (const [id, n] of nodes) {
    if (!keep.has(id)) {
      n.li.remove();
      nodes.delete(id);
    }
  }
  // Items already on screen stay where they are unless their place changed, so a field being typed in keeps
  // its focus while other papers come and go around it.
  const list = $('#papers');
  let at = list.firstElementChild;
  for (const s of shown) {
    const li = node(s);
    if (li === at) at = at.nextElementSibling;
    else list.insertBefore(li, at);
  }
  const more = $('#more');
  more.hidden = !whole || matches.length <= shown.length;
  more.textContent = `Show more (${matches.length - shown.length} more)`;
  $('#empty').hidden = savedCount() !== 0;
  $('#no-match').hidden = !whole || index.size === 0 || matches.length > 0;
  $('#loading').hidden = whole || matches.length > 0 || total === 0;
  toolbar();
  showStatus(statusEls, status, index.conflictCount, checked);
  $('#papers').classList.toggle('signed-out', !status || status.state === 'signed-out');
  if (whole) document.body.dataset.rendered = String(++renders); // the list is up to date (tests wait for this)
  else {
    if (shown.length) document.body.dataset.firstScreen = shown.map((s) => s.id).join(' '); // what the first screen showed
    document.body.dataset.firstCount = $('#count').textContent; // and what it said of the library
  }
}

/** How many papers are saved; null while not known (the keys could not be listed alone). */
const savedCount = () => (whole ? index.size : total);

function toolbar() {
  const q = $('#search').value.trim();
  const n = savedCount();
  $('#count').textContent = q && whole ? `${matches.length} of ${index.size} match` : n === null ? '' : `${n} saved`;
  // Selecting and exporting wait for the whole library: before it, they would miss papers. An empty library has
  // nothing to export: its buttons would download an empty file.
  const off = !whole || index.size === 0;
  /** @type {HTMLInputElement} */ ($('#select-all')).disabled = off;
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('button[data-format]'))) b.disabled = off;
  $('#export-scope').textContent = selected.size ? `Export ${selected.size} selected:` : 'Export all:';
  /** @type {HTMLInputElement} */ ($('#select-all')).checked = matches.length > 0 && matches.every((s) => selected.has(s.id));
  for (const [id, n] of nodes) /** @type {HTMLInputElement} */ (n.li.querySelector('.select')).checked = selected.has(id);
}

/** @param {SavedPaper} s @returns {HTMLElement} its list item, drawn anew only when the record changed */
function node(s) {
  let n = nodes.get(s.id);
  if (!n) {
    n = { li: item(s.id), rec: null };
    nodes.set(s.id, n);
  }
  if (n.rec !== s) {
    fill(n.li, s);
    n.rec = s;
  }
  return n.li;
}

/** A list item wired to send its paper's edits; fill() shows the record. @param {string} id */
function item(id) {
  const li = /** @type {HTMLElement} */ ($('#paper-item').content.firstElementChild.cloneNode(true));
  li.dataset.paperId = id;
  const field = (sel) => li.querySelector(sel);
  field('.select').addEventListener('change', (e) => {
    e.target.checked ? selected.add(id) : selected.delete(id);
    toolbar();
  });
  // Typed text goes to the background as it is typed (a draft), and is applied a moment after the typing pauses
  // or when the field loses focus. Closing the popup fires no change event and stops the timer: the background
  // applies the last draft then (typedEdit).
  const typed = (sel, name, patchOf) => {
    const el = field(sel);
    let timer = 0;
    const flush = () => {
      clearTimeout(timer);
      timer = 0;
      act(li, typedEdit(id, name, patchOf(el.value), true));
    };
    el.addEventListener('input', () => {
      typedEdit(id, name, patchOf(el.value), false).catch(() => {}); // a draft's answer is its apply's
      clearTimeout(timer);
      timer = setTimeout(flush, TYPING_PAUSE_MS);
    });
    el.addEventListener('change', flush);
  };
  typed('.tags', 'tags', (v) => ({ tags: v.split(',') }));
  typed('.note', 'note', (v) => ({ note: v }));
  // The checkbox shows the user's click whether or not it was stored: an edit that failed or was cut short shows
  // what the library holds instead (a write that lands later redraws it through storage), so "if it is not shown,
  // make it again" can be followed.
  field('.read').addEventListener('change', (e) => act(li, send(MSG.UPDATE_PAPER, { id, patch: { read: e.target.checked } }),
    editFailed, () => {
      const rec = index.get(id);
      if (rec) fill(li, rec);
    }));
  field('.dismiss-notice').addEventListener('click', () => act(li, send(MSG.DISMISS_NOTICE, { id }), (err) => `Not dismissed: ${sentenceOf(err)}`));
  field('.remove').addEventListener('click', () => {
    const rec = index.get(id);
    act(li, send(MSG.REMOVE_PAPER, { id }).then(() => rec && offerUndo(rec)), removalFailed);
  });
  return li;
}

/**
 * The port of typed text (PORT.TYPED, background/typed-edits.js), open while the popup is. Its drafts are applied
 * when it closes, so it must be connected before the popup can close: a port opened at the first input, to a
 * worker that had stopped, was not yet connected when a popup closed at once, and the text was lost. So it is
 * opened with the popup, kept open while it is shown (a message every KEEP_MS keeps the worker from stopping idle),
 * and opened again at once when the worker stops all the same. The last message of each field is kept until it is answered (an
 * apply) or followed by one that is, and posted again on a port opened again; applying one twice changes nothing.
 */
const typing = { /** @type {chrome.runtime.Port|null} */ port: null, seq: 0,
  /** @type {Map<string, any>} the last message of each field, by field and paper */ unsettled: new Map(),
  /** @type {Map<number, {resolve: () => void, reject: (err: Error) => void}>} applies sent, by seq */ waiting: new Map() };

function typingPort() {
  if (typing.port) return typing.port;
  const port = chrome.runtime.connect({ name: PORT.TYPED });
  port.onMessage.addListener((reply) => {
    for (const [k, m] of typing.unsettled) if (m.seq === reply.seq) typing.unsettled.delete(k);
    const w = typing.waiting.get(reply.seq);
    typing.waiting.delete(reply.seq);
    if (w && reply.error) w.reject(new AppError(reply.error.code, reply.error.message));
    else if (w) w.resolve();
  });
  const opened = Date.now();
  port.onDisconnect.addListener(() => {
    typing.port = null;
    // hidden (a tab in the background) with nothing to deliver: opened again when shown or typed in
    if (document.visibilityState !== 'visible' && !typing.unsettled.size) return;
    // at once, unless it closed as soon as it opened (a background that cannot start): then in a second
    if (Date.now() - opened > 1000) typingPort();
    else setTimeout(() => typing.port || typingPort(), 1000);
  });
  typing.port = port;
  for (const m of typing.unsettled.values()) port.postMessage(m);
  return port;
}

/**
 * Posts a field's text as typed: a draft, or (apply) to be applied now.
 * @param {string} id @param {'tags'|'note'} name @param {object} patch @param {boolean} apply
 * @returns {Promise<void>} an apply's: once applied, or rejected with why not
 */
function typedEdit(id, name, patch, apply) {
  const msg = { seq: ++typing.seq, id, field: name, patch, apply };
  const port = typingPort();
  typing.unsettled.set(`${name}\n${id}`, msg);
  port.postMessage(msg);
  if (!apply) return Promise.resolve();
  return new Promise((resolve, reject) => typing.waiting.set(msg.seq, { resolve, reject }));
}

/**
 * Shows why a change did not reach the background, on the paper it was for.
 * @param {HTMLElement} li @param {Promise<unknown>} sending @param {(err: unknown) => string} [failed] what to say
 * @param {() => void} [redraw] shows the paper as stored again, before the sentence
 */
async function act(li, sending, failed = editFailed, redraw = () => {}) {
  const error = /** @type {HTMLElement} */ (li.querySelector('.action-error'));
  try {
    await sending;
    showRefused(li);
  } catch (err) {
    console.warn('papergist:', err); // the words of the browser or its storage, which the sentence leaves out
    redraw();
    error.textContent = failed(err);
    error.hidden = false;
  }
}

/** @param {string} id @param {'tags'|'note'} name @returns {KeptTyped|undefined} what was typed and refused */
const refusedOf = (id, name) => refused[`${name}\n${id}`];

/**
 * Shows why the typed text kept in an item's fields (refusedOf) is not saved, or nothing.
 * @param {HTMLElement} li @param {SavedPaper|undefined} [rec] the paper as the library has it (default: the index's)
 */
function showRefused(li, rec = index.get(li.dataset.paperId)) {
  const error = /** @type {HTMLElement} */ (li.querySelector('.action-error'));
  const why = /** @type {const} */ (['tags', 'note']).map((name) => refusedOf(li.dataset.paperId, name)).filter(Boolean)
    .map((k) => notSavedLine(k, rec));
  error.textContent = why.join(' ');
  error.hidden = !why.length;
  li.classList.toggle('refused', why.length > 0);
}

/**
 * Shows s in li. The field the user is typing in keeps what they typed: its change event sends it.
 * @param {HTMLElement} li @param {SavedPaper} s
 */
function fill(li, s) {
  const field = (sel) => li.querySelector(sel);
  const typing = (el) => el === document.activeElement;
  li.classList.toggle('read', Boolean(s.read));
  const title = field('.title');
  title.textContent = s.title;
  // Every item has the same controls: each names its paper, for whoever hears them one after another.
  const name = `“${s.title || s.id}”`;
  field('.remove').setAttribute('aria-label', `Remove ${name}`);
  field('.select').setAttribute('aria-label', `Select ${name} for export`);
  field('.read').setAttribute('aria-label', `${name} is read`);
  if (/^https?:\/\//.test(s.url)) title.href = s.url;
  else title.removeAttribute('href');
  const authors = s.authors || [];
  // A consortium's paper names hundreds (Llama 3, Gemini): the first few, and all of them on hover.
  const cut = authors.length > AUTHORS_SHOWN + 1;
  field('.authors').textContent = cut ? `${authors.slice(0, AUTHORS_SHOWN).join(', ')}, and ${authors.length - AUTHORS_SHOWN} more`
    : authors.join(', ');
  field('.authors').title = cut ? authors.join(', ') : '';
  field('.tldr').textContent = s.tldr || '';
  // Text typed and refused (typed-edits.js) stays in its field, with why, until the user makes it fit.
  const keptTags = refusedOf(s.id, 'tags');
  const keptNote = refusedOf(s.id, 'note');
  const tags = field('.tags');
  if (!typing(tags)) tags.value = keptTags ? (keptTags.patch.tags || []).join(',') : (s.tags || []).join(', ');
  const note = field('.note');
  if (!typing(note)) note.value = keptNote ? keptNote.patch.note ?? '' : s.note || '';
  if (keptTags || keptNote || li.classList.contains('refused')) showRefused(li, s);
  field('.read').checked = Boolean(s.read);
  field('.saved-at').textContent = `saved ${new Date(s.saved_at).toLocaleDateString()}`;
  const pending = dirtyFields(s).length > 0;
  li.classList.toggle('pending', pending);
  field('.pending-mark').hidden = !pending;
  const syncError = field('.sync-error');
  syncError.hidden = !s.sync.error;
  syncError.textContent = s.sync.error ? `Not synced: ${s.sync.error}` : '';
  const notice = field('.sync-notice'); // a removal the server refused: the paper is back, synced (sync.js)
  notice.hidden = !s.sync.notice;
  field('.notice-text').textContent = s.sync.notice || '';

  const { conflict } = s.sync;
  li.classList.toggle('has-conflict', Boolean(conflict));
  const old = li.querySelector('.conflict');
  const view = conflict ? conflictView(s, (keep) => send(MSG.RESOLVE_CONFLICT, { id: s.id, keep })) : null;
  if (old && view) old.replaceWith(view);
  else if (old) old.remove();
  else if (view) field('.edit').before(view);
  const oldDispute = li.querySelector('.dispute');
  const dispute = s.dispute && !conflict ? disputeView(s) : null;
  if (oldDispute && dispute) oldDispute.replaceWith(dispute);
  else if (oldDispute) oldDispute.remove();
  else if (dispute) field('.edit').before(dispute);
}

/** Downloads the selected papers, or all, in a format; a failure says why under the buttons, and nothing is downloaded. */
function exportAs(format) {
  const note = $('#export-note');
  note.hidden = true;
  const f = FORMATS[format];
  const all = index.all();
  const chosen = selected.size ? all.filter((s) => selected.has(s.id)) : all;
  try {
    const blob = new Blob([f.render(chosen, all)], { type: f.mime }); // keys as the whole library gives them
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `papergist-${new Date().toISOString().slice(0, 10)}.${f.ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } catch (err) {
    console.warn('papergist: export', err);
    note.textContent = `Export failed, nothing was downloaded: ${whyExportFails(f, chosen, err)}`;
    note.hidden = false;
  }
}

/** The paper an export stumbled on, when one alone fails, else the error, in a sentence. */
function whyExportFails(f, chosen, err) {
  const bad = chosen.find((s) => {
    try {
      f.render([s]);
      return false;
    } catch {
      return true;
    }
  });
  if (bad) return `papergist could not write “${bad.title || bad.id}” (${bad.id}): its stored record is damaged. Remove it and save it again, or export the others selected.`;
  return `the browser could not make the file (${sentenceOf(err)}).`;
}

/** @type {SavedPaper[]} the papers removed here, the latest last: Undo brings back the latest */
const removed = [];

/** Offers to bring back a paper just removed, with the focus on Undo (the removed item's button is gone). */
function offerUndo(rec) {
  removed.push(rec);
  showUndo(`Removed: ${rec.title || rec.id}`);
  $('#undo-button').focus();
}

/** @param {string} text shown with the Undo button; '' hides both */
function showUndo(text) {
  $('#undo .text').textContent = text;
  $('#undo').hidden = !text;
}

/** Offers Undo for the latest paper removed here, or hides it, with the focus it had going to the search. */
function showLastRemoved() {
  const last = removed[removed.length - 1];
  const focused = $('#undo').contains(document.activeElement);
  showUndo(last ? `Removed: ${last.title || last.id}` : '');
  if (!last && focused) $('#search').focus(); // the focus was on Undo, now hidden
}

/**
 * Forgets the removals of a paper that is saved again (by Undo, a card or another device): undoing one of them
 * could only bring back fields older than the paper's own, over the user's later edits.
 * @param {string} id @returns {boolean} whether any was forgotten
 */
function forgetRemoved(id) {
  const before = removed.length;
  for (let i = removed.length - 1; i >= 0; i--) if (removed[i].id === id) removed.splice(i, 1);
  return removed.length !== before;
}

/**
 * Saves the latest removed paper again. The background brings back its tags, note and read state (a paper removed
 * lately, library.js REMOVED_KEY), or those of the record removed (restore) should it have forgotten them; a
 * paper saved again meanwhile keeps its own, which may be newer. One message: nothing half done to report.
 */
async function undoRemove() {
  const rec = removed.pop();
  if (!rec) return showUndo('');
  const paper = paperOf(rec);
  try {
    await send(MSG.SAVE_PAPER, { paper, summary: { tldr: rec.tldr, keyphrases: rec.keyphrases },
      restore: { tags: rec.tags, note: rec.note, read: rec.read, saved_at: rec.saved_at, owner: rec.sync && rec.sync.owner } });
    forgetRemoved(rec.id);
    showLastRemoved();
  } catch (err) {
    removed.push(rec);
    showUndo(saveFailed(err, { failed: 'Not brought back', again: 'click Undo again' }));
  }
}

async function saveTab() {
  const tabStatus = $('#tab-status');
  // ?tab=ID when the popup is opened as a page (for keyboard users and the tests), else the active tab
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const [tab] = param ? [{ id: param }] : await chrome.tabs.query({ active: true, currentWindow: true });
  tabStatus.textContent = 'Saving…';
  try {
    // Host access for the paper's metadata (Crossref, OpenReview, a proceedings site) is asked for here, within
    // the click, only for the origins this save needs; refused, the save keeps what is known and says so.
    const { origins } = await send(MSG.SAVE_TAB_PAPER, { tabId: tab.id, plan: true });
    if (origins.length) {
      const hosts = origins.map((o) => new URL(o.replace('/*', '/')).host).join(', ');
      tabStatus.textContent = `papergist asks to read ${hosts} for this paper's title and abstract…`;
      await chrome.permissions.request({ origins }).catch(() => false);
      tabStatus.textContent = 'Saving…';
    }
    const { saved: s, missing } = await send(MSG.SAVE_TAB_PAPER, { tabId: tab.id });
    tabStatus.textContent = missing ? `Saved: ${s.title}. ${missing}` : `Saved: ${s.title}`;
  } catch (err) {
    tabStatus.textContent = saveFailed(err);
  }
}

async function syncNow() {
  const button = $('#sync-now');
  const note = $('#sync-note');
  button.disabled = true;
  note.hidden = true;
  try {
    await send(MSG.SYNC_NOW); // the status line follows from storage
  } catch (err) {
    note.textContent = `Sync now failed: ${sentenceOf(err)}`;
    note.hidden = false;
  } finally {
    button.disabled = false;
  }
}

/** @param {Record<string, chrome.storage.StorageChange>} changes @returns {boolean} whether anything shown changed */
function apply(changes) {
  const ids = index.apply(changes);
  for (const id of ids) if (!index.has(id)) selected.delete(id);
  // saved again (no old value): a late event of an edit before its removal is not
  const back = (id) => Boolean(changes[keyOf(id)] && changes[keyOf(id)].newValue && !changes[keyOf(id)].oldValue);
  if (ids.filter(back).map(forgetRemoved).some(Boolean)) showLastRemoved();
  if (Object.hasOwn(changes, STATUS_KEY)) status = changes[STATUS_KEY].newValue;
  if (Object.hasOwn(changes, REFUSED_KEY)) {
    const before = refused;
    refused = changes[REFUSED_KEY].newValue || {};
    const touched = new Set([...Object.values(before), ...Object.values(refused)].map((k) => k.id));
    for (const id of touched) if (nodes.has(id)) nodes.get(id).rec = null; // drawn again
    if (touched.size) return true;
  }
  if (Object.hasOwn(changes, CHECKED_KEY)) {
    checked = changes[CHECKED_KEY].newValue; // every long-poll answer: the status line only, not the list
    showStatus(statusEls, status, index.conflictCount, checked);
  }
  return ids.length > 0 || Object.hasOwn(changes, STATUS_KEY);
}

/**
 * Changes that arrive while the library loads, applied again after it (in order, so the newest value wins); the
 * first screen, once drawn, shows them at once too.
 */
let early = /** @type {Record<string, chrome.storage.StorageChange>[]|null} */ ([]);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (early) {
    early.push(changes);
    if (firstShown && apply(changes)) render();
  } else if (apply(changes)) {
    render();
    rememberSoon();
  }
});

$('#search').addEventListener('input', () => {
  limit = PAGE;
  render();
});
$('#more').addEventListener('click', () => {
  limit += PAGE;
  render();
});
typingPort();
// Only while it is shown: popup.html left open in a background tab must let the worker (and its engine) stop.
const visible = () => document.visibilityState === 'visible';
setInterval(() => visible() && typingPort().postMessage({ keep: true }), KEEP_MS);
document.addEventListener('visibilitychange', () => visible() && typingPort());
$('#save-tab').addEventListener('click', saveTab);
$('#undo-button').addEventListener('click', undoRemove);
$('#sync-now').addEventListener('click', syncNow);
$('#sign-in').addEventListener('click', (e) => {
  e.preventDefault();
  const { href } = /** @type {HTMLAnchorElement} */ (e.currentTarget);
  // openOptionsPage fails while the manifest names no options page: then the page itself, in a tab
  chrome.runtime.openOptionsPage().catch(() => chrome.tabs.create({ url: href }));
});
$('#select-all').addEventListener('change', (e) => {
  for (const s of matches) e.target.checked ? selected.add(s.id) : selected.delete(s.id);
  toolbar();
});
for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('button[data-format]'))) b.addEventListener('click', () => exportAs(b.dataset.format));

/**
 * Draws the first screen from the papers first-screen.js names, and starts reading the whole library.
 * @returns {Promise<Record<string, any>>} every stored item, as chrome.storage.local.get(null) gives them
 */
async function firstScreen() {
  /** @type {Promise<Record<string, any>>|null} */
  let all = null;
  try {
    const [keys, got] = await Promise.all([storedKeys(chrome.storage.local),
      chrome.storage.local.get([REMEMBER_KEY, STATUS_KEY, CHECKED_KEY, REFUSED_KEY])]);
    listable = keys !== null;
    if (keys) total = keys.filter((k) => idOfKey(k) !== null).length;
    status = got[STATUS_KEY];
    checked = got[CHECKED_KEY];
    refused = got[REFUSED_KEY] || {};
    const ids = keys && firstScreenIds(got[REMEMBER_KEY], keys);
    if (ids) {
      const papers = chrome.storage.local.get(ids.map(keyOf));
      // Asked for now, so that the storage reads it right after the first screen's papers.
      all = chrome.storage.local.get(null);
      const first = new LibraryIndex();
      first.load(await papers);
      // A conflict outside the remembered papers would head the list: the status counts them all.
      const st = got[STATUS_KEY];
      if (!(st && st.conflicts > first.conflictCount)) {
        index = first;
        firstShown = true;
        render();
        performance.mark('papergist:first-render');
      }
    }
    // No list to show before the whole library: the status and the count all the same, with "Reading…", not a
    // blank popup saying "0 saved" (the page's own markup) until the library is read.
    if (!firstShown) render();
  } catch (err) {
    console.warn('papergist: first screen', err); // the whole library is read all the same
  }
  return all || chrome.storage.local.get(null);
}

let rememberTimer = 0;
/** Remembers the list's beginning for the next opening (first-screen.js), a second after the last change. */
function rememberSoon() {
  clearTimeout(rememberTimer);
  rememberTimer = setTimeout(remember, 1000);
}

/** @type {unknown} what is remembered, as last read or written */
let remembered;
function remember() {
  if (!listable) return; // of no use where keys cannot be listed alone
  const next = toRemember(remembered, index.search(''));
  if (!next) return;
  remembered = next;
  chrome.storage.local.set({ [REMEMBER_KEY]: next }).catch((err) => console.warn('papergist: first screen', err));
}

// make bench-popup reads these marks: time to the storage reads, to their end, to the first list drawn and to the
// whole library drawn.
performance.mark('papergist:loading');
const all = await firstScreen();
performance.mark('papergist:loaded');
index.load(all);
status = all[STATUS_KEY];
checked = all[CHECKED_KEY];
refused = all[REFUSED_KEY] || {};
for (const changes of early) apply(changes);
early = null;
whole = true;
firstShown = false;
render();
if (!performance.getEntriesByName('papergist:first-render').length) performance.mark('papergist:first-render');
performance.mark('papergist:whole');
// For the next opening's first screen; lost, that opening reads the whole library first, as this one did. Kept
// current while the popup is open (a paper removed here and saved again later must not count as remembered).
remembered = all[REMEMBER_KEY];
remember();
// Opened: the background pulls unless the library is known current; the list follows from storage.
send(MSG.SYNC_LOOK).catch((err) => console.warn('papergist: sync', err));
// Back online with the popup open: the same, so that "Offline" gives way without a reopening. The background's
// own 'online' event is lost while its worker sleeps (Chromium), and its next alarm may be minutes away.
addEventListener('online', () => send(MSG.SYNC_LOOK).catch((err) => console.warn('papergist: sync', err)));
// Gone offline: a round, which says Offline at once (it sends nothing offline). The line said "Synced" until its
// minute was over, then "Last checked", while nothing could sync: the long poll ends offline without a word, and
// SYNC_LOOK runs no round while the library was known current a moment ago. An automatic round, not the user's
// Sync now: should the browser be back online when it runs, that would beat a struggling server's back-off, ask
// about refused removals at once, and say "Syncing…" over "sign in to the network".
addEventListener('offline', () => send(MSG.SYNC_ROUND).catch((err) => console.warn('papergist: sync', err)));
// "Synced" turns into "Last checked" once its minute is over.
setInterval(() => showStatus(statusEls, status, index.conflictCount, checked), 5000);
