// What a listing page state costs between the extension's contexts: one message from the content script to the
// background, one trip from the background to the wasm host, one call into Go (counted by the background, see
// papergistStats in background/service-worker.js); a listing without abstracts has two states. A page seen before
// is shown at once from the answer it got last time (PORT.PAGE, background/recent-pages.js), and still costs the
// same: that answer comes over a port the content script opens at document start, not in a message.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, openListing, cardsOf, inContentWorld, troubleContentWorld } from '../lib/browser.js';
import { clickSave, waitForSaved } from '../lib/cards.js';
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

  /**
   * Opens url, waits until its cards are done and a while more (no late message), and returns the counts' change,
   * the cards and the content script's timing (early: 1 when the cards came from the early answer).
   */
  async function cost(url) {
    await (await openListing(browser.context, 'https://arxiv.org/list/cs.CL/new?warm', 'done')).close(); // the worker and engine are up
    const before = await counts();
    const page = await openListing(browser.context, url);
    await page.waitForTimeout(1500);
    const after = await counts();
    const cards = await cardsOf(page);
    const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')) || '{}');
    await page.close();
    const delta = Object.fromEntries(['fromContent', 'trips', 'goCalls', 'pagePorts', 'earlyAnswers', 'pagesLoading']
      .map((k) => [k, after[k] - before[k]]));
    return { cards, timing, delta };
  }

  before(() => browser.serve('https://arxiv.org/list/cs.CL/new?warm', arxivListing([syntheticPaper(900)])));

  test('a 50-paper listing with abstracts: one message, one trip, one Go call', async () => {
    const papers = Array.from({ length: 50 }, (_, i) => syntheticPaper(1000 + i));
    browser.serve('https://arxiv.org/list/cs.LG/new?trips', arxivListing(papers));
    const { cards, timing, delta } = await cost('https://arxiv.org/list/cs.LG/new?trips');
    assert.equal(cards.length, 50);
    // pagesLoading: the engine heard the page was loading before its analysis (its warm-up makes way for the page)
    assert.deepEqual(delta, { fromContent: 1, trips: 1, goCalls: 1, pagePorts: 1, earlyAnswers: 0, pagesLoading: 1 });
    assert.equal(timing.early, undefined, 'a page never seen waits for its reply');
    assert.equal((await counts()).compiledEarly, true, 'the engine took the module compile.js compiled as its document opened');
  });

  test('a listing without abstracts: two states, each one message, one trip, one Go call', async () => {
    const papers = Array.from({ length: 20 }, (_, i) => syntheticPaper(1100 + i, { abstract: '' }));
    browser.serve('https://arxiv.org/list/cs.LG/recent?trips', arxivListing(papers));
    const requests = browser.apiRequests.length;
    const { cards, delta } = await cost('https://arxiv.org/list/cs.LG/recent?trips');
    assert.equal(cards.length, 20);
    assert.ok(cards.every((c) => c.state === 'fetched'), 'abstracts fetched');
    assert.equal(browser.apiRequests.length, requests + 1, 'one API request');
    assert.deepEqual(delta, { fromContent: 2, trips: 2, goCalls: 2, pagePorts: 1, earlyAnswers: 0, pagesLoading: 1 });
  });

  test('a page seen before: its cards come from its early answer, and it costs the same', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?again';
    browser.serve(url, arxivListing(Array.from({ length: 30 }, (_, i) => syntheticPaper(1200 + i))));
    const first = await cost(url);
    assert.equal(first.timing.early, undefined);
    const again = await cost(url);
    assert.equal(again.timing.early, 1, `shown from the early answer (timing ${JSON.stringify(again.timing)})`);
    // where the early answer's time went, for make bench: the ask's way to the worker, the worker, the way back
    for (const k of ['toWorker', 'worker', 'toPage']) assert.ok(Number.isFinite(again.timing[k]), `timing.${k}: ${again.timing[k]}`);
    assert.deepEqual(again.delta, { fromContent: 1, trips: 1, goCalls: 1, pagePorts: 1, earlyAnswers: 1, pagesLoading: 1 });
    assert.deepEqual(again.cards.map((c) => [c.id, c.tldr, c.phrases]), first.cards.map((c) => [c.id, c.tldr, c.phrases]));
  });

  test('a page seen before the worker stopped is shown from the early answer it stored', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?stored';
    // a script the parser waits for: the page is sent well after the worker, started again, answers its port
    const script = 'https://arxiv.org/static/browse/slow.js';
    browser.serve(script, '', 'text/javascript', 200, 1500);
    const html = arxivListing(Array.from({ length: 12 }, (_, i) => syntheticPaper(1600 + i)));
    browser.serve(url, html.replace('</body>', `<script src="${script}"></script></body>`));
    const first = await cost(url);
    const sw = await browser.serviceWorker();
    const stored = () => sw.evaluate(async (key) => ((await chrome.storage.session.get('early-order'))['early-order'] || []).includes(key), `normal ${url}`);
    for (const end = Date.now() + 10_000; !(await stored());) {
      assert.ok(Date.now() < end, 'the answer was stored'); // as it is long before a browser stops an idle worker
      await new Promise((r) => setTimeout(r, 50));
    }
    await browser.stopServiceWorker();
    const page = await openListing(browser.context, url, 'shown');
    const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')));
    assert.equal(timing.early, 1, `shown from the stored early answer (timing ${JSON.stringify(timing)})`);
    // The answer came long before the page was parsed: the page is sent only once those cards are drawn, and then is.
    assert.equal(timing.held, 1, `the page waited for the early cards (timing ${JSON.stringify(timing)})`);
    assert.deepEqual((await cardsOf(page)).map((c) => [c.id, c.tldr]), first.cards.map((c) => [c.id, c.tldr]));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 10_000 });
    assert.equal((await counts()).fromContent, 1, 'the page was sent to the worker started again');
    await page.close();
  });

  test('a page seen before, loading in a background tab, is sent at once: nothing is drawn there to wait for', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?hidden-tab';
    const script = 'https://arxiv.org/static/browse/slow-hidden.js'; // the early answer comes before the page is parsed
    browser.serve(script, '', 'text/javascript', 200, 1500);
    const html = arxivListing(Array.from({ length: 8 }, (_, i) => syntheticPaper(1700 + i)));
    browser.serve(url, html.replace('</body>', `<script src="${script}"></script></body>`));
    await cost(url);
    const page = await browser.context.newPage();
    // Headless Chromium shows every tab: the content script's world (not the page's) is told it is hidden, as it
    // is created, long before the page is parsed (the slow script).
    const { cdp, done: hidden } = await inContentWorld(page,
      "Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' }); document.visibilityState");
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    assert.equal(await hidden, 'hidden', 'the content script sees a background tab');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 20_000 });
    const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')));
    assert.equal(timing.early, 1, `shown from the early answer (timing ${JSON.stringify(timing)})`);
    assert.equal(timing.held, 0, `not held for a frame a background tab does not draw (timing ${JSON.stringify(timing)})`);
    await cdp.detach();
    await page.close();
  });

  test('early cards that fail to place: the page still ends with all its cards, from the reply, saved as it says', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?early-throws';
    const script = 'https://arxiv.org/static/browse/slow-throws.js'; // the early answer comes before the page is parsed
    browser.serve(script, '', 'text/javascript', 200, 1500);
    const papers = Array.from({ length: 8 }, (_, i) => syntheticPaper(1750 + i));
    browser.serve(url, arxivListing(papers).replace('</body>', `<script src="${script}"></script></body>`));
    const first = await cost(url);
    assert.equal(first.cards.length, 8);
    const page = await browser.context.newPage();
    // In the content script's world only: the third card's shadow root fails once, while the early cards are placed,
    // and the page's hold for them (one frame, or 100 ms) takes 8 s, so that a paper is saved elsewhere inside it.
    const { cdp, done: patched } = await troubleContentWorld(page,
      { failShadow: { n: 3, why: 'test: placing a card fails once' }, holdMs: 8000 });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    assert.deepEqual(await patched, ['failShadow 3', 'holdMs 8000']);
    await page.waitForFunction(() => document.querySelectorAll('papergist-card').length === 2, null, { timeout: 10_000 });
    // Inside the hold: the first card, placed from the early answer as not saved, is saved in another tab. This
    // page hears of it only through its reply.
    const other = await openListing(browser.context, url);
    await clickSave(other, first.cards[0].id);
    await waitForSaved(other, first.cards[0].id);
    await other.close();
    const state = () => page.evaluate(() => document.documentElement.getAttribute('data-papergist'));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 20_000 })
      .catch(() => {});
    const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')) || '{}');
    const cards = await cardsOf(page);
    assert.deepEqual(cards.map((c) => [c.id, c.tldr]), first.cards.map((c) => [c.id, c.tldr]),
      `every card, once each (state ${await state()}, timing ${JSON.stringify(timing)})`);
    assert.equal(await state(), 'done');
    assert.equal(timing.earlyFailed, 1, `the cards came from the reply (timing ${JSON.stringify(timing)})`);
    assert.deepEqual(cards.map((c) => c.saved), first.cards.map((_, i) => (i === 0 ? 'true' : 'false')),
      'a card kept from the early answer shows the reply\'s saved state');
    await cdp.detach();
    await page.close();
  });

  test('a digest that fails to build while the early answer is shown is on the page once, whole, from the reply', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?digest-throws';
    const script = 'https://arxiv.org/static/browse/slow-digest-throws.js';
    browser.serve(script, '', 'text/javascript', 200, 1500);
    const papers = Array.from({ length: 4 }, (_, i) => syntheticPaper(1760 + i));
    browser.serve(url, arxivListing(papers).replace('</body>', `<script src="${script}"></script></body>`));
    const first = await cost(url);
    assert.equal(first.cards.length, 4);
    const page = await browser.context.newPage();
    // The sixth shadow root fails once: after the 4 cards and the digest's own, its For-you part's.
    const { cdp, done: patched } = await troubleContentWorld(page, { failShadow: { n: 6, why: 'test: building the digest fails once' } });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    assert.deepEqual(await patched, ['failShadow 6']);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 10_000 })
      .catch(() => {});
    const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')) || '{}');
    assert.equal(timing.earlyFailed, 1, `the failure was met (timing ${JSON.stringify(timing)})`);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-papergist')), 'done');
    assert.equal(await page.evaluate(() => document.querySelectorAll('papergist-digest').length), 1, 'one digest, not a half one beside it');
    assert.deepEqual((await cardsOf(page)).map((c) => c.id), first.cards.map((c) => c.id));
    await cdp.detach();
    await page.close();
  });

  test('a page changed at the same URL is not shown from the answer of before', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?changed';
    browser.serve(url, arxivListing(Array.from({ length: 10 }, (_, i) => syntheticPaper(1300 + i))));
    await cost(url);
    const now = Array.from({ length: 10 }, (_, i) => syntheticPaper(1400 + i));
    browser.serve(url, arxivListing(now));
    const { cards, timing, delta } = await cost(url);
    assert.equal(timing.early, undefined);
    assert.equal(delta.earlyAnswers, 1, 'the answer of before was sent, and not used');
    assert.deepEqual(cards.map((c) => c.id), now.map((p) => `arxiv:${p.id}`), 'the cards of the page as it is now');
  });

  test('a paper saved since the last visit shows saved in the early answer', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?saved-since';
    browser.serve(url, arxivListing(Array.from({ length: 5 }, (_, i) => syntheticPaper(1500 + i))));
    let page = await openListing(browser.context, url);
    const [card] = await cardsOf(page);
    await clickSave(page, card.id);
    await waitForSaved(page, card.id);
    await page.close();
    const sw = await browser.serviceWorker();
    const answer = await sw.evaluate((u) => globalThis.papergistRecentPages.answerFor({ url: u, incognito: false }), url);
    assert.deepEqual(answer.analysis.saved, [card.id]);
    page = await openListing(browser.context, url, 'shown');
    const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')));
    assert.equal(timing.early, 1);
    assert.equal((await cardsOf(page)).find((c) => c.id === card.id)?.saved, 'true');
    await page.close();
  });

  test('a reply that repeats what the early cards show writes nothing into them', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?repeats';
    const script = 'https://arxiv.org/static/browse/slow-repeats.js'; // the world is patched before the page is parsed
    browser.serve(script, '', 'text/javascript', 200, 1500);
    browser.serve(url, arxivListing(Array.from({ length: 12 }, (_, i) => syntheticPaper(1870 + i)))
      .replace('</body>', `<script src="${script}"></script></body>`));
    let page = await openListing(browser.context, url);
    const [card] = await cardsOf(page);
    await clickSave(page, card.id);
    await waitForSaved(page, card.id);
    await page.close();
    page = await browser.context.newPage();
    // In the content script's world: from the moment the early cards are shown, every write of a card's Save state
    // (its aria-pressed, its button's tooltip) or For-you mark (hidden, tooltip) inside a card's root is counted; the
    // count is put on <html> when the page is done.
    const { cdp, done: patched } = await inContentWorld(page, `{
      let shown = false;
      const writes = [];
      const cardOf = (el) => { const h = el.getRootNode().host; return h?.localName === 'papergist-card' ? h : null; };
      const set = Element.prototype.setAttribute;
      Element.prototype.setAttribute = function (name, value) {
        if (this === document.documentElement && name === 'data-papergist') {
          if (value === 'shown') shown = true;
          if (value === 'done') set.call(this, 'data-test-writes', JSON.stringify({ shown, writes }));
        }
        if (shown && cardOf(this) && ['aria-pressed', 'hidden', 'title'].includes(name)) writes.push([name, cardOf(this).dataset.paperId]);
        return set.call(this, name, value);
      };
      for (const prop of ['hidden', 'title']) {
        const d = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
        Object.defineProperty(HTMLElement.prototype, prop, { ...d, set(v) {
          if (shown && cardOf(this)) writes.push([prop, cardOf(this).dataset.paperId]);
          d.set.call(this, v);
        } });
      }
      'patched';
    }`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    assert.equal(await patched, 'patched');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 20_000 });
    const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')));
    assert.equal(timing.early, 1, `shown from the early answer (timing ${JSON.stringify(timing)})`);
    const { shown, writes } = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-test-writes')));
    assert.equal(shown, true, 'the counting started as the early cards were shown');
    const cards = await cardsOf(page);
    assert.equal(cards.length, 12);
    assert.deepEqual(cards.map((c) => c.saved), cards.map((c) => String(c.id === card.id)), 'saved as before');
    // The reply's For-you marks (the early answer has none; with the papers saved by the tests before, the reply may
    // mark some) are a change: their cards are written. Before, the reply also rewrote every other card's Save
    // button (its aria-pressed and tooltip) and hid its hidden For-you mark again: 4 writes a card.
    const marked = new Set(cards.filter((c) => c.forYou).map((c) => c.id));
    assert.ok(marked.size < cards.length);
    assert.deepEqual(writes.filter(([, id]) => !marked.has(id)), [], 'the reply changed nothing the other cards show');
    await cdp.detach();
    await page.close();
  });

  test('the engine\'s document closed (as Chrome may close it, or a crash): the next page goes to a new one at once', async () => {
    const url = 'https://arxiv.org/list/cs.LG/new?reopened';
    browser.serve(url, arxivListing(Array.from({ length: 10 }, (_, i) => syntheticPaper(1700 + i))));
    await (await openListing(browser.context, 'https://arxiv.org/list/cs.CL/new?warm', 'done')).close();
    const sw = await browser.serviceWorker();
    await sw.evaluate(() => chrome.offscreen.closeDocument());
    // The new engine's For-you index is empty: with For you on and a library of at least MIN_LIBRARY papers (saved
    // by the tests before), the page's analysis says so, the worker loads the index, and the page asks once more
    // for its picks (for-you.js, analyze.js). That second message comes at a time of its own: the count waits for it.
    const library = await sw.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      return { papers: Object.keys(all).filter((k) => k.startsWith('paper:')).length, forYou: all['settings:forYou'] !== false };
    });
    const messages = library.forYou && library.papers >= 3 ? 2 : 1; // 3: MIN_LIBRARY (background/for-you.js)
    const before = await counts();
    const page = await openListing(browser.context, url, 'done');
    assert.equal((await cardsOf(page)).length, 10);
    /** The page's messages and the engine's trips since `before`. */
    const sent = async () => {
      const now = await counts();
      return { fromContent: now.fromContent - before.fromContent, trips: now.trips - before.trips, engineRetries: now.engineRetries - before.engineRetries };
    };
    for (let i = 0; i < 150 && (await sent()).fromContent < messages; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(1000); // an extra message or trip, would there be one, comes within this
    const after = await sent();
    await page.close();
    // Before, the worker learnt that the document had gone only by a request to it going unanswered for 2 s,
    // and then sent it again to a new one.
    assert.equal(after.engineRetries, 0, 'no request went to the closed document');
    assert.deepEqual(after, { fromContent: messages, trips: messages, engineRetries: 0 },
      `each of the page's messages made one trip (library ${JSON.stringify(library)})`);
  });
});
