// The background service worker: analyzes pages for content scripts (the wasm runs in the offscreen
// document, see engine.js), saves from the toolbar, shortcut and context menu, keeps the badge, and syncs the
// library with the account's server (sync.js, account.js).
// State lives in chrome.storage and the offscreen document, never in the worker's globals; what the worker keeps
// (the saved IDs, the pages answered lately) are caches, whose loss when it stops costs only time.
import { MSG, PORT, TARGET, dispatch, pageFailedBadge } from '../lib/messages.js';
import * as saved from '../lib/saved.js';
import { ensureEngine, engineStats, engineLimits, pageLoading } from './engine.js';
import { analyzePage } from './analyze.js';
import { saveTabPaper, saveLinkedPaper, permissionsToSave, createMenu, MENU_ID, LINK_MENU_ID } from './save-from-tab.js';
import { looksLikePDF, resolveURL } from './paper-lookup.js';
import * as badge from './badge.js';
import * as pagePapers from './page-papers.js';
import { savedIds } from './saved-index.js';
import { RecentPages } from './recent-pages.js';
import * as library from './library.js';
import { typedEdits, stats as typedStats } from './typed-edits.js';
import * as account from './account.js';
import * as sync from './sync.js';
import { looked, listening } from './sync-live.js';
import * as forYou from './for-you.js';

// The library is the background's alone: content scripts (a page's renderer) cannot read or write it, and get
// what they need through messages. Chrome keeps the level in the profile; set again at every start.
chrome.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
  ?.catch((err) => console.warn('papergist: storage access level', err)); // Firefox restricts only storage.session
// Records stored by an older version take the item shape once, before this worker's first library write.
library.migrate().catch((err) => console.error('papergist: upgrading the library', err));
// No save survives a worker stop: a badge the last worker left saying … says the save was cut short.
badge.endCutShortSaves().catch((err) => console.warn('papergist: badge', err));
// Eagerly, at every worker start: the first page should not wait for the offscreen document and the wasm. A
// listener of onStartup has Chrome start the worker with the browser, before any page asks.
const openEngine = () => ensureEngine().catch((err) => console.error('papergist: engine', err));
openEngine();
chrome.runtime.onStartup.addListener(openEngine);
// What a page's analysis reads from storage, asked for ahead of the For-you index's load below, which reads the
// whole library: the saved IDs (keys only) and the For-you setting.
savedIds();
forYou.isOn().catch((err) => console.warn('papergist: For-you setting', err));
forYou.ensureLibrary().catch((err) => console.warn('papergist: For-you index', err));

/**
 * Counts for the tests (scripts/e2e): messages from content scripts, trips to the engine and calls into Go
 * (the engine's running count), since this worker started, whether the engine compiled its module early, the
 * analyses sent again after their document went away, the pages the engine heard were loading (its running
 * count, as of its last analysis), and whether the live sync is listening (a long poll open after one that
 * answered).
 */
const stats = { fromContent: 0, pagePorts: 0, earlyAnswers: 0, get trips() { return engineStats.trips; },
  get goCalls() { return engineStats.goCalls; }, get libraryTrips() { return engineStats.libraryTrips; },
  get compiledEarly() { return engineStats.compiledEarly; }, get engineRetries() { return engineStats.retries; },
  get pagesLoading() { return engineStats.pagesLoading; }, get listening() { return listening(); },
  get typedPorts() { return typedStats.ports; } };
globalThis.papergistStats = stats;
globalThis.papergistLimits = engineLimits; // the tests set a short limit on the engine's trip
chrome.runtime.onMessage.addListener((_msg, sender) => {
  if (sender.tab) stats.fromContent++;
  return false;
});

/** What pages were answered lately, for their next load (PORT.PAGE). */
const recentPages = new RecentPages(savedIds, chrome.storage.session);
globalThis.papergistRecentPages = recentPages; // for the tests
/** The page a content script's sender is, when it is a tab's top frame: the key of its early answer. */
const pageOf = (sender) => (sender.tab && sender.frameId === 0 && sender.url && pagePapers.isContentScript(sender)
  ? { url: sender.url, incognito: Boolean(sender.tab.incognito) } : null);

chrome.runtime.onConnect.addListener((port) => {
  if (port.name === PORT.TYPED && isExtensionPage(port.sender || {})) typedEdits(port);
  if (port.name !== PORT.PAGE) return;
  const heardAt = performance.timeOrigin + performance.now();
  stats.pagePorts++;
  const where = pageOf(port.sender || {});
  // The engine's warm-up makes way for the loading page (one postMessage over the engine's channel, at once, before
  // the page's analysis can reach the engine by the same channel).
  if (where) pageLoading();
  (where ? recentPages.answerFor(where) : Promise.resolve(null))
    .catch((err) => {
      console.warn('papergist: early answer', err);
      return null;
    })
    .then((answer) => {
      if (answer) stats.earlyAnswers++;
      try {
        port.postMessage(answer && { ...answer, heardAt, postedAt: performance.timeOrigin + performance.now() });
        port.disconnect();
      } catch {
        // the page went away meanwhile
      }
    });
});

/** @param {chrome.runtime.MessageSender} sender @returns {boolean} whether it is one of papergist's own pages */
function isExtensionPage(sender) {
  return Boolean(sender.url) && sender.url.startsWith(chrome.runtime.getURL(''));
}

/**
 * Wraps a handler that only the extension's own pages (popup, options) may call: account, sync and editing
 * messages never come from a content script, so a compromised page renderer cannot sign out, revoke a
 * device or rewrite notes through one.
 */
const extensionPagesOnly = (handler) => (msg, sender) => {
  if (!isExtensionPage(sender)) throw new Error(`${msg.type}: only papergist's own pages may ask`);
  return handler(msg, sender);
};

dispatch(TARGET.BACKGROUND, {
  [MSG.ANALYZE_PAGE]: async (msg, sender) => {
    looked().catch((err) => console.warn('papergist: sync', err)); // a listing opened: its Save states should be current
    const out = await analyzePage(msg, () => {
      if (sender.tab && sender.tab.id !== undefined && sender.frameId === 0) {
        pagePapers.tellPage(sender.tab.id, sender.documentId || '', { type: MSG.FOR_YOU_CHANGED, target: TARGET.CONTENT, on: true });
      }
    });
    // The badge and the page's papers once the reply has gone (the task after the one that sends it): their
    // storage calls would otherwise reach the browser's main thread ahead of the reply, which would wait behind them.
    const replied = new Promise((resolve) => setTimeout(resolve, 0));
    if (sender.tab && sender.tab.id !== undefined && sender.frameId === 0) {
      const tabId = sender.tab.id;
      badge.analyzed(tabId, msg.run); // before the reply: a failure of this run the page says later is stale
      const only = out.entries.length === 1 ? out.entries[0].paper.id : null;
      replied.then(() => {
        if (!only && looksLikePDF(sender.url)) return badge.setPDFTab(tabId, sender.url, resolveURL); // a PDF viewer
        return badge.setTabPaper(tabId, only);
      }).catch((err) => console.warn('papergist: badge', err));
    }
    // Not awaited: the reply need not wait for the write; reads of the list (shows, tell) wait for it.
    pagePapers.remember(sender, out.entries.map((e) => e.paper.id), replied).catch((err) => console.warn('papergist: page papers', err));
    const where = pageOf(sender);
    if (where && where.url === msg.url && msg.loaded === true) { // not a page grown since: its next load is not that
      replied.then(() => recentPages.remember(where, msg.html, out)).catch((err) => console.warn('papergist: recent pages', err));
    }
    return out;
  },
  [MSG.PAGE_FAILED]: async (msg, sender) => {
    await badge.pageFailedOn(sender, msg.url, pageFailedBadge(msg.code), msg.run);
    return {};
  },
  [MSG.SAVE_PAPER]: async (msg, sender) => {
    const fromPage = pagePapers.isContentScript(sender);
    if (fromPage) await onSendersPage(msg.type, sender, msg.paper && msg.paper.id);
    // restore: the popup's Undo; a page's renderer never sets a paper's tags, note or read state
    const rec = await library.save(msg.paper, msg.summary, { keepSaved: fromPage, restore: fromPage ? undefined : msg.restore });
    return fromPage ? {} : { saved: rec }; // a content script needs no note or tags
  },
  [MSG.REMOVE_PAPER]: async (msg, sender) => {
    if (pagePapers.isContentScript(sender)) await onSendersPage(msg.type, sender, msg.id);
    await library.remove(msg.id);
    return {};
  },
  [MSG.FOR_YOU]: async (msg, sender) => {
    if (typeof msg.on !== 'boolean') return { on: await forYou.isOn() };
    // A page's renderer may turn For you off (the digest's button), never on.
    if (msg.on && pagePapers.isContentScript(sender)) throw new Error(`${msg.type}: only papergist's own pages may turn it on`);
    return { on: await forYou.setOn(msg.on) };
  },
  [MSG.SAVE_TAB_PAPER]: extensionPagesOnly(async (msg) => {
    const tab = await chrome.tabs.get(msg.tabId);
    if (msg.plan) return { origins: await permissionsToSave(tab) };
    const { missing, ...saved } = await saveTabPaper(tab);
    return missing ? { saved, missing } : { saved };
  }),
  [MSG.UPDATE_PAPER]: extensionPagesOnly(async (msg) => ({ saved: await library.update(msg.id, msg.patch || {}) })),
  [MSG.DISMISS_NOTICE]: extensionPagesOnly(async (msg) => {
    await library.dismissNotice(String(msg.id));
    return {};
  }),
  [MSG.RESOLVE_CONFLICT]: extensionPagesOnly(async (msg) => ({ status: await sync.resolve(msg.id, msg.keep) })),
  [MSG.SYNC_NOW]: extensionPagesOnly(async () => ({ status: await sync.syncNow({ lookUp: true }) })),
  [MSG.SYNC_ROUND]: extensionPagesOnly(async () => ({ status: await sync.syncNow({ auto: true }) })),
  [MSG.SYNC_LOOK]: extensionPagesOnly(async () => {
    looked().catch((err) => console.warn('papergist: sync', err)); // the popup follows the result from storage
    return {};
  }),
  [MSG.GET_ACCOUNT]: extensionPagesOnly(async () => {
    const acc = await account.account();
    // Signed out: the options page's question reads the papers' owners next, stamped first should the session
    // have ended unseen (sync.claimUnpushed).
    if (!acc) await sync.claimUnpushed();
    return { account: acc, server: await account.server() };
  }),
  [MSG.SET_SERVER]: extensionPagesOnly(async (msg) => ({ server: await account.setServer(msg.server) })),
  [MSG.SIGN_IN]: extensionPagesOnly(async (msg) => {
    // Papers synced with another account go up only with the consent given on the form, never unasked.
    if (!(await account.session())) await sync.chooseForSignIn(account.normalizeServer(msg.server), String(msg.email || ''), msg.others);
    const acc = await account.signIn(msg);
    sync.signedIn().catch((err) => console.warn('papergist: first sync', err)); // the popup shows its progress
    return { account: acc };
  }),
  [MSG.SIGN_OUT]: extensionPagesOnly(async () => {
    await account.signOut();
    await sync.signedOut();
    return {};
  }),
  [MSG.RENAME_DEVICE]: extensionPagesOnly(async (msg) => ({ account: await account.renameDevice(msg.name) })),
  [MSG.LIST_DEVICES]: extensionPagesOnly(async () => ({ devices: await account.devices() })),
  [MSG.REVOKE_DEVICE]: extensionPagesOnly(async (msg) => {
    await account.revokeDevice(msg.id);
    return {};
  }),
});

/** Refuses a content script's library message about a paper its page does not show. */
async function onSendersPage(type, sender, id) {
  if (!(await pagePapers.shows(sender, id))) throw new Error(`${type}: ${String(id).slice(0, 100)} is not on this page`);
}

/** Handlers of the browser's own events, named so that the end-to-end tests can drive them. */
const events = {
  onMenuClicked: async (info, tab) => {
    if (info.menuItemId === MENU_ID) return notify(tab, () => saveTabPaper(tab));
    if (info.menuItemId === LINK_MENU_ID) return notify(tab, () => saveLinkedPaper(info.linkUrl), { linked: true });
  },
  onCommand: async (command, tab) => {
    if (command !== 'save-paper') return;
    const target = tab || (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    return notify(target, () => saveTabPaper(target));
  },
};
globalThis.papergistEvents = events;

/**
 * Shows a save under way ("…") and a failed one ("!") on the badge, since shortcut and menu have no other UI; and
 * a linked paper's save (the tab shows another page, whose badge would not change) as ✓ for a moment.
 * @param {chrome.tabs.Tab|undefined} tab @param {() => Promise<any>} save @param {{linked?: boolean}} [opts]
 */
async function notify(tab, save, { linked = false } = {}) {
  const tabId = tab && tab.id !== undefined ? tab.id : undefined;
  if (tabId !== undefined) await badge.setSaving(tabId);
  /** @type {import('./badge.js').Outcome} */
  let outcome = {};
  let saved = null;
  try {
    saved = await save();
    if (linked && saved) outcome = { flash: `papergist: saved “${saved.title}”${saved.missing ? `. ${saved.missing}` : ''}` };
    else if (saved && saved.missing) outcome = { title: `papergist: ${saved.missing}` }; // the badge shows ✓
  } catch (err) {
    console.warn('papergist: save', err);
    outcome = { failed: err.message };
  }
  if (tabId !== undefined) await badge.saveEnded(tabId, outcome).catch((err) => console.warn('papergist: badge', err));
  return saved;
}

chrome.runtime.onInstalled.addListener(createMenu);
chrome.contextMenus.onClicked.addListener(events.onMenuClicked);
chrome.commands.onCommand.addListener(events.onCommand);
chrome.tabs.onRemoved.addListener((tabId) => {
  badge.forgetTab(tabId);
  pagePapers.forgetTab(tabId);
});
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') badge.setTabPaper(tabId, null);
});
saved.onChange((id, isSaved) => {
  badge.paperChanged(id, isSaved);
  pagePapers.paperChanged(id, isSaved);
});
sync.start();
