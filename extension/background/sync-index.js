// What the sync engine needs to know of every record, in memory: which keys have something to push (dirty fields,
// a removal's tombstone) and which count in the popup's status (pending, conflicts, disputes, refusals). A round
// and a status recount used to read the whole library for it, each: 5,000 papers with their abstracts took the
// service worker 1.3-1.7 s per read, twice a round and again after every edit. Now the library is read whole once
// per worker life, and then only the keys written since: the background's own writers name them as they write
// (written, inside library.exclusive, so the round that follows sees them), and chrome.storage.onChanged names
// any other (a write from elsewhere, told a moment later). onChanged reports the background's own writes too. In
// Firefox (and the unit tests' fake) it reports them after set() resolves, so after written() named them and often
// after they were read: such a report, bringing what the index holds, is not read again. Chromium reports them
// before set() resolves, so before written(): the report and the naming then lead to one read, and nothing is saved.
import { idOfKey, keyOf, GONE_PREFIX } from '../lib/saved.js';
import { upgrade, dirtyFields } from '../lib/record.js';

/**
 * @typedef {{gone: string, error: string, title: string, id: string}|{dirty: boolean, conflict: boolean, dispute: boolean,
 *   error: string, title: string, id: string}} Entry a tombstone (the ID it removes; error: the server refuses the
 *   removal), or a record's sync state
 */

/** @type {Map<string, Entry>|null} by storage key, for the keys of records and tombstones; null until read */
let entries = null;
/** Keys the background wrote since they were last read (written()): read at the next use, whatever is reported. */
const named = new Set();
/** Keys storage reported written since they were last read, with another entry than the index holds. */
const reported = new Set();
/** Keys being read: a write reported meanwhile may be newer than what the read holds. */
const reading = new Set();
/** The reads of this module, one at a time. @type {Promise<unknown>} */
let tail = Promise.resolve();
/** Counts forget()s: a read that one lands in may hold storage from before it, and is read again. */
let generation = 0;

const isLibraryKey = (k) => k.startsWith(GONE_PREFIX) || idOfKey(k) !== null;

/** @param {string} k @param {any} v @returns {Entry} */
function entryOf(k, v) {
  if (k.startsWith(GONE_PREFIX)) return { gone: v.id, error: v.error ? String(v.error) : '', title: v.title || '', id: v.id };
  const rec = upgrade(v);
  return { dirty: dirtyFields(rec).length > 0, conflict: Boolean(rec.sync.conflict), dispute: Boolean(rec.dispute),
    error: rec.sync.error ? String(rec.sync.error) : '', title: rec.title || '', id: rec.id };
}

/** @param {Entry|undefined} a @param {Entry|undefined} b */
function sameEntry(a, b) {
  if (!a || !b) return a === b;
  const fields = Object.keys(a);
  return fields.length === Object.keys(b).length && fields.every((f) => a[f] === b[f]);
}

/**
 * Whether the index holds, for k, the entry of a value storage reports written: reports come in the order of the
 * writes, so the index is then as storage was at the last write reported, and an older report's read is not needed.
 * Not while k is being read: that read may hold a value from before the write.
 * @param {string} k @param {unknown} v
 */
function holds(k, v) {
  if (!entries || reading.has(k)) return false;
  try {
    return sameEntry(entries.get(k), v ? entryOf(k, v) : undefined);
  } catch {
    return false; // not a value the index can read: read from storage, as before
  }
}

/**
 * Tells the index which keys were just written (set or removed): call it after the write's promise resolved.
 * @param {Iterable<string>} keys
 */
export function written(keys) {
  for (const k of keys) if (isLibraryKey(k)) named.add(k);
}

/** Forgets everything: the next use reads the whole library (after a write of all of it, such as a rebase). */
export function forget() {
  generation++;
  entries = null;
  named.clear();
  reported.clear();
}

// A report that matches what the index holds drops the read an older report asked for. That is right only because
// reports of one key come in the order of its writes, and they do because only the background writes library keys
// (records and tombstones): the browser gives no order between the writes of two contexts. A page that writes a
// record itself (popup, options, a library page) would break that: it must ask the background to write, or this
// listener must read every report again. sync-index.test.js checks that no page writes storage but the popup's
// first-screen key.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  for (const [k, { newValue }] of Object.entries(changes)) {
    if (!isLibraryKey(k)) continue;
    if (holds(k, newValue)) reported.delete(k);
    else reported.add(k);
  }
});

/** @returns {Promise<Map<string, Entry>>} the entries as storage has them now (up to the writes noted so far) */
function current() {
  const run = tail.then(async () => {
    for (;;) {
      // a status recount reads outside library.exclusive, so a rebase's forget() may land during a read
      const gen = generation;
      if (!entries) {
        named.clear(); // a write noted from here on is read again
        reported.clear();
        const all = await chrome.storage.local.get(null);
        if (gen !== generation) continue;
        entries = new Map();
        for (const [k, v] of Object.entries(all)) if (v && isLibraryKey(k)) entries.set(k, entryOf(k, v));
      }
      if (named.size || reported.size) {
        const keys = [...new Set([...named, ...reported])];
        named.clear();
        reported.clear();
        for (const k of keys) reading.add(k);
        let got;
        try {
          got = await chrome.storage.local.get(keys);
        } finally {
          for (const k of keys) reading.delete(k);
        }
        if (gen !== generation) continue;
        for (const k of keys) {
          if (got[k]) entries.set(k, entryOf(k, got[k]));
          else entries.delete(k);
        }
      }
      return entries;
    }
  });
  tail = run.catch(() => {});
  return run.catch((err) => {
    forget(); // read whole again next time
    throw err;
  });
}

/**
 * The keys of what may have something to push: tombstones, and records with dirty fields. A caller reads them
 * (and the records of the tombstones' IDs) and decides from the records themselves.
 * @returns {Promise<string[]>} in key order, as a read of the whole library gives them
 */
export async function toPush() {
  const out = [];
  for (const [k, e] of await current()) if (('gone' in e && !e.error) || ('dirty' in e && e.dirty)) out.push(k);
  return out.sort();
}

/** @returns {Promise<string[]>} the keys of the tombstones whose removal the server refused, in key order */
export async function refusedRemovals() {
  const out = [];
  for (const [k, e] of await current()) if ('gone' in e && e.error) out.push(k);
  return out.sort();
}

/**
 * The status's counts, as a scan of every record gives them.
 * @returns {Promise<{pending: number, conflicts: number, disputes: number, errors: number, removals: number,
 *   reason: string}>} removals: those of errors that are removals the server refused (not in the list any more)
 */
export async function counts() {
  const all = await current();
  let pending = 0;
  let conflicts = 0;
  let disputes = 0;
  let errors = 0;
  let removals = 0;
  let reason = '';
  let reasonKey = '';
  for (const [k, e] of all) {
    if ('gone' in e && all.has(keyOf(e.gone))) continue; // a leftover tombstone: the record beside it counts
    if ('conflict' in e && e.conflict) conflicts++;
    else {
      if ('dispute' in e && e.dispute) disputes++; // another device's choice is awaited
      if (e.error) {
        errors++;
        if ('gone' in e) removals++;
        if (!reasonKey || k < reasonKey) { // the first in key order, as a scan of the whole library named it
          reasonKey = k;
          reason = `${e.title ? `"${e.title}"` : e.id}: ${e.error}`;
        }
      } else if ('gone' in e || e.dirty) pending++;
    }
  }
  return { pending, conflicts, disputes, errors, removals, reason };
}
