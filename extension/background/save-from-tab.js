// Saving the paper of the page in a tab: from the popup's button, the keyboard shortcut and the
// context menu. The tab's content script knows its paper; on other sites (publisher pages) the page is
// read once through activeTab.
import { MSG } from '../lib/messages.js';
import * as library from './library.js';
import { call } from './engine.js';
import { summaries } from './summaries.js';

export const MENU_ID = 'papergist-save';

/**
 * @param {chrome.tabs.Tab} tab
 * @returns {Promise<import('../lib/messages.js').SavedPaper>}
 */
export async function saveTabPaper(tab) {
  if (!tab || tab.id === undefined) throw new Error('no tab');
  const entry = await pagePaper(tab);
  // The entry may come from the tab's content script: it must not rewrite a paper saved already.
  return library.save(entry.paper, entry.summary, { keepSaved: true });
}

async function pagePaper(tab) {
  let reply = null;
  try {
    reply = await chrome.tabs.sendMessage(tab.id, { type: MSG.GET_PAGE_PAPER });
  } catch {
    // no content script on this site: read the page below
  }
  if (reply && reply.ok) {
    if (!reply.entry) throw new Error('this page lists several papers: save them from their cards');
    return reply.entry;
  }
  const [{ result: html }] = await chrome.scripting.executeScript({
    target: { tabId: tab.id },
    func: () => document.documentElement.outerHTML,
  });
  const res = await call('extract', html, tab.url);
  if (res.papers.length !== 1) throw new Error(`found ${res.papers.length} papers on this page, not one`);
  const [summary] = await summaries(res.papers);
  return { paper: res.papers[0], summary };
}

/** Creates the context menu entry; menus persist across worker stops, so only on install. */
export function createMenu() {
  chrome.contextMenus.create({ id: MENU_ID, title: 'Save paper to papergist', contexts: ['page'] });
}
