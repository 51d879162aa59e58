// Firefox only: Firefox treats an MV3 add-on's host permissions as optional, and a user (or a policy) can hold
// back the listing sites at install. Then papergist opens its first-run page and shows "!" on its button; one
// click on Allow grants the sites, and the listings get their cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, Tab, browserUnderTest } from '../lib/browsers.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';

const LISTING = 'https://arxiv.org/list/cs.CL/new';
const skip = browserUnderTest() !== 'firefox' && 'Firefox only (Chromium grants the content script its sites at install)';

test('sites held back at install: the first-run page asks with a click, then the cards show', { skip }, async () => {
  const s = await new Session({
    prefs: {
      'extensions.originControls.grantByDefault': false, // install without the sites, as a user may choose
      'extensions.webextOptionalPermissionPrompts': false, // headless Firefox shows its prompt to no one: Allow
    },
  }).start();
  try {
    s.serve(LISTING, arxivListing(Array.from({ length: 4 }, (_, i) => syntheticPaper(90 + i))));
    const url = s.extensionURL('onboarding/onboarding.html');
    const page = new Tab('firefox', await s.browser.findPage(url));
    await page.waitFor(() => document.body.dataset.granted === 'false');
    const before = await page.evaluate(async () => ({
      badge: await chrome.action.getBadgeText({}),
      sites: [...document.querySelectorAll('#sites li')].map((li) => li.textContent),
    }));
    assert.equal(before.badge, '!');
    assert.ok(before.sites.includes('arxiv.org') && before.sites.includes('scholar.google.*'), before.sites.join(' '));

    await page.click('#allow');
    await page.waitFor(() => document.body.dataset.granted === 'true');
    assert.match(await page.evaluate(() => document.querySelector('#status').textContent), /^Done/);
    await page.waitFor(async () => (await chrome.action.getBadgeText({})) === '');

    const listing = await s.openListing(LISTING);
    assert.equal(await listing.evaluate(() => document.querySelectorAll('papergist-card').length), 4);
  } finally {
    await s.dispose();
  }
});
