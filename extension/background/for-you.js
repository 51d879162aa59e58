// For you: the listing papers closest to the reader's library, marked on the page. The library index lives in the
// engine (wasm/bridge Library, in the offscreen document, which outlives this worker; in Firefox the background
// page): this file loads it whole when the engine is fresh and then sends it each save, edit and removal as it
// happens, so that a page's one Analyze call ranks the page too. The library never leaves the device.
import { MSG, TARGET, unwrap } from '../lib/messages.js';
import * as saved from '../lib/saved.js';
import { upgrade } from '../lib/record.js';
import { ensureEngine, engineStats } from './engine.js';
import { toHost } from './host.js';
import { tellEveryPage } from './page-papers.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */

/** chrome.storage.local: false when the reader turned For you off (absent: on). */
export const SETTING_KEY = 'settings:forYou';
/** The engine ranks a listing once the library holds this many papers: bridge.MinLibrary, held to it by a Go test. */
export const MIN_LIBRARY = 3;
/** Papers per message of a full load: a 5,000-paper library in ten calls of a few milliseconds each. */
const CHUNK = 500;

/**
 * What the ranker reads of a saved paper (rank.Paper): title, key phrases and tags; never its note, and not its
 * abstract, which the key phrases stand for at a fraction of the cost (see forYou in wasm/bridge).
 * @param {SavedPaper} rec
 */
const rankPaper = (rec) => ({
  paper_id: rec.id,
  title: rec.title || '',
  keyphrases: Array.isArray(rec.keyphrases) ? rec.keyphrases : [],
  tags: Array.isArray(rec.tags) ? rec.tags : [],
});

/**
 * One call to the engine's library index. @param {{reset?: boolean, add?: object[], remove?: string[],
 * loaded?: boolean}} request @returns {Promise<{size: number, loaded: boolean}>}
 */
async function call(request) {
  await ensureEngine();
  engineStats.libraryTrips++;
  const { json } = unwrap(await toHost({ target: TARGET.OFFSCREEN, type: MSG.ENGINE_LIBRARY, json: JSON.stringify(request) }), MSG.ENGINE_LIBRARY);
  return unwrap(JSON.parse(json), 'library');
}

/** @type {Promise<{size: number, loaded: boolean}>|null} the index as this worker last knew it */
let ready = null;
/** Whether ready has resolved: the engine held the whole library when this worker last asked or loaded it. */
let whole = false;

/**
 * Resolves once the engine's index holds the whole library: one question per worker life, and a full load when
 * the engine started fresh (the browser started, or Firefox's background page was unloaded).
 */
export function ensureLibrary() {
  ready ??= (async () => {
    const state = await call({});
    if (state.loaded) return state;
    // Read a chunk at a time (a 5,000-paper library is megabytes): read whole, it held this worker's thread for
    // over a second at browser start, and the first page's message waited. Each chunk goes to the engine once
    // the next is read, so the last one can say the load is whole.
    let sent = 0;
    /** @type {SavedPaper[]|null} */
    let held = null;
    for await (const chunk of saved.listInChunks(CHUNK)) {
      if (held) await call({ reset: sent++ === 0, add: held.map(rankPaper), loaded: false });
      held = chunk;
    }
    return call({ reset: sent === 0, add: (held || []).map(rankPaper), loaded: true });
  })().then((state) => {
    whole = state.loaded;
    return state;
  }, (err) => {
    ready = null;
    throw err;
  });
  return ready;
}

/**
 * An analysis found the engine's index not whole (Analysis.library_loading). Resolves with its state once it is
 * whole: the load under way, or a new one if this worker thought it whole (the engine was replaced meanwhile).
 * @returns {Promise<{size: number, loaded: boolean}>}
 */
export function libraryWasLoading() {
  if (whole) {
    whole = false;
    ready = null;
  }
  return ensureLibrary();
}

/** @type {Map<string, SavedPaper|null>} changes not yet sent: a sync stores hundreds of papers in one write */
const pending = new Map();
let flushing = Promise.resolve();

function flush() {
  flushing = flushing.then(async () => {
    if (!pending.size) return;
    await ensureLibrary(); // a full load in flight covers the changes it read; sending them again is harmless
    const batch = [...pending];
    pending.clear();
    const add = batch.filter(([, rec]) => rec).map(([, rec]) => rankPaper(/** @type {SavedPaper} */ (rec)));
    const remove = batch.filter(([, rec]) => !rec).map(([id]) => id);
    const state = await call({ add, remove });
    // An engine that started fresh meanwhile holds these changes only: the next page loads it whole.
    ready = state.loaded ? Promise.resolve(state) : null;
    whole = state.loaded;
  }).catch((err) => console.warn('papergist: For-you index', err));
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  let any = false;
  for (const [key, { newValue }] of Object.entries(changes)) {
    const id = saved.idOfKey(key);
    if (id === null) continue;
    pending.set(id, newValue ? upgrade(newValue) : null);
    any = true;
  }
  if (any) setTimeout(flush, 0);
  if (Object.hasOwn(changes, SETTING_KEY)) {
    on = changes[SETTING_KEY].newValue !== false;
    tellEveryPage({ type: MSG.FOR_YOU_CHANGED, target: TARGET.CONTENT, on })
      .catch((err) => console.warn('papergist: tell tabs', err));
  }
});

/** @type {boolean|null} the setting, once read */
let on = null;

/** Whether listings mark their papers For you. */
export async function isOn() {
  if (on === null) on = (await chrome.storage.local.get(SETTING_KEY))[SETTING_KEY] !== false;
  return on;
}

/** Turns For you on or off; the tabs hear it through storage's change (above). @param {boolean} value */
export async function setOn(value) {
  await chrome.storage.local.set({ [SETTING_KEY]: Boolean(value) });
  on = Boolean(value);
  return on;
}
