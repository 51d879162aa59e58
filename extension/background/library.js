// The one writer of saved papers. Saves, edits and removals from every context arrive here as messages and
// run one at a time with the sync engine's writes (exclusive), so a pull can never overwrite an edit made
// while it was in flight. Each write marks the fields it changed dirty in the same storage write
// (lib/sync-fields.js): the records themselves are the durable sync queue.
import { keyOf, GONE_PREFIX, normalizeTags } from '../lib/saved.js';
import { markDirty } from '../lib/sync-fields.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */
/** @typedef {import('../lib/messages.js').Paper} Paper */

let tail = Promise.resolve();

/**
 * Runs fn after every library write started before it has finished. Holds no lock across network calls:
 * callers read, write and return.
 * @template T @param {() => Promise<T>} fn @returns {Promise<T>}
 */
export function exclusive(fn) {
  const run = tail.then(fn, fn);
  tail = run.then(() => {}, () => {});
  return run;
}

/** Called after each local change, to schedule a sync (set by the sync engine). */
let changed = () => {};
/** @param {() => void} fn */
export function onLocalChange(fn) {
  changed = fn;
}

/**
 * Saves a paper; saving one that is saved already keeps its tags, note and read state.
 * @param {Paper} paper @param {{tldr?: string, keyphrases?: string[]}} summary
 * @param {{keepSaved?: boolean, now?: Date}} [opts] keepSaved: a paper saved already stays exactly as it is (a
 *   save from a content script, which must not rewrite a saved paper's title, TL;DR or URL)
 * @returns {Promise<SavedPaper>}
 */
export async function save(paper, summary, { keepSaved = false, now = new Date() } = {}) {
  if (!paper || typeof paper.id !== 'string' || !paper.id || typeof paper.title !== 'string') {
    throw new Error('not a paper: it needs an id and a title');
  }
  let kept = false;
  const rec = await exclusive(async () => {
    const key = keyOf(paper.id);
    const gone = GONE_PREFIX + paper.id;
    const { [key]: old, [gone]: tomb } = await chrome.storage.local.get([key, gone]);
    if (old && keepSaved) {
      kept = true;
      return old;
    }
    /** @type {SavedPaper} */
    const next = {
      ...(old || {}),
      id: paper.id,
      paper: { ...paper, authors: paper.authors || [] },
      tldr: (summary && summary.tldr) || (old && old.tldr) || '',
      keyphrases: (summary && summary.keyphrases) || (old && old.keyphrases) || [],
      tags: old ? old.tags : [],
      note: old ? old.note : '',
      read: old ? old.read : false,
      savedAt: old ? old.savedAt : now.toISOString(),
      // Saved again before its deletion was pushed: the server still has the item at the tombstone's version.
      version: old ? old.version || 0 : (tomb && tomb.version) || 0,
    };
    delete next.syncError; // a refused edit is tried again after the user's next change
    markDirty(old, next);
    await chrome.storage.local.set({ [key]: next });
    if (tomb) await chrome.storage.local.remove(gone);
    return next;
  });
  if (!kept) changed();
  return rec;
}

/**
 * Changes the tags, note or read state of a saved paper; absent fields are left alone.
 * @param {string} id @param {{tags?: string[], note?: string, read?: boolean}} patch @returns {Promise<SavedPaper>}
 */
export async function update(id, patch) {
  const rec = await exclusive(async () => {
    const key = keyOf(id);
    const { [key]: old } = await chrome.storage.local.get(key);
    if (!old) throw new Error(`${id} is not saved`);
    const next = structuredClone(old);
    if (Array.isArray(patch.tags)) next.tags = normalizeTags(patch.tags);
    if (typeof patch.note === 'string') next.note = patch.note;
    if (typeof patch.read === 'boolean') next.read = patch.read;
    delete next.syncError;
    markDirty(old, next);
    await chrome.storage.local.set({ [key]: next });
    return next;
  });
  changed();
  return rec;
}

/** Removes a saved paper; one the server has leaves a tombstone until the deletion is pushed. @param {string} id */
export async function remove(id) {
  await exclusive(async () => {
    const key = keyOf(id);
    const { [key]: rec } = await chrome.storage.local.get(key);
    if (!rec) return;
    // The tombstone first: a stop between the two writes leaves both, and the sync engine treats a tombstone
    // beside a saved paper as stale (the paper wins), so the worst case is a removal to repeat, never a loss.
    if (rec.version) {
      await chrome.storage.local.set({ [GONE_PREFIX + id]: { id, version: rec.version } });
    }
    await chrome.storage.local.remove(key);
  });
  changed();
}
