// The toolbar badge shows ✓ on a tab whose page is one paper's, when that paper is saved. Which tab shows
// which paper is kept in chrome.storage.session, since the worker forgets everything when it stops.
import * as saved from '../lib/saved.js';
import { sessionItems } from './session-items.js';
import { savedFromPDF } from './pdf-index.js';

const tabKey = (tabId) => `tab:${tabId}`;
/**
 * chrome.storage.session, while a tab's badge says … : this worker's LIFE. The browser keeps a badge when the
 * worker stops, and no save survives the stop, so a later worker finds the tabs whose … nobody will end.
 */
const savingKey = (tabId) => `saving:${tabId}`;
/** chrome.storage.session, while a tab's badge flashes ✓ (flashSaved): this worker's LIFE, as savingKey. */
const flashKey = (tabId) => `flash:${tabId}`;
/**
 * chrome.storage.session, while the analysis of a tab's page has failed (pageFailed): the ! badge's tooltip, which
 * every repaint of the tab's state shows instead (a flash's end, a save's end, a sync changing its paper), until
 * its page is analyzed or it navigates (setTabPaper). Kept across worker stops, as the badge is.
 */
const failedKey = (tabId) => `failed:${tabId}`;
const LIFE = crypto.randomUUID();
/**
 * The tabs whose badge this worker has shown a save or a flash on since it started: what an earlier worker left
 * on them (savingKey, flashKey) is superseded, and its key is this worker's or gone.
 */
const touched = new Set();

/**
 * Remembers the paper a tab shows (null for a listing) and sets its badge: its page was analyzed, or it navigates,
 * which ends a failure of its last page (pageFailed).
 * @param {number} tabId @param {string|null} paperId
 */
export async function setTabPaper(tabId, paperId) {
  await Promise.all([chrome.storage.session.set({ [tabKey(tabId)]: paperId }), chrome.storage.session.remove(failedKey(tabId))]);
  await showPaper(tabId, paperId);
}

/** Sets a tab's badge to whether the paper it shows is saved. @param {number} tabId @param {string|null} paperId */
async function showPaper(tabId, paperId) {
  await show(tabId, paperId ? (await saved.savedAmong([paperId])).has(paperId) : false);
}

/**
 * Sets the badge of a tab showing a PDF in which the content script found no paper (arXiv, OpenReview, ACL and
 * CVF PDFs): ✓ when the paper its URL names, or a paper saved from this very PDF (pdf_url), is saved. Resolving
 * the URL loads the PDF module, so a save from this tab finds it ready.
 * @param {number} tabId @param {string} url @param {(url: string) => Promise<{id?: string}|null>} resolve
 */
export async function setPDFTab(tabId, url, resolve) {
  const r = await resolve(url).catch(() => null);
  if (r && r.id && (await saved.savedAmong([r.id])).has(r.id)) return setTabPaper(tabId, r.id);
  return setTabPaper(tabId, (await savedFromPDF(url)) || (r && r.id) || null);
}

/** @type {Map<string, boolean>} changes not yet shown: a sync stores hundreds of papers in one write */
const changed = new Map();

/** Updates the badge of every tab showing paperId. @param {string} paperId @param {boolean} isSaved */
export function paperChanged(paperId, isSaved) {
  if (!changed.size) setTimeout(showChanged, 0);
  changed.set(paperId, isSaved);
}

async function showChanged() {
  const batch = new Map(changed);
  changed.clear();
  const all = await sessionItems('tab:');
  for (const [k, v] of Object.entries(all)) {
    if (batch.has(v)) await show(Number(k.slice(4)), batch.get(v));
  }
}

/** @type {Map<number, number>} each tab's saves under way from the shortcut or the menu, while its badge says … */
const saving = new Map();
/** @type {Map<number, number>} how many saves each tab has started (setSaving): a flash checks none began meanwhile */
const started = new Map();
/**
 * @typedef {{failed?: string, flash?: string, title?: string}} Outcome how a save ended: failed, the reason
 *   (the badge says !); flash, a linked paper saved (✓ for a moment, with this tooltip); else the tab's own state,
 *   with title as its tooltip when given
 */
/** @type {Map<number, Outcome>} the outcome to show of saves that ended while another of their tab ran */
const ended = new Map();

/**
 * Shows on a tab that a save from the shortcut or the context menu is under way: a PDF is downloaded and read,
 * and its metadata looked up, which can take seconds, and those have no other UI. Each call is ended by one
 * saveEnded; the badge says … until the last save of the tab under way has ended. @param {number} tabId
 */
export async function setSaving(tabId) {
  saving.set(tabId, (saving.get(tabId) || 0) + 1);
  started.set(tabId, (started.get(tabId) || 0) + 1);
  touched.add(tabId);
  clearTimeout(flashes.get(tabId)); // a flash of the last save would otherwise end this one's state
  flashes.delete(tabId);
  await Promise.all([chrome.storage.session.set({ [savingKey(tabId)]: LIFE }), chrome.storage.session.remove(flashKey(tabId))])
    .catch((err) => console.warn('papergist: badge', err));
  await paint(tabId, '…', '#57606a', 'papergist: saving this paper…');
}

/**
 * Ends a save that setSaving showed. While another save of the tab is under way the badge keeps saying …, and
 * the outcome waits: the last save to end shows a failure among them if any (its reason must not vanish), else
 * a linked paper's flash, else the tab's own state.
 * @param {number} tabId @param {Outcome} outcome
 */
export async function saveEnded(tabId, outcome) {
  const prev = ended.get(tabId);
  const show = prev && (prev.failed || (prev.flash && !outcome.failed)) ? prev : outcome;
  const n = (saving.get(tabId) || 1) - 1;
  if (n > 0) {
    saving.set(tabId, n);
    ended.set(tabId, show);
    return;
  }
  saving.delete(tabId);
  ended.delete(tabId);
  if (show.failed) await paint(tabId, '!', '#b42318', `papergist: ${show.failed}`);
  else if (show.flash) await flashSaved(tabId, show.flash);
  else {
    await restore(tabId);
    if (show.title) await paint(tabId, null, null, show.title);
  }
  if (!saving.has(tabId)) await chrome.storage.session.remove(savingKey(tabId));
}

/** What a tab's badge says of a save that a stop of the background cut short: it may or may not have been saved. */
export const CUT_SHORT = 'papergist: the save from this tab was cut short (the browser stopped papergist\'s ' +
  'background). If the paper is not in papergist\'s list, save it again.';

/**
 * At the worker's start: a tab whose badge an earlier worker left saying … (it stopped during a save) says instead
 * that the save was cut short, since whether it got as far as storing the paper is not known; one it left
 * flashing ✓ (it stopped within FLASH_MS) shows its own state again. A tab this worker has shown a save on since
 * it started is its own: its key is this worker's (or gone), and its badge the outcome of that save.
 */
export async function endCutShortSaves() {
  const flashed = await sessionItems('flash:');
  const cut = await sessionItems('saving:');
  /** @param {string} k @returns {number|null} the tab of a key an earlier worker left, unless this worker's own */
  const leftOn = (k, life) => {
    const tabId = Number(k.slice(k.indexOf(':') + 1));
    return life === LIFE || touched.has(tabId) ? null : tabId;
  };
  for (const [k, life] of Object.entries(flashed)) {
    const tabId = leftOn(k, life);
    if (tabId === null) continue;
    await chrome.storage.session.remove(k);
    // (a save cut short on the tab says so below)
    if (!touched.has(tabId) && !Object.hasOwn(cut, savingKey(tabId))) await restore(tabId);
  }
  for (const [k, life] of Object.entries(cut)) {
    const tabId = leftOn(k, life);
    if (tabId === null) continue;
    await chrome.storage.session.remove(k);
    if (!touched.has(tabId)) await paint(tabId, '!', '#b42318', CUT_SHORT);
  }
}

/** Shows again whether the paper a tab shows is saved (after setSaving). @param {number} tabId */
export async function restore(tabId) {
  await showPaper(tabId, (await chrome.storage.session.get(tabKey(tabId)))[tabKey(tabId)] || null);
}

/** How long a tab's badge says a paper it does not show was saved (Save linked paper), in ms. */
export const FLASH_MS = 4000;
/** @type {Map<number, ReturnType<typeof setTimeout>>} each tab's flash under way, which the next save ends */
const flashes = new Map();

/**
 * Says on a tab's badge, for a moment, that a paper was saved from it that its page is not (Save linked paper):
 * the menu has no other way to tell it worked. The tab's own state comes back after FLASH_MS.
 * @param {number} tabId @param {string} title the badge's tooltip meanwhile
 */
async function flashSaved(tabId, title) {
  touched.add(tabId);
  const n = started.get(tabId);
  if (!(await paint(tabId, '✓', '#1a7f37', title))) return;
  // A save of the tab begun during the paint ended no timer (none was set yet): this one's end would restore
  // the tab's state over that save's outcome (a failure's !). That save owns the badge now.
  if (started.get(tabId) !== n) return;
  clearTimeout(flashes.get(tabId));
  flashes.set(tabId, setTimeout(() => {
    flashes.delete(tabId);
    restore(tabId).catch((err) => console.warn('papergist: badge', err));
    chrome.storage.session.remove(flashKey(tabId)).catch((err) => console.warn('papergist: badge', err));
  }, FLASH_MS));
  // Should the worker stop before the timer, the next one's start ends the flash (endCutShortSaves).
  await chrome.storage.session.set({ [flashKey(tabId)]: LIFE }).catch((err) => console.warn('papergist: badge', err));
}

/**
 * The run (content/index.js) of each tab's last answered analysis (ANALYZE_PAGE). Its page's failure at its deadline
 * and the answer can cross: the background's setTabPaper for the answer, then the page's PAGE_FAILED, and the page
 * shows the answer's cards after all (content/main.js). In memory: the two come within a message's latency of
 * each other, while the worker runs.
 * @type {Map<number, string>}
 */
const answered = new Map();

/**
 * Notes that a tab's page analysis of a run was answered: a failure of that run said later is not shown (pageFailed).
 * @param {number} tabId @param {unknown} run
 */
export function analyzed(tabId, run) {
  if (typeof run === 'string' && run) answered.set(tabId, run);
}

/**
 * Says a failure of a tab's page (pageFailed) unless the tab has left that page by the time it is handled. Where
 * the browser tells papergist the tab's URL (sender.tab.url: Firefox, by its host permissions; Chrome only on a
 * site granted later), the tab must still show url, the page's own location.href when it failed, with no
 * navigation under way (pendingUrl). Firefox's sender.url would not do: it is the URL the content script started
 * on, before any pushState, replaceState or #hash. Where the URL is not told (Chrome on papergist's sites), the
 * failure is said with no await before its write, and nothing checks it: a page that fails as the tab navigates
 * away shows ! until the next page commits (onUpdated "loading", setTabPaper), and a failure handled after that
 * commit keeps it on the next page. A sender without a tab or a top frame says nothing.
 * @param {{tab?: {id?: number, url?: string}, frameId?: number}} sender
 * @param {unknown} url @param {string} title @param {unknown} [run] the failed run (content/index.js)
 */
export async function pageFailedOn(sender, url, title, run) {
  if (!sender.tab || sender.tab.id === undefined || sender.frameId !== 0) return;
  const tabId = sender.tab.id;
  if (sender.tab.url !== undefined) {
    const tab = await chrome.tabs.get(tabId).catch(() => null);
    if (!tab || tab.pendingUrl) return; // closed, or navigating: the commit clears the badge
    if (tab.url && typeof url === 'string' && tab.url !== url) return;
  }
  await pageFailed(tabId, title, run);
}

/**
 * Says on a tab's badge (!) that its page's analysis failed, where the page is not known to have papers (the page
 * shows no notice then, see content/main.js). It stays the tab's state (failedKey) until its next analysis or
 * navigation (setTabPaper): a linked save's ✓ flash shows over it for its time, then the ! again; a save of the
 * tab's own paper ran the engine on that page, and ends it (setTabPaper, background/save-from-tab.js). A save under
 * way keeps its … meanwhile. A failure of a run already answered (analyzed) is not shown: the page shows the
 * answer's cards.
 * @param {number} tabId @param {string} title @param {unknown} [run] the failed run (content/index.js)
 */
export async function pageFailed(tabId, title, run) {
  // Checked with no await before the write: the answer's setTabPaper, a task after its analyzed, removes it after.
  if (typeof run === 'string' && answered.get(tabId) === run) return;
  await chrome.storage.session.set({ [failedKey(tabId)]: title });
  if (saving.has(tabId) || flashes.has(tabId)) return;
  await paint(tabId, '!', '#b42318', title);
}

/** @param {number} tabId */
export async function forgetTab(tabId) {
  answered.delete(tabId);
  await chrome.storage.session.remove([tabKey(tabId), savingKey(tabId), flashKey(tabId), failedKey(tabId)]);
}

/**
 * Shows whether a tab's paper is saved, or that its page's analysis failed (pageFailed), unless a save of the tab
 * is under way: its end shows the state then.
 */
async function show(tabId, isSaved) {
  if (saving.has(tabId)) return;
  const failed = (await chrome.storage.session.get(failedKey(tabId)))[failedKey(tabId)];
  if (saving.has(tabId)) return; // begun meanwhile
  if (typeof failed === 'string') await paint(tabId, '!', '#b42318', failed);
  else await paint(tabId, isSaved ? '✓' : '', '#1a7f37', isSaved ? 'papergist: this paper is saved' : 'papergist');
}

/** @type {Map<number, Promise<boolean>>} each tab's last paint: two at once mixed one's text with the other's tooltip */
const painting = new Map();

/**
 * Sets a tab's badge, after the tab's paints before it; null leaves that part as it is.
 * @param {number} tabId @param {string|null} text @param {string|null} color @param {string} title
 * @returns {Promise<boolean>} false when the tab is gone
 */
function paint(tabId, text, color, title) {
  const run = (painting.get(tabId) || Promise.resolve(true)).then(async () => {
    try {
      if (color !== null) await chrome.action.setBadgeBackgroundColor({ tabId, color });
      if (text !== null) await chrome.action.setBadgeText({ tabId, text });
      await chrome.action.setTitle({ tabId, title });
      return true;
    } catch {
      return false; // the tab is gone
    }
  });
  painting.set(tabId, run);
  run.then(() => { if (painting.get(tabId) === run) painting.delete(tabId); });
  return run;
}
