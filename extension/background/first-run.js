// Firefox only (listed in its manifest by scripts/manifest.mjs): Firefox treats an MV3 add-on's host permissions
// as optional, so the listing sites the content script runs on may be withheld at install or taken back later in
// about:addons. Then the cards would silently not show: open the first-run page, which asks with a click, and keep
// a "!" on the toolbar button until the sites are allowed.
import { listingSites } from '../onboarding/sites.js';

const PAGE = 'onboarding/onboarding.html';

async function missing() {
  return !(await chrome.permissions.contains({ origins: listingSites() }));
}

async function showState() {
  const ask = await missing();
  await chrome.action.setBadgeText({ text: ask ? '!' : '' });
  // null: back to the manifest's title
  await chrome.action.setTitle({ title: ask ? 'papergist: allow the paper sites (see the papergist tab) to get cards' : null });
}

chrome.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason === 'install' && (await missing())) await chrome.tabs.create({ url: chrome.runtime.getURL(PAGE) });
  await showState();
});
chrome.runtime.onStartup.addListener(showState);
chrome.permissions.onAdded.addListener(showState);
chrome.permissions.onRemoved.addListener(showState);
