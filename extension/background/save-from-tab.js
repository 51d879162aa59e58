// Saving the paper of the page in a tab: from the popup's button, the keyboard shortcut and the
// context menu (also "Save linked paper" on a link). The tab's content script knows its paper; a PDF tab
// (Chrome's PDF viewer runs no content script) and a paper URL the resolver knows are saved by URL and
// metadata (paper-lookup.js); other pages (publisher pages) are read once through activeTab.
import { MSG } from '../lib/messages.js';
import * as library from './library.js';
import { entriesOf, summaries } from './engine.js';
import * as badge from './badge.js';
import { paperAt, looksLikePDF, permissionsFor } from './paper-lookup.js';

export const MENU_ID = 'papergist-save';
export const LINK_MENU_ID = 'papergist-save-link';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */

/**
 * Saves the paper of a tab and marks the tab's badge.
 * @param {chrome.tabs.Tab} tab
 * @returns {Promise<SavedPaper & {missing?: string}>} missing: what could not be fetched, in a sentence
 */
export async function saveTabPaper(tab) {
  if (!tab || tab.id === undefined) throw new Error('papergist cannot see this tab.');
  const entry = await pagePaper(tab);
  // The entry may come from the tab's content script: it must not rewrite a paper saved already.
  const saved = await library.save(entry.paper, entry.summary, { keepSaved: true });
  await badge.setTabPaper(tab.id, saved.id);
  return entry.missing ? { ...saved, missing: entry.missing } : saved;
}

/**
 * Saves the paper a link points to (a PDF, an arXiv or OpenReview link…), without opening it.
 * @param {string} url
 */
export async function saveLinkedPaper(url) {
  const found = await paperAt(url, { isPDF: looksLikePDF(url) });
  if (!found) throw new Error('This link is not a paper papergist knows: open it and save it from its page.');
  const [summary] = await summaries([found.paper]);
  const saved = await library.save(found.paper, summary, { keepSaved: true });
  return found.missing ? { ...saved, missing: found.missing } : saved;
}

/**
 * What the tab itself gives, without any request: its content script's paper, or the one paper of its HTML.
 * @returns {Promise<{entry?: any, found?: {paper: any}, reply: any, html: string|null, url: string}>} entry comes
 *   with its summary (the content script's), found without
 */
async function tabOwnPaper(tab) {
  let reply = null;
  try {
    reply = await chrome.tabs.sendMessage(tab.id, { type: MSG.GET_PAGE_PAPER });
  } catch {
    // no content script on this site: read the page below
  }
  const url = tab.url || tab.pendingUrl || '';
  const own = reply && reply.ok && reply.data ? reply.data.entry : null;
  if (own) return { entry: own, reply, html: null, url };
  // A PDF tab: Chrome's viewer is a document of type application/pdf (content scripts may run in it, and find
  // nothing); tabHTML gives null for it, as for a tab that cannot be scripted.
  const html = await tabHTML(tab);
  if (html !== null && !(reply && reply.ok)) {
    // a page no content script reads (a publisher's): its own metadata first
    const entries = await entriesOf(html, url);
    if (entries.length > 1) throw new Error('This page lists several papers: papergist saves one paper per page.');
    if (entries.length === 1) return { entry: entries[0], reply, html, url };
  }
  return { reply, html, url };
}

/**
 * The host permissions saving this tab's paper would need and lacks (the popup asks for them in its click):
 * none when the tab itself gives its paper.
 * @param {chrome.tabs.Tab} tab @returns {Promise<string[]>}
 */
export async function permissionsToSave(tab) {
  const own = await tabOwnPaper(tab).catch(() => null);
  if (!own || own.entry || own.found || !own.url) return [];
  return permissionsFor(own.url);
}

async function pagePaper(tab) {
  const own = await tabOwnPaper(tab);
  if (own.entry) return own.entry;
  if (own.found) return withSummary(own.found);
  const { reply, html, url } = own;
  if (html === null && !readable(url)) throw new Error(CANNOT_READ);
  // a paper URL the resolver knows (arXiv's HTML view, a DOI page…), or a PDF
  const found = url ? await paperAt(url, { isPDF: html === null }) : null;
  if (found) return withSummary(found);
  if (reply && reply.ok) throw new Error('This page lists several papers, or none: save papers with the Save button on their cards.');
  throw new Error('papergist found no paper on this page: it has no title, authors or ID a paper page has.');
}

/**
 * What the popup says on a tab no extension may read: a browser page (chrome://, about:, the new tab page), an
 * extension store, or a tab whose address the browser does not show papergist. Saving there again cannot help.
 */
export const CANNOT_READ = 'papergist cannot read this tab: it is a browser page (chrome://, about:, an extension '
  + 'store) or a page the browser keeps from extensions. Save a paper from its own page or its PDF.';

/** The extension stores, where browsers run no extension's scripts. */
const STORES = /^(?:chromewebstore\.google\.com|chrome\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com)$/;

/**
 * Whether papergist may read the page at url: a web page or a local file, and not an extension store's.
 * @param {string} url
 */
function readable(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') return true;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  return !(STORES.test(u.hostname) && (u.hostname !== 'chrome.google.com' || u.pathname.startsWith('/webstore')));
}

/** The tab's HTML through activeTab, or null for a PDF and a tab that cannot be scripted (a browser page). */
async function tabHTML(tab) {
  try {
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => (document.contentType === 'application/pdf' ? null : document.documentElement.outerHTML),
    });
    return typeof result === 'string' ? result : null;
  } catch {
    return null;
  }
}

async function withSummary(found) {
  const [summary] = await summaries([found.paper]);
  return { paper: found.paper, summary, missing: found.missing };
}

/** Creates the context menu entries; menus persist across worker stops, so only on install. */
export function createMenu() {
  chrome.contextMenus.create({ id: MENU_ID, title: 'Save paper to papergist', contexts: ['page'] });
  chrome.contextMenus.create({ id: LINK_MENU_ID, title: 'Save linked paper to papergist', contexts: ['link'] });
}
