// Saving the paper of the page in a tab: from the popup's button, the keyboard shortcut and the
// context menu. The tab's content script knows its paper; on other sites (publisher pages) the page is
// read once through activeTab.
import { MSG } from '../lib/messages.js';
import * as library from './library.js';
import { analyze } from './engine.js';

export const MENU_ID = 'papergist-save';

/**
 * @param {chrome.tabs.Tab} tab
 * @returns {Promise<import('../lib/messages.js').SavedPaper>}
 */
export async function saveTabPaper(tab) {
  if (!tab || tab.id === undefined) throw new Error('no tab');
  const entry = await pagePaper(tab);
  return library.save(entry.paper, entry.summary);
}

async function pagePaper(tab) {
  let reply = null;
  try {
    reply = await chrome.tabs.sendMessage(tab.id, { type: MSG.GET_PAGE_PAPER });
  } catch {
    // no content script on this site: read the page below
  }
  if (reply && reply.ok) {
    if (!reply.data.entry) throw new Error('this page lists several papers: save them from their cards');
    return reply.data.entry;
  }
  const [{ result: html }] = await chrome.scripting.executeScript({
    target: { tabId: tab.id },
    func: () => document.documentElement.outerHTML,
  });
  const { entries } = await analyze({ html, url: tab.url });
  if (entries.length !== 1) throw new Error(`found ${entries.length} papers on this page, not one`);
  return entries[0];
}

/** Creates the context menu entry; menus persist across worker stops, so only on install. */
export function createMenu() {
  chrome.contextMenus.create({ id: MENU_ID, title: 'Save paper to papergist', contexts: ['page'] });
}
