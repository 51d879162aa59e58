// Saving end to end: from a listing card, from a paper page (shortcut and context menu), editing in the
// popup, across a forced service-worker stop and a browser restart, and exports of what was saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Browser, openListing, cardsOf, ROOT } from '../lib/browser.js';
import { arxivListing, arxivAbsPage, syntheticPaper } from '../lib/fixtures.js';
import { parseBibTeX, parseRIS, parseCSLJSON } from '../lib/parsers.js';
import { clickSave, waitForSaved } from '../lib/cards.js';

const papers = Array.from({ length: 10 }, (_, i) => syntheticPaper(i));
const [p0, , , , , p5, , p7, p8, p9] = papers;
const LISTING = 'https://arxiv.org/list/cs.CL/new';
const OTHER_LISTING = 'https://arxiv.org/list/cs.AI/new';
const absURL = (p, v = 'v2') => `https://arxiv.org/abs/${p.id}${v}`;

/** @type {Browser} */
let browser;

before(async () => {
  browser = await new Browser().start();
  serveAll();
});
after(() => browser?.dispose());

function serveAll() {
  browser.serve(LISTING, arxivListing([...papers.slice(0, 5), p7]));
  browser.serve(OTHER_LISTING, arxivListing([p9, p8, p7, p0]));
  for (const p of [p5, p7, p8]) browser.serve(absURL(p), arxivAbsPage(p));
}

/** The active tab, as the worker sees it (it has no "tabs" permission, so it cannot look tabs up by URL). */
const ACTIVE_TAB = async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];

/**
 * Calls the worker's handler of a browser event (papergistEvents in service-worker.js) with the page's tab,
 * as Chrome does for a shortcut or a context-menu click: headless input does not reach browser accelerators
 * or native menus.
 */
async function fireForPage(page, handler, ...args) {
  await page.bringToFront();
  const w = await browser.serviceWorker();
  return w.evaluate(async ({ handler, args, activeTab }) => {
    const tab = await (0, eval)(activeTab)();
    const r = handler === 'onCommand'
      ? await globalThis.papergistEvents.onCommand(args[0], tab)
      : await globalThis.papergistEvents.onMenuClicked({ menuItemId: args[0] }, tab);
    return r && r.id;
  }, { handler, args, activeTab: ACTIVE_TAB.toString() });
}

async function savedRecords() {
  const w = await browser.serviceWorker();
  return w.evaluate(async () => Object.fromEntries(
    Object.entries(await chrome.storage.local.get(null)).filter(([k]) => k.startsWith('paper:'))));
}

async function badgeFor(page) {
  await page.bringToFront();
  const w = await browser.serviceWorker();
  return w.evaluate(async (activeTab) => {
    const tab = await (0, eval)(activeTab)();
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, ACTIVE_TAB.toString());
}

/**
 * The tab's badge once it reads text, or what it last read after a few seconds: a removal reaches the badge through
 * storage's change event (background/badge.js paperChanged), a moment after the popup's list lets the paper go.
 */
async function badgeBecomes(page, text) {
  let got = await badgeFor(page);
  for (let i = 0; got !== text && i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    got = await badgeFor(page);
  }
  return got;
}

const savedMap = async (page) => Object.fromEntries((await cardsOf(page)).map((c) => [c.id, c.saved]));

async function openPopup() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await page.locator('body[data-rendered]').waitFor({ state: 'attached' });
  return page;
}

const popupIds = (popup) => popup.locator('li.paper').evaluateAll((els) => els.map((e) => e.dataset.paperId));

async function download(popup, format) {
  const [dl] = await Promise.all([popup.waitForEvent('download'), popup.click(`button[data-format=${format}]`)]);
  return readFile(await dl.path(), 'utf8');
}

test('save from a card, a shortcut and the context menu; edit in the popup; survive stops and restarts', async (t) => {
  const id = (p) => `arxiv:${p.id}`;
  const listing = await openListing(browser.context, LISTING);

  await t.test('Save on a listing card', async () => {
    await clickSave(listing, id(p0));
    await waitForSaved(listing, id(p0), true);
    const rec = (await savedRecords())[`paper:${id(p0)}`];
    assert.equal(rec.title, p0.title);
    assert.ok(rec.tldr.length > 0);
  });

  await t.test('the keyboard shortcut on a paper page (arXiv v2) saves it and the badge shows it', async () => {
    const page = await openListing(browser.context, absURL(p7));
    assert.equal(await badgeFor(page), '');
    assert.equal(await fireForPage(page, 'onCommand', 'save-paper'), id(p7));
    assert.ok((await savedRecords())[`paper:${id(p7)}`], 'saved under the version-less ID');
    await page.waitForFunction(() => true);
    assert.equal(await badgeFor(page), '✓');
    // the listing open in another tab follows at once
    await waitForSaved(listing, id(p7), true);
    await page.close();
  });

  await t.test('the context menu on a paper page saves it', async () => {
    const page = await openListing(browser.context, absURL(p8));
    assert.equal(await fireForPage(page, 'onMenuClicked', 'papergist-save'), id(p8));
    assert.equal(await badgeFor(page), '✓');
    await page.close();
  });

  await t.test('the toolbar popup\'s button saves the paper of the page', async () => {
    const page = await openListing(browser.context, absURL(p5));
    await page.bringToFront();
    const w = await browser.serviceWorker();
    const tabId = await w.evaluate(async (f) => (await (0, eval)(f)()).id, ACTIVE_TAB.toString());
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.click('#save-tab');
    await popup.locator('#tab-status').filter({ hasText: `Saved: ${p5.title}` }).waitFor();
    assert.ok((await savedRecords())[`paper:${id(p5)}`]);
    assert.equal(await badgeFor(page), '✓');
    // remove it again, from the popup: the badge follows
    await popup.bringToFront();
    await popup.locator(`li.paper[data-paper-id="${id(p5)}"] button.remove`).click();
    await popup.locator(`li.paper[data-paper-id="${id(p5)}"]`).waitFor({ state: 'detached' });
    assert.equal(await badgeBecomes(page, ''), '');
    await popup.close();
    await page.close();
  });

  await t.test('a listing-page shortcut does not save a random paper', async () => {
    assert.equal(await fireForPage(listing, 'onCommand', 'save-paper'), null);
    assert.equal(Object.keys(await savedRecords()).length, 3);
  });

  await t.test('another listing shows the saved papers as saved', async () => {
    const other = await openListing(browser.context, OTHER_LISTING);
    assert.deepEqual(await savedMap(other), { [id(p9)]: 'false', [id(p8)]: 'true', [id(p7)]: 'true', [id(p0)]: 'true' });
    await other.close();
  });

  await t.test('a paper saved on Hugging Face shows as saved on an arXiv listing (same canonical ID)', async () => {
    // the extractor's committed Hugging Face fixture, and an arXiv listing holding its first paper
    const hfHTML = await readFile(path.join(ROOT, 'wasm/extract/testdata/huggingface/daily-2025-01-20.html'), 'utf8');
    const hfURL = /papergist-fixture-url:\s*(\S+)/.exec(hfHTML)[1];
    browser.serve(hfURL, hfHTML);
    const hf = await openListing(browser.context, hfURL);
    const first = (await cardsOf(hf))[0].id;
    assert.match(first, /^arxiv:\d{4}\.\d{5}$/);
    const arxivURL = 'https://arxiv.org/list/cs.IR/new';
    browser.serve(arxivURL, arxivListing([syntheticPaper(50, { id: first.slice('arxiv:'.length) }), p9]));
    const ax = await openListing(browser.context, arxivURL);
    assert.equal((await savedMap(ax))[first], 'false');
    await clickSave(hf, first);
    await waitForSaved(ax, first, true);
    await clickSave(ax, first); // unsave here
    await waitForSaved(hf, first, false);
    await hf.close();
    await ax.close();
  });

  await t.test('the popup lists them newest first; tags, note and read state are edited; search filters', async () => {
    const popup = await openPopup();
    assert.deepEqual(await popupIds(popup), [id(p8), id(p7), id(p0)]);
    const item = popup.locator(`li.paper[data-paper-id="${id(p7)}"]`);
    await item.locator('input.tags').fill('NLP, reading-group, nlp');
    await item.locator('input.tags').press('Tab');
    await item.locator('textarea.note').fill('Check table 3 <script>alert(1)</script>');
    await item.locator('textarea.note').press('Tab');
    await item.locator('input.read').check();
    await popup.waitForFunction(() => true);
    const rec = async () => (await savedRecords())[`paper:${id(p7)}`];
    for (let i = 0; i < 20 && !(await rec()).read; i++) await popup.waitForTimeout(50);
    assert.deepEqual(await rec().then((r) => [r.tags, r.note, r.read]),
      [['nlp', 'reading-group'], 'Check table 3 <script>alert(1)</script>', true]);
    await popup.fill('#search', 'reading-group');
    await popup.waitForFunction(() => document.querySelectorAll('li.paper').length === 1);
    assert.deepEqual(await popupIds(popup), [id(p7)]);
    await popup.fill('#search', '');
    await popup.waitForFunction(() => document.querySelectorAll('li.paper').length === 3);
    await popup.close();
  });

  await t.test('the service worker is stopped: everything is still there and pages still get cards', async () => {
    await browser.stopServiceWorker();
    const page = await openListing(browser.context, OTHER_LISTING);
    assert.deepEqual(await savedMap(page), { [id(p9)]: 'false', [id(p8)]: 'true', [id(p7)]: 'true', [id(p0)]: 'true' });
    await page.close();
    const popup = await openPopup();
    assert.deepEqual(await popupIds(popup), [id(p8), id(p7), id(p0)]);
    assert.equal(await popup.locator(`li.paper[data-paper-id="${id(p7)}"] input.tags`).inputValue(), 'nlp, reading-group');
    await popup.close();
  });

  await listing.close();

  await t.test('the browser restarts: saved papers and edits are kept', async () => {
    await browser.restart();
    serveAll();
    const popup = await openPopup();
    assert.deepEqual(await popupIds(popup), [id(p8), id(p7), id(p0)]);
    const item = popup.locator(`li.paper[data-paper-id="${id(p7)}"]`);
    assert.equal(await item.locator('textarea.note').inputValue(), 'Check table 3 <script>alert(1)</script>');
    assert.equal(await item.locator('input.read').isChecked(), true);
    const page = await openListing(browser.context, LISTING);
    assert.equal((await savedMap(page))[id(p0)], 'true');
    await page.close();
    await popup.close();
  });

  await t.test('exports of all papers parse as BibTeX, RIS and CSL-JSON with TL;DR, note and tags', async () => {
    const popup = await openPopup();
    const bib = parseBibTeX(await download(popup, 'bibtex'));
    assert.deepEqual(bib.map((e) => e.fields.eprint), [p8.id, p7.id, p0.id]);
    const b7 = bib[1].fields;
    assert.equal(b7.title, p7.title);
    // in annote, which no standard style prints under the reference, not in note
    assert.match(b7.annote, /^TL;DR: \S/);
    assert.match(b7.annote, /Note: Check table 3/);
    assert.equal(b7.note, undefined);
    assert.deepEqual([...b7.keywords].sort(), ['nlp', 'reading-group']);

    const ris = parseRIS(await download(popup, 'ris'));
    assert.deepEqual(ris.map((e) => e.title), [p8.title, p7.title, p0.title]);
    assert.match(JSON.stringify(ris[1]), /TL;DR: /);
    assert.match(JSON.stringify(ris[1]), /Check table 3/);

    const csl = parseCSLJSON(await download(popup, 'csljson'));
    assert.deepEqual(csl.map((e) => e.title), [p8.title, p7.title, p0.title]);
    assert.match(csl[1].note, /^TL;DR: [^]*Check table 3/);
    assert.equal(csl[1].keyword, 'nlp, reading-group');
    assert.equal(csl[1].author[0].family, p7.authors[0].split(' ').at(-1));
    await popup.close();
  });

  await t.test('exports of selected papers hold only those', async () => {
    const popup = await openPopup();
    await popup.locator(`li.paper[data-paper-id="${id(p0)}"] input.select`).check();
    await popup.locator('#export-scope').filter({ hasText: '1 selected' }).waitFor();
    const bib = parseBibTeX(await download(popup, 'bibtex'));
    assert.deepEqual(bib.map((e) => e.fields.eprint), [p0.id]);
    const csl = parseCSLJSON(await download(popup, 'csljson'));
    assert.deepEqual(csl.map((e) => e.id), [id(p0)]);
    await popup.close();
  });

  await t.test('remove in the popup and unsave on a card', async () => {
    const page = await openListing(browser.context, OTHER_LISTING);
    const popup = await openPopup();
    await popup.locator(`li.paper[data-paper-id="${id(p0)}"] button.remove`).click();
    await waitForSaved(page, id(p0), false);
    await clickSave(page, id(p8));
    await popup.waitForFunction(() => document.querySelectorAll('li.paper').length === 1);
    assert.deepEqual(await popupIds(popup), [id(p7)]);
    await page.close();
    await popup.close();
  });
});
