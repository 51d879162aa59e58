// The popup's in-memory copy of the library: every saved paper, loaded once from chrome.storage.local and then
// kept current from chrome.storage.onChanged one key at a time, with a lower-cased haystack per paper so that a
// search is a scan of plain strings (5,000 papers: a few milliseconds), never a storage read.
import { idOfKey } from '../lib/saved.js';
import { upgrade } from '../lib/record.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */

const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}+/gu;

/**
 * Text as a search compares it: lower-cased, and without accents, so that "nunez" finds Núñez and "schölkopf"
 * finds Scholkopf (ASCII text, the most of it, skips the decomposition).
 * @param {string} s
 */
export const fold = (s) => (NON_ASCII.test(s) ? s.normalize('NFD').replace(MARKS, '') : s).toLowerCase();

/** @param {SavedPaper} rec @returns {string} what a search looks through, folded (fold) */
export function haystack(rec) {
  return fold([rec.title, (rec.authors || []).join(' '), (rec.tags || []).join(' '), rec.note, rec.tldr,
    (rec.keyphrases || []).join(' '), rec.id].join('\n'));
}

/** @param {string} query @returns {string[]} its folded words (fold); a paper matches when it holds every one */
export const terms = (query) => fold(query).split(/\s+/).filter(Boolean);

const newestFirst = (a, b) => (a.rec.saved_at < b.rec.saved_at ? 1 : a.rec.saved_at > b.rec.saved_at ? -1
  : a.rec.id < b.rec.id ? -1 : a.rec.id > b.rec.id ? 1 : 0);

/** The list fields the popup joins and slices. */
const LISTS = ['authors', 'tags', 'keyphrases'];

/**
 * A record the popup can show and export: one whose authors, tags or key phrases are not a list (a damaged record,
 * or one a page's renderer sent) gets a copy with lists there; a single value becomes a list of one. Its storage is
 * left as it is. Without this, one such record threw in the index and the whole popup stayed blank.
 * @param {SavedPaper} rec @returns {SavedPaper}
 */
export function showable(rec) {
  if (LISTS.every((f) => Array.isArray(rec[f]) && rec[f].every((x) => typeof x === 'string'))) return rec;
  const copy = { ...rec };
  for (const f of LISTS) {
    const v = rec[f];
    copy[f] = (Array.isArray(v) ? v : v == null ? [] : [v]).filter((x) => x != null).map(String);
  }
  return copy;
}

export class LibraryIndex {
  /** @type {Map<string, {rec: SavedPaper, hay: string}>} paper ID → record and haystack */
  #entries = new Map();
  /** The entries newest first, or null when a save or removal has made it stale (sorted on the next read). */
  #order = null;
  /** IDs of the papers waiting for a conflict to be settled. */
  #conflicts = new Set();

  /** Replaces the contents with the papers among every stored key. @param {Record<string, any>} all */
  load(all) {
    this.#entries.clear();
    this.#conflicts.clear();
    for (const [key, value] of Object.entries(all)) {
      const id = idOfKey(key);
      if (id !== null && value) this.#put(id, upgrade(value));
    }
    this.#order = null;
  }

  /**
   * Applies a chrome.storage.onChanged batch. @param {Record<string, chrome.storage.StorageChange>} changes
   * @returns {string[]} the IDs of the papers it saved, changed or removed
   */
  apply(changes) {
    const ids = [];
    for (const [key, { newValue }] of Object.entries(changes)) {
      const id = idOfKey(key);
      if (id === null) continue;
      ids.push(id);
      const old = this.#entries.get(id);
      if (newValue) {
        const rec = upgrade(newValue);
        if (!old || old.rec.saved_at !== rec.saved_at) this.#order = null;
        this.#put(id, rec);
      } else if (old) {
        this.#entries.delete(id);
        this.#conflicts.delete(id);
        this.#order = null;
      }
    }
    return ids;
  }

  #put(id, stored) {
    const rec = showable(stored);
    const e = this.#entries.get(id);
    // in place: the sorted order holds the entries themselves
    if (e) Object.assign(e, { rec, hay: haystack(rec) });
    else this.#entries.set(id, { rec, hay: haystack(rec) });
    if (rec.sync.conflict) this.#conflicts.add(id);
    else this.#conflicts.delete(id);
  }

  get size() {
    return this.#entries.size;
  }

  /** How many papers wait for a conflict to be settled. */
  get conflictCount() {
    return this.#conflicts.size;
  }

  /** @param {string} id @returns {SavedPaper|undefined} */
  get(id) {
    const e = this.#entries.get(id);
    return e && e.rec;
  }

  /** @param {string} id */
  has(id) {
    return this.#entries.has(id);
  }

  #sorted() {
    this.#order ??= [...this.#entries.values()].sort(newestFirst);
    return this.#order;
  }

  /** @returns {SavedPaper[]} every paper, newest first */
  all() {
    return this.#sorted().map((e) => e.rec);
  }

  /**
   * The papers holding every word of query in their title, authors, tags, note, TL;DR, key phrases or ID:
   * those with a conflict first, then newest first. An empty query matches every paper.
   * @param {string} query @returns {SavedPaper[]}
   */
  search(query) {
    const words = terms(query);
    const conflicted = [];
    const rest = [];
    for (const e of this.#sorted()) {
      if (words.length && !words.every((w) => e.hay.includes(w))) continue;
      (e.rec.sync.conflict ? conflicted : rest).push(e.rec);
    }
    return conflicted.length ? conflicted.concat(rest) : rest;
  }
}
