// What a listing page state costs between the extension's contexts: one message from the content script to the
// background, one trip from the background to the wasm host, one call into Go (counted by the background, see
// papergistStats in background/service-worker.js); a listing without abstracts has two states.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, openListing, cardsOf } from '../lib/browser.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';
import { fakeArxivAPI } from '../lib/api.js';

describe('trips per page state', () => {
  /** @type {Browser} */
  let browser;
  before(async () => {
    browser = await new Browser().start();
    browser.api = fakeArxivAPI();
  });
  after(() => browser?.dispose());

  const counts = async () => (await browser.serviceWorker()).evaluate(() => ({ ...globalThis.papergistStats }));

  /** Opens url, waits until its cards are done and a while more (no late message), and returns the counts' change. */
  async function cost(url) {
    await openListing(browser.context, 'https://arxiv.org/list/cs.CL/new?warm', 'done'); // the worker and engine are up
    const before = await counts();
    const page = await openListing(browser.context, url);
    await page.waitForTimeout(1500);
    const after = await counts();
    const cards = await cardsOf(page);
    await page.close();
    return { cards, delta: { fromContent: after.fromContent - before.fromContent, trips: after.trips - before.trips, goCalls: after.goCalls - before.goCalls } };
  }

  before(() => browser.serve('https://arxiv.org/list/cs.CL/new?warm', arxivListing([syntheticPaper(900)])));

  test('a 50-paper listing with abstracts: one message, one trip, one Go call', async () => {
    const papers = Array.from({ length: 50 }, (_, i) => syntheticPaper(1000 + i));
    browser.serve('https://arxiv.org/list/cs.LG/new?trips', arxivListing(papers));
    const { cards, delta } = await cost('https://arxiv.org/list/cs.LG/new?trips');
    assert.equal(cards.length, 50);
    assert.deepEqual(delta, { fromContent: 1, trips: 1, goCalls: 1 });
  });

  test('a listing without abstracts: two states, each one message, one trip, one Go call', async () => {
    const papers = Array.from({ length: 20 }, (_, i) => syntheticPaper(1100 + i, { abstract: '' }));
    browser.serve('https://arxiv.org/list/cs.LG/recent?trips', arxivListing(papers));
    const requests = browser.apiRequests.length;
    const { cards, delta } = await cost('https://arxiv.org/list/cs.LG/recent?trips');
    assert.equal(cards.length, 20);
    assert.ok(cards.every((c) => c.state === 'fetched'), 'abstracts fetched');
    assert.equal(browser.apiRequests.length, requests + 1, 'one API request');
    assert.deepEqual(delta, { fromContent: 2, trips: 2, goCalls: 2 });
  });
});
