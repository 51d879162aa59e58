// The toolbar badge shows ✓ on a tab whose page is one paper's, when that paper is saved. Which tab shows
// which paper is kept in chrome.storage.session, since the worker forgets everything when it stops.
import * as saved from '../lib/saved.js';
import { sessionItems } from './session-items.js';
import { savedFromPDF } from './pdf-index.js';

const tabKey = (tabId) => `tab:${tabId}`;

/**
 * Remembers the paper a tab shows (null for a listing) and sets its badge.
 * @param {number} tabId @param {string|null} paperId
 */
export async function setTabPaper(tabId, paperId) {
  await chrome.storage.session.set({ [tabKey(tabId)]: paperId });
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

/**
 * Shows on a tab that a save from the shortcut or the context menu is under way: a PDF is downloaded and read,
 * and its metadata looked up, which can take seconds, and those have no other UI. @param {number} tabId
 */
export async function setSaving(tabId) {
  clearTimeout(flashes.get(tabId)); // a flash of the last save would otherwise end this one's state
  flashes.delete(tabId);
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: '#57606a' });
    await chrome.action.setBadgeText({ tabId, text: '…' });
    await chrome.action.setTitle({ tabId, title: 'papergist: saving this paper…' });
  } catch {
    // the tab is gone
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
export async function flashSaved(tabId, title) {
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: '#1a7f37' });
    await chrome.action.setBadgeText({ tabId, text: '✓' });
    await chrome.action.setTitle({ tabId, title });
  } catch {
    return; // the tab is gone
  }
  clearTimeout(flashes.get(tabId));
  flashes.set(tabId, setTimeout(() => {
    flashes.delete(tabId);
    restore(tabId).catch((err) => console.warn('papergist: badge', err));
  }, FLASH_MS));
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
