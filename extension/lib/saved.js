// Saved papers in chrome.storage.local, one key per paper ("paper:<canonical id>"), so that edits of
// different papers never overwrite each other and a listing can ask for just the IDs it shows.

const PREFIX = 'paper:';

/** @typedef {import('./messages.js').SavedPaper} SavedPaper */
/** @typedef {import('./messages.js').Paper} Paper */

/** @param {string} id */
export const keyOf = (id) => PREFIX + id;

/** @param {string} key @returns {string|null} the paper ID, or null for a key that is not a paper's */
export const idOfKey = (key) => (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : null);

/**
 * Runs the read-modify-write fn(id) after the previous one on the same paper in this context has finished:
 * a tag, a note and a checkbox changed in quick succession must not overwrite each other.
 * @template T @param {string} id @param {() => Promise<T>} fn @returns {Promise<T>}
 */
const queues = new Map();
function serial(id, fn) {
  const run = (queues.get(id) || Promise.resolve()).then(fn, fn);
  const tail = run.catch(() => {});
  queues.set(id, tail);
  tail.then(() => {
    if (queues.get(id) === tail) queues.delete(id);
  });
  return run;
}

/**
 * Saves a paper; saving one that is saved already keeps its tags, note and read state.
 * @param {Paper} paper @param {{tldr: string, keyphrases: string[]}} summary
 * @returns {Promise<SavedPaper>}
 */
export function save(paper, summary, now = new Date()) {
  return serial(paper.id, () => saveNow(paper, summary, now));
}

async function saveNow(paper, summary, now) {
  const key = keyOf(paper.id);
  const { [key]: old } = await chrome.storage.local.get(key);
  /** @type {SavedPaper} */
  const rec = {
    id: paper.id,
    paper,
    tldr: summary.tldr || '',
    keyphrases: summary.keyphrases || [],
    tags: old ? old.tags : [],
    note: old ? old.note : '',
    read: old ? old.read : false,
    savedAt: old ? old.savedAt : now.toISOString(),
  };
  await chrome.storage.local.set({ [key]: rec });
  return rec;
}

/** @param {string} id */
export function remove(id) {
  return serial(id, () => chrome.storage.local.remove(keyOf(id)));
}

/**
 * Changes the tags, note or read state of a saved paper; absent fields are left alone.
 * @param {string} id @param {{tags?: string[], note?: string, read?: boolean}} patch
 */
export function update(id, patch) {
  return serial(id, () => updateNow(id, patch));
}

async function updateNow(id, patch) {
  const key = keyOf(id);
  const { [key]: rec } = await chrome.storage.local.get(key);
  if (!rec) throw new Error(`${id} is not saved`);
  if (patch.tags) rec.tags = normalizeTags(patch.tags);
  if (typeof patch.note === 'string') rec.note = patch.note;
  if (typeof patch.read === 'boolean') rec.read = patch.read;
  await chrome.storage.local.set({ [key]: rec });
  return rec;
}

/** @param {string[]} tags trimmed, lower-cased, without duplicates or empties */
export function normalizeTags(tags) {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
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
