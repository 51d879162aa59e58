// The popup's first screen before the whole library is read. Reading every saved paper takes long in a large
// library (5,000 papers, each with its abstract: chrome.storage.local.get(null) took about 1.1 s of the popup's
// 1.5 s first render), and the first screen shows only the newest few. So the popup remembers, under
// REMEMBER_KEY, which papers its list began with and which papers there were; on the next opening it reads the
// keys alone (getKeys), then only those first papers that are still saved and any paper saved since, draws them,
// and draws the whole library once it is read.
// What it remembers is only a guess at the order, never data: the records are read fresh, a paper removed since
// is left out, one saved since is put in its place by the same order as the list's. A paper outside the
// remembered ones that moved up (a conflict marks it first, a save time changed by a pull, a paper removed and
// saved again while the popup was closed) would be missing: the background, which writes every record, drops
// such a paper from what is remembered as it writes it (forgetMoved), so the next opening reads it as new.
import { idOfKey } from '../lib/saved.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */
/** @typedef {{top: string[], ids: string[]}} Remembered */

/** The key of what the popup remembers (not a paper's key: readers of the library skip it). */
export const REMEMBER_KEY = 'popup:first';
/** How many papers of the list's beginning are remembered: twice a screen, for the ones removed meanwhile. */
export const REMEMBERED = 100;
/** Past this many papers saved since (a first sync of a large library), the first screen waits for all of them. */
export const MAX_NEW = 200;

/**
 * Which papers to read for the first screen: the remembered beginning of the list that is still saved, and the
 * papers saved since.
 * @param {unknown} remembered what REMEMBER_KEY holds @param {string[]} keys the storage area's keys
 * @returns {string[]|null} paper IDs; null when the first screen cannot be told from them (nothing or something
 *   malformed remembered, or too many papers new)
 */
export function firstScreenIds(remembered, keys) {
  if (!isRemembered(remembered)) return null;
  const ids = keys.map(idOfKey).filter((id) => id !== null);
  const now = new Set(ids);
  const known = new Set(remembered.ids);
  const fresh = ids.filter((id) => !known.has(id));
  if (fresh.length > MAX_NEW) return null;
  return [...remembered.top.filter((id) => now.has(id)), ...fresh];
}

/** @param {unknown} r @returns {r is Remembered} */
function isRemembered(r) {
  const strings = (/** @type {unknown} */ xs) => Array.isArray(xs) && xs.every((x) => typeof x === 'string');
  return Boolean(r) && typeof r === 'object' && strings(/** @type {any} */ (r).top) && strings(/** @type {any} */ (r).ids);
}

/**
 * What to remember for the next opening, from the whole library in the list's order; null when what is
 * remembered already says it (no write on an unchanged library).
 * @param {unknown} remembered what REMEMBER_KEY holds @param {SavedPaper[]} ordered every paper, in the list's order
 * @returns {Remembered|null}
 */
export function toRemember(remembered, ordered) {
  const top = ordered.slice(0, REMEMBERED).map((s) => s.id);
  const ids = ordered.map((s) => s.id);
  if (isRemembered(remembered) && sameList(remembered.top, top) && sameSet(remembered.ids, ids)) return null;
  return { top, ids };
}

/**
 * What is remembered, without the papers whose place in the list may have changed in a way their keys do not show
 * (see the top of this file): they count as new at the next opening. null when none of them is remembered.
 * @param {unknown} remembered what REMEMBER_KEY holds @param {string[]} moved paper IDs
 * @returns {Remembered|null}
 */
export function forgetMoved(remembered, moved) {
  if (!isRemembered(remembered) || !moved.length) return null;
  const gone = new Set(moved);
  if (!remembered.ids.some((id) => gone.has(id))) return null;
  return { top: remembered.top.filter((id) => !gone.has(id)), ids: remembered.ids.filter((id) => !gone.has(id)) };
}

/** @param {string[]} a @param {string[]} b */
const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** @param {string[]} a @param {string[]} b */
function sameSet(a, b) {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return s.size === a.length && b.every((x) => s.has(x));
}
