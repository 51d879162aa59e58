// Saved papers in chrome.storage.local, one key per paper ("paper:<canonical id>"), so that edits of
// different papers never overwrite each other and a listing can ask for just the IDs it shows. Any context
// reads them from here; only the background writes them (background/library.js), through MSG.SAVE_PAPER,
// MSG.UPDATE_PAPER and MSG.REMOVE_PAPER.

const PREFIX = 'paper:';
/**
 * A removed paper the server still has: "gone:<id>" → {id, version, at, title, copy}, until its deletion is pushed;
 * copy: the record as it was removed (with its edit marks), updated by the pulls since, brought back should the server
 * refuse the removal and its ID (sync.js).
 */
export const GONE_PREFIX = 'gone:';

import { upgrade } from './record.js';
import { storedKeys } from './storage-keys.js';

/** @typedef {import('./messages.js').SavedPaper} SavedPaper */
/** @typedef {import('./messages.js').Paper} Paper */

/** @param {string} id */
export const keyOf = (id) => PREFIX + id;

/** @param {string} key @returns {string|null} the paper ID, or null for a key that is not a paper's */
export const idOfKey = (key) => (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : null);

/**
 * White space as Go's unicode.IsSpace has it, which strings.Fields splits on and strings.TrimSpace trims: the
 * server's rules are written in Go, and JavaScript's \s differs (it has U+FEFF, lacks U+0085).
 */
export const SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACES = new RegExp(`[${SPACE}]+`, 'g');
const EDGES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g');

/** @param {string} s @returns {string} s without white space (as Go's) at either end */
export const trimSpace = (s) => s.replace(EDGES, '');

/** Lower case rune by rune, as Go's unicode.ToLower (toLowerCase alone turns İ into two characters). */
const lower = (s) => Array.from(s, (c) => (c === '\u0130' ? 'i' : c.toLowerCase())).join('');

/** Orders strings by code point, as Go orders UTF-8 bytes (JavaScript's sort compares UTF-16 units). */
export function byCodePoint(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * Tags as a set: trimmed, inner white space collapsed to one space, lower-cased, without empties or duplicates,
 * sorted. The one rule of shared/syncproto.NormalizeTags; both run shared/syncproto/testdata/tags.json.
 * @param {string[]} tags @returns {string[]}
 */
export function normalizeTags(tags) {
  const set = new Set(tags.map((t) => lower(trimSpace(String(t)).replace(SPACES, ' '))).filter(Boolean));
  return [...set].sort(byCodePoint);
}

/**
 * The IDs of the saved papers, without reading the papers where the browser can list keys alone: a large library
 * is megabytes of records (5,000 papers, each with its abstract: reading them all took 1.3-1.7 s in the service
 * worker, its keys 22-31 ms).
 * @returns {Promise<string[]>}
 */
export async function savedIdList() {
  const keys = await storedKeys(chrome.storage.local);
  if (!keys) return (await list()).map((s) => s.id);
  return keys.map(idOfKey).filter((id) => id !== null);
}

/**
 * Every saved paper, in chunks of at most size, each read on its own: a large library is read without holding
 * the reader's thread for the whole of it, so the messages that arrive meanwhile are answered between chunks.
 * In no particular order; a paper removed while the chunks are read is left out.
 * @param {number} size
 * @returns {AsyncGenerator<SavedPaper[]>} yields at least one chunk, empty for an empty library
 */
export async function* listInChunks(size) {
  const stored = await storedKeys(chrome.storage.local);
  if (!stored) {
    const all = await list();
    for (let i = 0; i === 0 || i < all.length; i += size) yield all.slice(i, i + size);
    return;
  }
  const keys = stored.filter((k) => idOfKey(k) !== null);
  for (let i = 0; i === 0 || i < keys.length; i += size) {
    const got = keys.length ? await chrome.storage.local.get(keys.slice(i, i + size)) : {};
    yield Object.values(got).filter(Boolean).map(upgrade);
  }
}

/** @returns {Promise<SavedPaper[]>} newest first (a record an older version stored, upgraded: lib/record.js) */
export async function list() {
  const all = await chrome.storage.local.get(null);
  return Object.entries(all)
    .filter(([k, v]) => idOfKey(k) !== null && v)
    .map(([, v]) => upgrade(v))
    .sort((a, b) => (a.saved_at < b.saved_at ? 1 : a.saved_at > b.saved_at ? -1 : 0));
}

/** @param {string[]} ids @returns {Promise<Set<string>>} those of ids that are saved */
export async function savedAmong(ids) {
  const got = await chrome.storage.local.get(ids.map(keyOf));
  return new Set(Object.keys(got).map(idOfKey));
}

/**
 * Calls fn(id, saved) whenever a paper is saved or removed, from any context, until the returned
 * function is called.
 * @param {(id: string, saved: boolean) => void} fn @returns {() => void}
 */
export function onChange(fn) {
  const listener = (changes, area) => {
    if (area !== 'local') return;
    for (const [key, { oldValue, newValue }] of Object.entries(changes)) {
      const id = idOfKey(key);
      if (id !== null && !oldValue !== !newValue) fn(id, Boolean(newValue));
    }
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}
