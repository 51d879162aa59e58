// The one writer of saved papers. Saves, edits and removals from every context arrive here as messages and
// run one at a time with the sync engine's writes (exclusive), so a pull can never overwrite an edit made
// while it was in flight. Each write marks the fields it changed dirty in the same storage write
// (lib/record.js): the records themselves are the durable sync queue.
import { keyOf, idOfKey, GONE_PREFIX, normalizeTags, trimSpace } from '../lib/saved.js';
import { markDirty, splitPaper, upgrade, isCurrent, newMark, removalWins, dirtyFields, USER_FIELDS, NAMES, same, valueOf }
  from '../lib/record.js';
import { storedKeys } from '../lib/storage-keys.js';
import * as account from './account.js';
import { libraryOf } from '../lib/other-account.js';
import { checkFields, fitPage } from './pull-validate.js';
import { written } from './sync-index.js';
import { REMEMBER_KEY, forgetMoved } from '../popup/first-screen.js';
import { forgetPapers as forgetTyped } from './typed-refused.js';

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
 * Saves a paper; saving one that is saved already keeps its tags, note and read state, and saving one removed
 * lately brings them back (REMOVED_KEY).
 * @param {Paper} page @param {{tldr?: string, keyphrases?: string[]}} pageSummary the page's fields, cut to what an
 *   item holds (fitPage)
 * @param {{keepSaved?: boolean, now?: Date, restore?: unknown}} [opts] keepSaved: a paper saved already stays
 *   exactly as it is (a save from a content script, which must not rewrite a saved paper's title, TL;DR or URL);
 *   restore: the user fields to bring back when this save creates the record and REMOVED_KEY has forgotten them
 *   (the popup's Undo, from the record it removed). A paper saved meanwhile keeps its own, which may be newer.
 * @returns {Promise<SavedPaper>}
 */
export async function save(page, pageSummary, { keepSaved = false, now = new Date(), restore } = {}) {
  const { paper, summary } = fitPage(page, pageSummary);
  if (!paper || typeof paper.id !== 'string' || !paper.id || typeof paper.title !== 'string' || !trimSpace(paper.title)) {
    throw new Error('not a paper: it needs an id and a title');
  }
  // Lists of text, or absent: a record with anything else there could not be shown, exported or synced.
  const texts = (v) => v == null || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  if (!texts(paper.authors) || !texts(summary && summary.keyphrases)) {
    throw new Error('not a paper: its authors and key phrases must be lists of text');
  }
  storable(paper, ['title', 'authors', 'abstract', 'url', 'pdf_url', 'venue']);
  storable(summary || {}, ['tldr', 'keyphrases']);
  let kept = false;
  const rec = await exclusive(async () => {
    const key = keyOf(paper.id);
    const gone = GONE_PREFIX + paper.id;
    const { [key]: stored, [gone]: tomb } = await chrome.storage.local.get([key, gone]);
    const old = stored && upgrade(stored);
    if (old && keepSaved) {
      kept = true;
      return old;
    }
    const open = old ? '' : await openLibrary();
    const took = old ? null : await takeRemoved(paper.id, open);
    // Kept aside for another account: restore comes from the same removal but carries no stamp (stamps are written
    // as a session ends, after the popup read the record), so it must not bring that account's fields in either.
    const back = took === ASIDE ? null : took || fits(userFields(restore), open);
    const { fields, meta } = splitPaper({ ...paper, authors: paper.authors || [] });
    /** @type {SavedPaper} */
    const next = {
      ...(old || {}),
      id: paper.id,
      ...fields,
      // A page without a date or venue (or with one the server would refuse, kept in meta) leaves the record's:
      // sent as '', it would blank the value other devices synced.
      published: fields.published || (old && old.published) || '',
      venue: fields.venue || (old && old.venue) || '',
      tldr: (summary && summary.tldr) || (old && old.tldr) || '',
      keyphrases: (summary && summary.keyphrases) || (old && old.keyphrases) || [],
      tags: old ? old.tags : back ? back.tags : [],
      note: old ? old.note : back ? back.note : '',
      read: old ? old.read : back ? back.read : false,
      saved_at: old ? old.saved_at : back ? back.saved_at : now.toISOString(),
      // Saved again before its deletion was pushed: the server still has the item at the tombstone's version.
      // Not after the server refused the removal (tomb.error): there the item lives on, with its fields as other
      // devices keep them, and this save (its tags and note blank unless Undo brings them) is a new one that meets
      // it as a conflict the user settles, never an edit at its version that would overwrite it everywhere.
      version: old ? old.version || 0 : (tomb && !tomb.error && tomb.version) || 0,
      meta,
      sync: { ...((old && old.sync) || { dirty: {} }) },
    };
    delete next.sync.error; // a refused edit is tried again after the user's next change
    delete next.sync.notice; // acted on
    // Brought back with an account's stamp (lib/other-account.js ownerOf): its note and tags are that account's still.
    if (back && back.owner) next.sync.owner = back.owner;
    markDirty(old, next);
    if (!old && next.version) {
      // Saved again before its removal was pushed: the server holds the item's page-given fields at that version.
      // One this page leaves empty is not a change to push: sent as '' or [], it would blank what every device
      // synced (the user's own fields go up as the save sets them).
      for (const name of NAMES) {
        if (!USER_FIELDS.includes(name) && name !== 'saved_at' && same(name, valueOf(next, name), valueOf(null, name))) {
          delete next.sync.dirty[name];
        }
      }
    }
    await chrome.storage.local.set({ [key]: next });
    if (tomb) await chrome.storage.local.remove(gone);
    written([key, gone]);
    await placesChanged({ [key]: stored }, { [key]: next });
    return next;
  });
  if (!kept) changed();
  return rec;
}

/**
 * Changes the tags, note or read state of a saved paper; absent fields are left alone.
 * base: the value of a field the text was typed on (refused text kept, typed-refused.js). When the library's value
 * of that field has changed since (another device's, synced in), the edit does not replace it: it waits as a
 * conflict, this device's text against that value, for the user's keep mine / take theirs choice.
 * @param {string} id @param {{tags?: string[], note?: string, read?: boolean}} patch
 * @param {{base?: Record<string, unknown>}} [opts] @returns {Promise<SavedPaper>}
 */
export async function update(id, patch, opts = {}) {
  storable(patch, ['tags', 'note', 'read']);
  const rec = await exclusive(async () => {
    const key = keyOf(id);
    const { [key]: stored } = await chrome.storage.local.get(key);
    const old = stored ? upgrade(stored) : removedThere(id);
    if (!old) throw new Error(`${id} is not saved`);
    const next = structuredClone(old);
    if (Array.isArray(patch.tags)) next.tags = normalizeTags(patch.tags);
    if (typeof patch.note === 'string') next.note = patch.note;
    if (typeof patch.read === 'boolean') next.read = patch.read;
    delete next.sync.error;
    delete next.sync.notice; // acted on
    markDirty(old, next);
    // Removed on another device meanwhile: an edit brings it back (on the version it was based on, so the push
    // meets the removal and the user chooses); no change leaves it removed.
    if (!stored && !dirtyFields(next).length) throw new Error(`${id} is not saved: it was removed on another device`);
    if (stored) raiseChangedThere(old, next, opts.base || {});
    await chrome.storage.local.set({ [key]: next });
    written([key]);
    pulledAway.delete(id);
    if (!stored) await placesChanged({}, { [key]: next }); // brought back: new to the popup's first screen
    return next;
  });
  changed();
  return rec;
}

/**
 * The fields of an edit typed on a value that another device's value has replaced since (base differs from old's
 * clean, synced value, and the edit differs from it too) go into next's conflict, with old's values as the other
 * side's: the push holds them until the user chooses, as for a conflict the server answers.
 * @param {SavedPaper} old @param {SavedPaper} next @param {Record<string, unknown>} base
 */
function raiseChangedThere(old, next, base) {
  const dirty = old.sync.dirty || {};
  const fields = Object.keys(base).filter((f) => USER_FIELDS.includes(f) && !dirty[f] && next.sync.dirty[f]
    && !same(f, valueOf(old, f), base[f]));
  if (!fields.length) return;
  const c = old.sync.conflict;
  if (c && !c.server) return; // removed there: the removal's choice comes first
  const server = c ? c.server : /** @type {import('../lib/messages.js').Item} */ (Object.fromEntries(['id', 'version', 'updated_at', ...NAMES]
    .filter((n) => Object.hasOwn(old, n)).map((n) => [n, old[n]])));
  next.sync.conflict = { fields: [...new Set([...(c ? c.fields : []), ...fields])], server,
    version: c ? c.version : old.version || 0, at: new Date().toISOString() };
}

/**
 * Dismisses the notice on a saved paper (sync.notice: its removal was refused and it came back); nothing else
 * changes, and nothing is synced. A paper not saved, or without a notice, is left as it is.
 * @param {string} id
 */
export async function dismissNotice(id) {
  await exclusive(async () => {
    const key = keyOf(id);
    const { [key]: stored } = await chrome.storage.local.get(key);
    if (!stored) return;
    const rec = upgrade(stored);
    if (rec.sync.notice === undefined) return;
    const next = structuredClone(rec);
    delete next.sync.notice;
    await chrome.storage.local.set({ [key]: next });
    written([key]);
  });
}

/**
 * Refuses, with why, a value of the named fields that the sync server's rules for an item refuse (the wire Item's
 * types and limits, shared/syncproto, in pull-validate.js): stored, it would be parked at the next push.
 * @param {Record<string, any>} x @param {string[]} names
 */
function storable(x, names) {
  try {
    checkFields(x, names);
  } catch (err) {
    throw new Error(`papergist cannot store this: ${err.message}`, { cause: err });
  }
}

/** Removes a saved paper; one the server has leaves a tombstone until the deletion is pushed. @param {string} id */
export async function remove(id) {
  await exclusive(async () => {
    const key = keyOf(id);
    const { [key]: rec } = await chrome.storage.local.get(key);
    pulledAway.delete(id);
    if (!rec) return;
    await keepRemoved(upgrade(rec));
    // The tombstone first, marked newer than any edit of the record (at): a stop between the two writes leaves
    // both, and the next worker finishes the removal (migrate, settle); a paper saved again after it has newer marks.
    // The title names the paper should the server refuse the removal (sync.js refusedRemoval); copy, the paper as
    // this device has it, comes back should the server refuse both the removal and the look-up of its own copy
    // (its ID refused: sync.js bringBackRefused), with its edit marks and conflict, so that an edit not pushed yet
    // comes back pending, never as synced.
    if (rec.version) {
      const copy = structuredClone(upgrade(rec));
      copy.sync = { dirty: copy.sync.dirty, ...(copy.sync.conflict ? { conflict: copy.sync.conflict } : {}) };
      await chrome.storage.local.set({ [GONE_PREFIX + id]: { id, version: rec.version, at: newMark(), title: rec.title, copy } });
    }
    try {
      await chrome.storage.local.remove(key);
    } catch (err) {
      // The user is told the removal failed: nothing may be left that finishes it later (settle, at the next
      // start). Should the tombstone stay all the same, whether the paper goes is not known: not "failed".
      if (rec.version) {
        await chrome.storage.local.remove(GONE_PREFIX + id).catch(() => {
          throw Object.assign(new Error('the removal was cut short: the browser\'s storage failed', { cause: err }), { code: 'cut_short' });
        });
      }
      throw err;
    } finally {
      written([key, GONE_PREFIX + id]);
    }
    await forgetTyped([id]);
  });
  changed();
}

/**
 * The records a pull removed lately (removed on another device, with no edit here), by paper ID, with when: an
 * edit typed in the popup before the pull (its draft, or its apply after the typing pause) reaches update after
 * it, and would be lost. With the record kept, update brings the paper back with the edit, on the version the
 * edit was based on, as sync.js's own rule has it for an edit made here before the pull: the pulled removal
 * leaves an edited record alone, the push meets the removal, and the user keeps the paper or lets it go.
 * In memory for a few minutes: a worker stop ends the popup's port and its drafts with it.
 * @type {Map<string, {rec: SavedPaper, at: number}>}
 */
const pulledAway = new Map();
const PULLED_AWAY_MS = 3 * 60_000;
const PULLED_AWAY_MAX = 200;

/**
 * Called by the sync engine, inside exclusive, for each record a pulled removal deletes. @param {SavedPaper} rec
 */
export function removedByPull(rec) {
  const now = Date.now();
  for (const [id, { at }] of pulledAway) if (now - at > PULLED_AWAY_MS) pulledAway.delete(id);
  pulledAway.delete(rec.id); // the latest last
  pulledAway.set(rec.id, { rec: structuredClone(rec), at: now });
  // A mass removal elsewhere: the popup shows one paper's edits at a time, so the latest few are plenty.
  for (const id of pulledAway.keys()) {
    if (pulledAway.size <= PULLED_AWAY_MAX) break;
    pulledAway.delete(id);
  }
}

/**
 * Forgets the records pulls removed: they belong to the library this device synced with, and an edit must not
 * bring one into another (sync.js calls it on sign-out and when it rebases onto a new library).
 */
export function forgetPulled() {
  pulledAway.clear();
}

/** @param {string} id @returns {SavedPaper|null} the record a pull removed lately */
function removedThere(id) {
  const kept = pulledAway.get(id);
  return kept && Date.now() - kept.at <= PULLED_AWAY_MS ? structuredClone(kept.rec) : null;
}

/**
 * chrome.storage.session: what the user had added to the papers removed lately (tags, note, read state, when it
 * was saved), by paper ID, so that saving one again brings it back: a card's "Saved ✓" clicked by mistake and
 * then Save, or the popup's Undo. Only removals made here; forgotten when the browser closes.
 */
export const REMOVED_KEY = 'library:removed';
/** How many removed papers are remembered, the latest. */
const MAX_REMOVED = 50;

/** Remembers a paper's user fields as it is removed; a failure costs only the undo. @param {SavedPaper} rec */
async function keepRemoved(rec) {
  try {
    const { [REMOVED_KEY]: removed = {} } = await chrome.storage.session.get(REMOVED_KEY);
    delete removed[rec.id]; // the latest last
    removed[rec.id] = { tags: rec.tags, note: rec.note, read: rec.read, saved_at: rec.saved_at,
      ...(rec.sync.owner ? { owner: rec.sync.owner } : {}) };
    await chrome.storage.session.set({ [REMOVED_KEY]: Object.fromEntries(Object.entries(removed).slice(-MAX_REMOVED)) });
  } catch (err) {
    console.warn('papergist: remembering a removed paper', err);
  }
}

/**
 * Stamps the remembered removed papers that carry no account's stamp with owner, the library of the session that
 * just ended (sync.js claimUnpushed, inside exclusive): removed during it, they were that account's (saved or
 * edited under it, or synced with it), and a save after the sign-out brings their fields back with the stamp.
 * Without it, the note came back as if saved while signed out and went to the next account unasked. A failure
 * is thrown, not swallowed: the claim stops before it clears open, and the next one (GET_ACCOUNT, a round, the
 * worker's start) stamps again.
 * @param {string} owner server|email
 */
export async function stampRemoved(owner) {
  const { [REMOVED_KEY]: removed } = await chrome.storage.session.get(REMOVED_KEY);
  if (!removed || typeof removed !== 'object') return;
  let changed = false;
  for (const back of Object.values(removed)) {
    if (back && typeof back === 'object' && !back.owner) {
      back.owner = owner;
      changed = true;
    }
  }
  if (changed) await chrome.storage.session.set({ [REMOVED_KEY]: removed });
}

/**
 * The library of the stored session (server|email), '' while signed out. From the session itself, not from
 * sync.js sync:state's open: that is written a moment after sign-in (signedIn) and cleared a moment after
 * sign-out, and a Save in between took the new account for "signed out" and brought another account's note in.
 * @returns {Promise<string>}
 */
async function openLibrary() {
  const s = await account.session();
  return s ? libraryOf(s) : '';
}

/**
 * Remembered fields that may come back under the session open now (open, '' signed out): those of no account's
 * (removed in this session, or signed out) or of that session's account. Signed out, any: they come back with
 * their stamp, so another account still asks first. Signed in to another account than theirs, none: they stay in
 * REMOVED_KEY (until the browser closes, or a removal of the paper here replaces them), never poured into this one.
 * @template {{owner?: string}|null} T @param {T} back @param {string} open @returns {T|null}
 */
const fits = (back, open) => (back && back.owner && open && back.owner !== open ? null : back);

/** takeRemoved's answer for a paper whose remembered fields are another account's: nothing comes back, not even restore. */
const ASIDE = Symbol('another account\'s');

/**
 * The user fields of a paper removed lately, forgotten as they are taken; null when there are none; ASIDE when they
 * are another account's than the session's (fits: left where they are).
 * @param {string} id @param {string} open the session's library (openLibrary), '' signed out
 * @returns {Promise<{tags: string[], note: string, read: boolean, saved_at: string, owner?: string}|null|typeof ASIDE>}
 */
async function takeRemoved(id, open) {
  try {
    const { [REMOVED_KEY]: removed } = await chrome.storage.session.get(REMOVED_KEY);
    if (!removed || !Object.hasOwn(removed, id)) return null;
    const back = removed[id];
    if (back && typeof back === 'object' && !fits(back, open)) return ASIDE; // kept for its account
    delete removed[id];
    await chrome.storage.session.set({ [REMOVED_KEY]: removed });
    return back && typeof back === 'object' && typeof back.saved_at === 'string' && Array.isArray(back.tags) ? back : null;
  } catch (err) {
    console.warn('papergist: a removed paper', err);
    return null;
  }
}

/**
 * Tells the popup's first screen (popup/first-screen.js) of the papers just written whose place in its list may
 * have changed unseen by their keys: saved anew (perhaps a paper it remembers, removed and saved again), a new
 * save time, a conflict come or gone. What it remembers then leaves them out, so its next opening reads them as
 * new instead of showing a first screen without them. Call it inside exclusive, after the write; a failure costs
 * only the first screen's guess, which the whole library corrects.
 * @param {Record<string, any>} before the stored values of the keys written (absent: none)
 * @param {Record<string, any>} after the values written (a key absent or undefined: removed)
 */
export async function placesChanged(before, after) {
  const moved = [];
  for (const [k, v] of Object.entries(after)) {
    const id = idOfKey(k);
    if (id === null || !v) continue;
    const old = before[k] && upgrade(before[k]);
    const rec = upgrade(v);
    if (!old || old.saved_at !== rec.saved_at || Boolean(old.sync.conflict) !== Boolean(rec.sync.conflict)) moved.push(id);
  }
  if (!moved.length) return;
  try {
    const { [REMEMBER_KEY]: remembered } = await chrome.storage.local.get(REMEMBER_KEY);
    const next = forgetMoved(remembered, moved);
    if (next) await chrome.storage.local.set({ [REMEMBER_KEY]: next });
  } catch (err) {
    console.warn('papergist: the popup\'s first screen', err);
  }
}

/**
 * The user fields of a removed paper, when x holds them all in their stored types, with the account stamp it had
 * (owner, when x has one: sync.js claimUnpushed); else null.
 * @param {unknown} x @returns {{tags: string[], note: string, read: boolean, saved_at: string, owner?: string}|null}
 */
function userFields(x) {
  if (!x || typeof x !== 'object') return null;
  const { tags, note, read, saved_at: savedAt, owner } = /** @type {any} */ (x);
  if (!Array.isArray(tags) || typeof note !== 'string' || typeof read !== 'boolean' || typeof savedAt !== 'string' ||
    Number.isNaN(Date.parse(savedAt))) return null;
  return { tags: normalizeTags(tags), note, read, saved_at: savedAt,
    ...(typeof owner === 'string' && owner.includes('|') ? { owner } : {}) };
}

/** chrome.storage.local: the shape of the stored records, 2 once every record is lib/record.js's (absent: older). */
export const SCHEMA_KEY = 'library:schema';
const SCHEMA = 3; // 3: published and venue are wire fields (lib/record.js upgrade lifts them out of meta)

/** @type {Promise<number>|null} this worker's migration */
let migration = null;

/**
 * The one rule for a tombstone found beside its record, used at a worker's start (settle) and by a push (sync.js
 * pushBatch), so that the outcome does not depend on whether the worker stopped in between: a removal newer than
 * every edit of the record (removalWins) was cut short, and the record goes; else the paper was saved or edited
 * again after it (or the tombstone is an older version's, with no mark), and the tombstone goes.
 * @param {string} goneKey the tombstone's key @param {{id: string, at?: number}} tomb @param {unknown} stored the record
 * @returns {string} the key to remove
 */
export function leftover(goneKey, tomb, stored) {
  return removalWins(tomb, stored) ? keyOf(tomb.id) : goneKey;
}

/**
 * Finishes what a worker stopped halfway through (remove and save write the tombstone and the record one after
 * the other): a tombstone beside a record is a removal when it is newer than every edit of the record
 * (removalWins), and the record goes; else the paper was saved again, and the tombstone goes. Left as it was,
 * the sync engine took every such tombstone for stale, and the paper the user had removed came back.
 */
async function settle() {
  // The tombstones' keys alone where the browser lists keys: reading a large library whole at every worker start
  // would hold every library write and the first sync round for a second or more.
  const keys = await storedKeys(chrome.storage.local);
  const gone = keys && keys.filter((k) => k.startsWith(GONE_PREFIX));
  if (gone && !gone.length) return;
  const all = await chrome.storage.local.get(gone ? gone.flatMap((k) => [k, keyOf(k.slice(GONE_PREFIX.length))]) : null);
  const drop = [];
  for (const [k, tomb] of Object.entries(all)) {
    if (!k.startsWith(GONE_PREFIX) || !tomb || !Object.hasOwn(all, keyOf(tomb.id))) continue;
    drop.push(leftover(k, tomb, all[keyOf(tomb.id)]));
  }
  if (drop.length) await chrome.storage.local.remove(drop);
  written(drop);
  const removed = drop.map(idOfKey).filter((id) => id !== null);
  if (removed.length) await forgetTyped(removed);
}

/**
 * Settles removals and saves a stopped worker left halfway (settle), then upgrades every record stored in an
 * older shape (lib/record.js upgrade), in one storage write with the schema mark: a stop before it leaves the old
 * records and no mark, and the next start does it again. Queued before any other library write of this worker,
 * so no write sees an old record or a half-done removal; readers upgrade what they read anyway.
 * Runs once per worker life (again after a failure).
 * @returns {Promise<number>} how many records were upgraded
 */
export function migrate() {
  migration ??= exclusive(async () => {
    await settle();
    const { [SCHEMA_KEY]: schema } = await chrome.storage.local.get(SCHEMA_KEY);
    if (schema >= SCHEMA) return 0;
    const all = await chrome.storage.local.get(null);
    const put = {};
    for (const [k, v] of Object.entries(all)) {
      if (idOfKey(k) !== null && v && !isCurrent(v)) put[k] = upgrade(v);
    }
    const n = Object.keys(put).length;
    put[SCHEMA_KEY] = SCHEMA;
    await chrome.storage.local.set(put);
    written(Object.keys(put));
    if (n) console.info(`papergist: upgraded ${n} saved papers to the item shape`);
    return n;
  }).catch((err) => {
    migration = null;
    throw err;
  });
  return migration;
}
