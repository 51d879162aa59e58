// Saved papers in chrome.storage.local, one key per paper ("paper:<canonical id>"), so that edits of
// different papers never overwrite each other and a listing can ask for just the IDs it shows. Any context
// reads them from here; only the background writes them (background/library.js), through MSG.SAVE_PAPER,
// MSG.UPDATE_PAPER and MSG.REMOVE_PAPER.

const PREFIX = 'paper:';
/** A removed paper the server still has: "gone:<id>" → {id, version}, until its deletion is pushed. */
export const GONE_PREFIX = 'gone:';

/** @typedef {import('./messages.js').SavedPaper} SavedPaper */
/** @typedef {import('./messages.js').Paper} Paper */

/** @param {string} id */
export const keyOf = (id) => PREFIX + id;

/** @param {string} key @returns {string|null} the paper ID, or null for a key that is not a paper's */
export const idOfKey = (key) => (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : null);

/**
 * @param {string[]} tags trimmed, inner spaces collapsed, lower-cased, without duplicates or empties, sorted:
 *   the server keeps tags as such a set too (syncproto.NormalizeTags), so both sides compare equal
 */
export function normalizeTags(tags) {
  return [...new Set(tags.map((t) => String(t).trim().replace(/\s+/g, ' ').toLowerCase()).filter(Boolean))].sort();
}

/** @returns {Promise<SavedPaper[]>} newest first */
export async function list() {
  const all = await chrome.storage.local.get(null);
  return Object.entries(all)
    .filter(([k]) => idOfKey(k) !== null)
    .map(([, v]) => v)
    .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
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
