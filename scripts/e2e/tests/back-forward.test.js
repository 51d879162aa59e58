// A listing left and come back to through the back/forward cache (which Playwright turns off, and this test turns
// on): its cards stay where they were, with no flash, and take what changed in the library meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, openListing } from '../lib/browser.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';
import { cardsOf, clickSave, waitForSaved } from '../lib/cards.js';

const papers = Array.from({ length: 5 }, (_, i) => syntheticPaper(1800 + i));
const id = (p) => `arxiv:${p.id}`;
const LISTING = 'https://arxiv.org/list/cs.DL/new';
const ELSEWHERE = 'https://arxiv.org/abs/2511.81899';

/** @type {Browser} */
let browser;
before(async () => {
  browser = await new Browser({ bfcache: true }).start();
  browser.serve(LISTING, arxivListing(papers));
  browser.serve(ELSEWHERE, '<!doctype html><html><head><title>Another page</title></head><body><p>Another page.</p></body></html>');
});
after(() => browser?.dispose());

test('back from the back/forward cache, the cards stay and show a paper saved meanwhile', async () => {
  const page = await openListing(browser.context, LISTING);
  assert.deepEqual((await cardsOf(page)).map((c) => [c.id, c.saved]), papers.map((p) => [id(p), 'false']));
  // Counts the cards taken off the page from now on: a flash would take them all off and put them back.
  await page.evaluate(() => {
    window.papergistTestRemoved = 0;
    window.papergistTestRestored = false;
    addEventListener('pageshow', (e) => { window.papergistTestRestored = e.persisted; });
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.removedNodes) if (n.nodeName === 'PAPERGIST-CARD') window.papergistTestRemoved++;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.goto(ELSEWHERE);

  const other = await openListing(browser.context, LISTING); // meanwhile, in another tab
  await clickSave(other, id(papers[1]));
  await waitForSaved(other, id(papers[1]));
  await other.close();

  await page.goBack({ waitUntil: 'commit' }); // a page restored from the cache has no load event
  assert.equal(await page.evaluate(() => window.papergistTestRestored), true, 'restored from the back/forward cache');
  await waitForSaved(page, id(papers[1]));
  const cards = await cardsOf(page);
  assert.deepEqual(cards.map((c) => [c.id, c.saved]), papers.map((p, i) => [id(p), i === 1 ? 'true' : 'false']));
  assert.ok(cards.every((c) => c.tldr.length > 0));
  assert.equal(await page.evaluate(() => window.papergistTestRemoved), 0, 'no card was taken off and put back');
  await page.close();
});
