// A listing left and come back to through the back/forward cache (which Playwright turns off, and this test turns
// on): its cards stay where they were, with no flash, and take what changed in the library meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, openListing, troubleContentWorld } from '../lib/browser.js';
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

test('troubleContentWorld() refuses to trouble nothing, so that a test never checks a world it left as it was', async () => {
  await assert.rejects(troubleContentWorld(null, {}), /no trouble asked/);
  await assert.rejects(troubleContentWorld(null, { holdMs: 0 }), /holdMs must be above 0/);
  await assert.rejects(troubleContentWorld(null, { deadlineMs: -1 }), /deadlineMs must be above 0/);
  await assert.rejects(troubleContentWorld(null, { failShadow: { n: 0, why: 'x' } }), /failShadow.n must be a positive integer/);
});

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

/**
 * Counts the pages sent to the worker (ANALYZE_PAGE) from tabs whose URL starts with prefix, not other pages'.
 * @returns {Promise<() => Promise<number>>} the count so far
 */
async function sendsFrom(prefix) {
  const sw = await browser.serviceWorker();
  const name = `papergistTestSent ${prefix}`;
  await sw.evaluate(([p, n]) => {
    globalThis[n] = 0;
    chrome.runtime.onMessage.addListener((msg, sender) => {
      if (sender.tab && sender.url.startsWith(p) && msg.type === 'page/analyze') globalThis[n]++;
      return false;
    });
  }, [prefix, name]);
  return () => sw.evaluate((n) => globalThis[n], name);
}

/**
 * Opens url, seen before, and waits until its early cards are shown, its page held for them and not sent yet. The
 * hold is one frame, or 100 ms: here no frame comes, and the 100 ms take 4 s (a busy machine), in the content
 * script's world only, so that the test can act inside it.
 */
async function openHeld(url) {
  const page = await browser.context.newPage();
  const { cdp, done: slowed } = await troubleContentWorld(page, { holdMs: 4000 });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  assert.deepEqual(await slowed, ['holdMs 4000'], 'the hold is stretched in the content script\'s world');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'shown', null, { timeout: 10_000 });
  const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')));
  assert.equal(timing.held, 1, `held for its early cards (timing ${JSON.stringify(timing)})`);
  return { page, cdp };
}

/** Serves a listing whose early answer comes before it is parsed (a slow script), and opens it once. */
async function seenBefore(url, papers) {
  const script = `https://arxiv.org/static/browse/slow-${papers[0].id}.js`;
  browser.serve(script, '', 'text/javascript', 200, 1000);
  browser.serve(url, arxivListing(papers).replace('</body>', `<script src="${script}"></script></body>`));
  await (await openListing(browser.context, url)).close(); // seen before: its next load is held for the early cards
}

test('left before its held page was sent and come back within the hold: the page is sent once, and shows what changed', async () => {
  const url = 'https://arxiv.org/list/cs.DL/new?held';
  const held = Array.from({ length: 4 }, (_, i) => syntheticPaper(1850 + i));
  await seenBefore(url, held);
  const sent = await sendsFrom(url);
  const before = await sent();
  const { page, cdp } = await openHeld(url);
  await page.evaluate(() => {
    addEventListener('pageshow', (e) => { window.papergistTestRestored = e.persisted; });
  });
  await page.goto(ELSEWHERE);
  assert.equal(await sent(), before, 'left before the held page was sent');

  const other = await openListing(browser.context, url); // meanwhile, in another tab
  await clickSave(other, id(held[2]));
  await waitForSaved(other, id(held[2]));
  await other.close();

  const back = await sent();
  await page.goBack({ waitUntil: 'commit' });
  assert.equal(await page.evaluate(() => window.papergistTestRestored), true, 'restored from the back/forward cache');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 10_000 });
  await waitForSaved(page, id(held[2]));
  await page.waitForTimeout(4000); // past the stretched hold
  assert.equal(await sent() - back, 1, 'one ANALYZE_PAGE for the page come back, not two');
  assert.deepEqual((await cardsOf(page)).map((c) => [c.id, c.saved]), held.map((p, i) => [id(p), i === 2 ? 'true' : 'false']));
  await cdp.detach();
  await page.close();
});

test('a page state left before its held page was sent (a single-page site moved on): only the new state is sent', async () => {
  const url = 'https://arxiv.org/list/cs.DL/new?held-moved';
  const papers = Array.from({ length: 4 }, (_, i) => syntheticPaper(1860 + i));
  await seenBefore(url, papers);
  const sent = await sendsFrom('https://arxiv.org/list/cs.DL/new?held-moved');
  const { page, cdp } = await openHeld(url);
  // The site changes its URL and its list in place: the content script tears this state down and shows the next.
  await page.evaluate(() => {
    history.pushState({}, '', `${location.href}&page=2`);
    document.body.append(document.createElement('div'));
  });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 10_000 });
  await page.waitForTimeout(4500); // past the stretched hold of the state torn down
  assert.equal(await sent(), 1, 'the new state only: the torn-down state\'s held page is not sent after it');
  assert.deepEqual((await cardsOf(page)).map((c) => c.id), papers.map(id));
  await cdp.detach();
  await page.close();
});

test('a page whose analysis failed, back from the back/forward cache, shows its cards and drops the notice', async () => {
  const url = `${LISTING}?failed-then-back`;
  const sw = await browser.serviceWorker();
  // Seen before, as it was before it changed: a page known to have papers says it failed (content/main.js failed).
  browser.serve(url, arxivListing(papers.slice(1)));
  const before = await browser.context.newPage();
  await before.goto(url, { waitUntil: 'domcontentloaded' });
  await before.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 20_000 });
  await before.close();
  await sw.evaluate(async (key) => {
    for (let i = 0; i < 200 && !((await chrome.storage.session.get('early-order'))['early-order'] || []).includes(key); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }, `normal ${url}`);
  browser.serve(url, arxivListing(papers));
  // The worker's channel to the engine answers every analysis as a document gone before answering (host.js).
  const engine = (fail) => sw.evaluate((on) => {
    const g = /** @type {any} */ (globalThis);
    g.papergistTestPost ??= MessagePort.prototype.postMessage;
    const post = g.papergistTestPost;
    MessagePort.prototype.postMessage = !on ? post : function (/** @type {any} */ data, /** @type {any[]} */ ...rest) {
      if (!(data && data.msg && data.msg.type === 'engine/analyze')) return post.call(this, data, ...rest);
      setTimeout(() => this.onmessage({ data: { id: data.id, reply: { ok: false, error: { code: 'engine_stopped', message: 'test' } } } }), 0);
    };
  }, fail);
  const page = await browser.context.newPage();
  await engine(true);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'error', null, { timeout: 20_000 });
  } finally {
    await engine(false);
  }
  assert.equal(await page.evaluate(() => document.querySelectorAll('papergist-notice').length), 1);
  await page.evaluate(() => {
    window.papergistTestRestored = false;
    addEventListener('pageshow', (e) => { window.papergistTestRestored = e.persisted; });
  });
  await page.goto(ELSEWHERE);
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 20_000 });
  assert.equal(await page.evaluate(() => window.papergistTestRestored), true, 'restored from the back/forward cache');
  assert.deepEqual((await cardsOf(page)).map((c) => c.id), papers.map(id));
  assert.deepEqual(await page.evaluate(() => [document.querySelectorAll('papergist-notice').length,
    document.documentElement.getAttribute('data-papergist-error')]), [0, null]);
  await page.close();
});
