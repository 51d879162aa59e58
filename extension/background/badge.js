// The toolbar badge shows ✓ on a tab whose page is one paper's, when that paper is saved. Which tab shows
// which paper is kept in chrome.storage.session, since the worker forgets everything when it stops.
import * as saved from '../lib/saved.js';

const tabKey = (tabId) => `tab:${tabId}`;

/**
 * Remembers the paper a tab shows (null for a listing) and sets its badge.
 * @param {number} tabId @param {string|null} paperId
 */
export async function setTabPaper(tabId, paperId) {
  await chrome.storage.session.set({ [tabKey(tabId)]: paperId });
  const isSaved = paperId ? (await saved.savedAmong([paperId])).has(paperId) : false;
  await show(tabId, isSaved);
}

/** Updates the badge of every tab showing paperId. @param {string} paperId @param {boolean} isSaved */
export async function paperChanged(paperId, isSaved) {
  const all = await chrome.storage.session.get(null);
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith('tab:') && v === paperId) await show(Number(k.slice(4)), isSaved);
  }
}

/** @param {number} tabId */
export async function forgetTab(tabId) {
  await chrome.storage.session.remove(tabKey(tabId));
}

async function show(tabId, isSaved) {
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: '#1a7f37' });
    await chrome.action.setBadgeText({ tabId, text: isSaved ? '✓' : '' });
    await chrome.action.setTitle({ tabId, title: isSaved ? 'papergist: this paper is saved' : 'papergist' });
  } catch {
    // the tab is gone
  }
}
