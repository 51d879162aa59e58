// For you (issue 18, item 4): once the library holds a few papers, a listing marks its papers closest to them, with
// the reason, inside the cards' closed roots; the Topics digest lists them at its top and a click scrolls to one;
// turning it off removes the marks at once; and the page's own scripts learn nothing about the library. Real
// pages from ../shared/fixtures/pages, saves and clicks with the mouse (trusted), the real wasm ranker.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Browser, openListing, SHARED_PAGES } from '../lib/browser.js';
import { cardsOf, clickSave, waitForSaved, forYouOf, clickNode } from '../lib/cards.js';
import { fakeArxivAPI } from '../lib/api.js';

const HF = { url: 'https://huggingface.co/papers?date=2024-08-01', file: path.join(SHARED_PAGES, 'huggingface/daily-papers-date-2024-08-01.html') };
const ARXIV = { url: 'https://arxiv.org/list/cs.CL/recent', file: path.join(SHARED_PAGES, 'arxiv/list-cs.CL-recent-2026-07-28.html') };
/** Saved from the arXiv listing: machine translation twice, multimodal pre-training. */
const SAVES = {
  'arxiv:2607.22376': 'A Factorial Study of Synthetic Data Generation for Low-Resource Machine Translation using Grammar Books',
  'arxiv:2607.22300': 'Biomedical Machine Translation for Low-Resource Arabic-Script Languages via Cross-Lingual Transfer and LoRA Adapter Merging',
  'arxiv:2607.22043': 'Scaling Native Multimodal Pre-Training From Scratch',
};
/** On the Hugging Face page: the paper plainly closest to the multimodal pre-training one. */
const MULTIMODAL = 'arxiv:2407.21770';
const MULTIMODAL_TITLE = 'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts';
const LIKE_MULTIMODAL = /^(For you · )?like Scaling Native Multimodal Pre-Training From Scratch/;
const missing = [HF.file, ARXIV.file].find((f) => !existsSync(f));

/** Saves a paper with a real click on its card. */
async function save(page, id) {
  await clickSave(page, id);
  return waitForSaved(page, id);
}

/** Waits until fn() (an async probe) is truthy, and returns it. */
async function until(fn, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Opens a page with a script that runs first, as the site's own: it records what a page script can observe. */
async function openWatched(context, url) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__roots = 0;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      window.__roots++;
      return attach.call(this, init);
    };
    window.__attrChanges = [];
    new MutationObserver((records) => {
      for (const r of records) if (r.target.localName?.startsWith('papergist-')) window.__attrChanges.push(`${r.target.localName} ${r.attributeName}`);
    }).observe(document, { subtree: true, attributes: true });
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 30_000 });
  return page;
}

/** Everything the page's own scripts can see of the extension's elements. */
function pageView(page) {
  return page.evaluate(() => ({
    cards: [...document.querySelectorAll('papergist-card')].map((c) => {
      const r = c.getBoundingClientRect();
      return { attributes: [...c.attributes].map((a) => `${a.name}=${a.value}`).join(' '), shadowRoot: c.shadowRoot === null,
        size: [Math.round(r.width * 100), Math.round(r.height * 100)], text: c.textContent };
    }),
    forYouRoot: [...document.querySelectorAll('papergist-digest')].map((d) => {
      const s = d.shadowRoot && d.shadowRoot.querySelector('papergist-foryou');
      return s ? { root: s.shadowRoot === null ? 'closed' : 'readable', text: s.textContent, size: Math.round(s.getBoundingClientRect().height) } : null;
    }),
    digestText: [...document.querySelectorAll('papergist-digest')].map((d) => d.shadowRoot ? d.shadowRoot.textContent : '').join(''),
    bodyText: document.body.innerText,
    timing: document.documentElement.getAttribute('data-papergist-timing'),
    roots: window.__roots,
    attrChanges: window.__attrChanges,
  }));
}

describe('For you', { skip: missing && `${missing} not found: ../shared is not beside the repository` }, () => {
  /** @type {Browser} */
  let browser;
  before(async () => {
    browser = await new Browser().start();
    browser.api = fakeArxivAPI(); // the /recent listing shows no abstracts: the background fetches them
    await browser.serveFile(HF.url, HF.file, 'text/html; charset=utf-8');
    await browser.serveFile(ARXIV.url, ARXIV.file, 'text/html; charset=utf-8');
  });
  after(() => browser?.dispose());

  // The saves are made on the arXiv page: the Hugging Face page's images fail to load here (no network) and move
  // the page when a scroll brings them in, under the mouse aimed at a Save button. Its cards are only read.
  test('after three saves on one listing, another marks its closest papers, the digest lists them, off removes them', async () => {
    // Two saves are not enough to mark anything.
    const listing = await openListing(browser.context, ARXIV.url);
    const ids = Object.keys(SAVES);
    for (const id of ids.slice(0, 2)) await save(listing, id);
    let page = await openWatched(browser.context, HF.url);
    assert.deepEqual((await cardsOf(page)).filter((c) => c.forYou), [], 'two saved papers mark nothing');
    await page.locator('papergist-digest .toggle').click();
    assert.match((await forYouOf(page)).hint, /^Save three papers or more, and papergist marks/, 'when it starts');
    const few = await pageView(page);
    await page.close();

    await save(listing, ids[2]);
    await listing.close();

    page = await openWatched(browser.context, HF.url);
    const cards = await until(async () => {
      const cs = await cardsOf(page);
      return cs.some((c) => c.forYou) && cs;
    }, 'marked cards');
    const marked = cards.filter((c) => c.forYou);
    assert.ok(marked.length >= 1 && marked.length <= 3, `${marked.length} of ${cards.length} papers marked (at most three of 13)`);
    for (const c of marked) {
      const m = c.forYou.match(/^For you · like (.+?)(?: and (\d) more)? you saved$/);
      assert.ok(m, `the mark gives the reason: ${c.forYou}`);
      assert.ok(Object.values(SAVES).includes(m[1]), `the reason names a saved paper: ${m[1]}`);
      assert.equal(c.saved, 'false');
    }
    const multimodal = marked.find((c) => c.id === MULTIMODAL);
    assert.ok(multimodal, `the multimodal pre-training paper is marked (marked: ${marked.map((c) => c.id)})`);
    assert.match(multimodal.forYou, LIKE_MULTIMODAL);

    // The digest's For-you section, at the top of the Topics panel, lists them best first; a click scrolls there.
    await page.locator('papergist-digest .toggle').click();
    const section = await forYouOf(page);
    assert.equal(section.shadowMode, 'closed');
    assert.equal(section.heading, 'For you');
    assert.deepEqual(section.items.map((i) => i.id).sort(), marked.map((c) => c.id).sort(), 'the section lists the marked papers');
    const item = section.items.find((i) => i.id === MULTIMODAL);
    assert.equal(item.title, MULTIMODAL_TITLE);
    assert.match(item.why, LIKE_MULTIMODAL);
    await page.evaluate(() => window.scrollTo(0, 0));
    const far = await page.evaluate((id) => document.querySelector(`papergist-card[data-paper-id="${id}"]`).getBoundingClientRect().top > innerHeight, MULTIMODAL);
    if (!far) await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await clickNode(page, item.node);
    await page.waitForFunction((id) => {
      const r = document.querySelector(`papergist-card[data-paper-id="${id}"]`).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, MULTIMODAL, { timeout: 5000 });
    assert.ok((await cardsOf(page)).find((c) => c.id === MULTIMODAL).picked, 'the picked card is outlined');

    // What the page's scripts see: marked and unmarked cards alike, no readable root, no saved title anywhere.
    const on = await pageView(page);
    for (const c of on.cards) {
      assert.match(c.attributes, /^data-paper-id=\S+$/);
      assert.equal(c.shadowRoot, true);
      assert.equal(c.text, '');
    }
    assert.deepEqual(on.forYouRoot, [{ root: 'closed', text: '', size: few.forYouRoot[0].size }], 'the section measures the same listing picks or a hint');
    assert.ok(!JSON.parse(on.timing).hasOwnProperty('rank'), 'the ranking\'s time, which grows with the library, is not on the page');
    for (const title of Object.values(SAVES)) {
      assert.ok(!on.digestText.includes(title) && !on.bodyText.includes(title), `${title} is readable from the page`);
    }
    assert.ok(!/For you/.test(on.digestText + on.bodyText), 'the For-you text is readable from the page');
    assert.equal(on.roots, 0, 'no shadow root reached the page\'s attachShadow');
    assert.deepEqual(on.attrChanges, [], 'no attribute of the extension\'s elements changed');

    // Turn off, from the digest: the marks go at once, and nothing the page measures changes.
    await clickNode(page, section.offNode);
    await until(async () => (await cardsOf(page)).every((c) => !c.forYou && !c.picked), 'marks removed');
    assert.equal(await forYouOf(page), null, 'the section is gone');
    const off = await pageView(page);
    assert.deepEqual(off.cards, on.cards, 'the cards measure the same with and without marks');
    assert.deepEqual(off.attrChanges, []);
    const w = await browser.serviceWorker();
    assert.equal(await w.evaluate(async () => (await chrome.storage.local.get('settings:forYou'))['settings:forYou']), false);

    // The options page shows it off and turns it back on: the open listing is marked again.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionURL('options/options.html'));
    await options.waitForFunction(() => !document.querySelector('#for-you').disabled);
    assert.equal(await options.isChecked('#for-you'), false);
    await options.click('#for-you');
    await options.waitForFunction(() => !document.querySelector('#for-you').disabled && document.querySelector('#for-you').checked);
    await until(async () => (await cardsOf(page)).some((c) => c.id === MULTIMODAL && c.forYou), 'marks back');
    await options.close();

    // A fresh page with it on shows what it showed before, and nothing new to the page's scripts.
    await page.close();
    page = await openWatched(browser.context, HF.url);
    await until(async () => (await cardsOf(page)).some((c) => c.forYou), 'marks on a new page');
    const again = await pageView(page);
    assert.equal(again.roots, 0);
    assert.deepEqual(again.attrChanges, []);
    await page.close();
  });

  test('the index outlives the service worker; a paper saved loses its mark; removals take papers out of it', async () => {
    await browser.stopServiceWorker();
    let page = await openListing(browser.context, HF.url);
    await until(async () => (await cardsOf(page)).some((c) => c.id === MULTIMODAL && c.forYou), 'marks after a worker stop');
    const w = await browser.serviceWorker();
    assert.equal(await w.evaluate(() => globalThis.papergistStats.libraryTrips), 1, 'the new worker asked once and loaded nothing');

    // Saved from an extension page (as the popup does), the marked paper shows saved and unmarked on the open page.
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionURL('popup/popup.html'));
    const send = (msg) => popup.evaluate((m) => chrome.runtime.sendMessage(m), msg);
    const paper = { id: MULTIMODAL, title: MULTIMODAL_TITLE, authors: [], url: 'https://huggingface.co/papers/2407.21770', locator: {} };
    assert.equal((await send({ type: 'library/save', paper, summary: { tldr: 'x', keyphrases: [] } })).ok, true);
    await waitForSaved(page, MULTIMODAL);
    await until(async () => !(await cardsOf(page)).find((c) => c.id === MULTIMODAL).forYou, 'the saved paper unmarked');
    await page.locator('papergist-digest .toggle').click();
    assert.ok(!(await forYouOf(page)).items.some((i) => i.id === MULTIMODAL), 'nor listed');
    await page.close();

    // Removing it and the multimodal paper saved first leaves two saved papers: nothing is marked.
    for (const id of [MULTIMODAL, 'arxiv:2607.22043']) assert.equal((await send({ type: 'library/remove', id })).ok, true);
    await popup.close();
    page = await openListing(browser.context, HF.url);
    assert.deepEqual((await cardsOf(page)).filter((c) => c.forYou).map((c) => c.id), []);
    await page.close();
  });

  // A fresh engine gets the whole library sent while the first pages are shown: they are not kept waiting for it,
  // and are marked once it is in.
  test('after the browser restarts, a listing is marked once the fresh engine holds the library', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionURL('popup/popup.html'));
    const paper = { id: 'arxiv:2607.22043', title: SAVES['arxiv:2607.22043'], authors: [], url: 'https://arxiv.org/abs/2607.22043', locator: {} };
    const reply = await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'library/save', paper, summary: { tldr: 'x', keyphrases: [] } });
    assert.equal(reply.ok, true);
    await popup.close();

    await browser.restart();
    const page = await openListing(browser.context, HF.url);
    const marked = await until(async () => (await cardsOf(page)).find((c) => c.id === MULTIMODAL && c.forYou), 'marks after a restart');
    assert.match(marked.forYou, LIKE_MULTIMODAL);
    await page.close();
  });
});
