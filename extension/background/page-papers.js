// Which papers each tab's page shows, as the background analyzed them for its content script. Two uses: a
// content script may remove (or save) only a paper on its own page, and each tab hears when one of its papers
// is saved or removed anywhere (MSG.SAVED_CHANGED), since content scripts cannot read chrome.storage.
// Kept in chrome.storage.session (trusted contexts only, cleared when the browser closes), keyed by tab, then by
// the document that asked (Chrome's documentId): another page in the same tab has its own list, and the last few
// documents are kept, since Back can bring one out of the back/forward cache.
import { MSG, TARGET } from '../lib/messages.js';
import { sessionItems } from './session-items.js';

/** At most this many IDs per page: an endless list keeps its latest ones. */
const MAX_IDS = 10_000;
/** The documents remembered per tab, the latest. */
const MAX_DOCS = 4;

const keyOf = (tabId) => `page:${tabId}`;

/** @param {chrome.runtime.MessageSender} sender @returns {boolean} whether it is a content script in a tab */
export const isContentScript = (sender) =>
  Boolean(sender.tab) && !(sender.url || '').startsWith(chrome.runtime.getURL(''));

let tail = Promise.resolve();
/** One read-modify-write at a time: a page that grows sends its analyses in quick succession. */
function serial(fn) {
  const run = tail.then(fn, fn);
  tail = run.catch(() => {});
  return run;
}

/**
 * Adds the papers a content script's page shows (a page that grew keeps its earlier ones).
 * @param {chrome.runtime.MessageSender} sender @param {string[]} ids
 * @param {Promise<unknown>} [after] storage is touched once this resolves; a check of the page (shows) made
 *   meanwhile waits for the write all the same
 */
export function remember(sender, ids, after) {
  if (!sender.tab || sender.tab.id === undefined || sender.frameId !== 0) return Promise.resolve();
  const key = keyOf(sender.tab.id);
  const doc = sender.documentId || '';
  return serial(async () => {
    await after;
    const { [key]: docs = {} } = await chrome.storage.session.get(key);
    const all = [...new Set([...(docs[doc] || []), ...ids])].slice(-MAX_IDS);
    delete docs[doc]; // the latest last
    docs[doc] = all;
    const keep = Object.fromEntries(Object.entries(docs).slice(-MAX_DOCS));
    await chrome.storage.session.set({ [key]: keep });
  });
}

/**
 * Whether the sender's page shows the paper (as its analyses found it).
 * @param {chrome.runtime.MessageSender} sender @param {string} id
 */
export async function shows(sender, id) {
  if (!sender.tab || sender.tab.id === undefined || typeof id !== 'string') return false;
  const key = keyOf(sender.tab.id);
  await tail; // the lists being written (remember is not awaited by the analysis it follows)
  const { [key]: docs } = await chrome.storage.session.get(key);
  const ids = docs && Object.hasOwn(docs, sender.documentId || '') ? docs[sender.documentId || ''] : null;
  return Boolean(ids && ids.includes(id));
}

/** @param {number} tabId */
export const forgetTab = (tabId) => chrome.storage.session.remove(keyOf(tabId));

/** @type {Map<string, boolean>} changes not yet told: a sync stores hundreds of papers in one write */
const changed = new Map();

/** Tells every tab showing paperId that it was saved or removed. @param {string} paperId @param {boolean} saved */
export function paperChanged(paperId, saved) {
  if (!changed.size) setTimeout(() => tell().catch((err) => console.warn('papergist: tell tabs', err)), 0);
  changed.set(paperId, saved);
}

/**
 * Calls fn for every document a content script analyzed (the lists remembered above, once those being written
 * are written) with the paper IDs it shows, and sends that document the message fn returns, if any.
 * @param {(ids: string[]) => object|null} fn
 */
async function eachPage(fn) {
  await tail;
  const all = await sessionItems('page:');
  for (const [k, docs] of Object.entries(all)) {
    if (!docs || typeof docs !== 'object') continue;
    for (const [doc, ids] of Object.entries(docs)) {
      const msg = fn(ids);
      if (!msg) continue;
      tellPage(Number(k.slice(5)), doc, msg);
    }
  }
}

/**
 * Sends msg to one page: the document documentId of tab tabId (its top frame when documentId is empty). A page
 * gone, or in the back/forward cache (it asks again when shown), misses it.
 * @param {number} tabId @param {string} documentId @param {object} msg
 */
export function tellPage(tabId, documentId, msg) {
  chrome.tabs.sendMessage(tabId, msg, documentId ? { documentId } : { frameId: 0 }).catch(() => {});
}

/**
 * Sends msg to every page a content script analyzed.
 * @param {{type: string, target: string, [key: string]: any}} msg
 */
export function tellEveryPage(msg) {
  return eachPage(() => msg);
}

function tell() {
  const batch = new Map(changed);
  changed.clear();
  return eachPage((ids) => {
    const changes = ids.filter((id) => batch.has(id)).map((id) => ({ id, saved: batch.get(id) }));
    return changes.length ? { type: MSG.SAVED_CHANGED, target: TARGET.CONTENT, changes } : null;
  });
}
