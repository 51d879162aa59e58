// A card's Save button when the save does not go through: the card says why, instead of doing nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Browser, openListing, ROOT } from '../lib/browser.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';
import { clickSave, cardOf, waitForSaved } from '../lib/cards.js';
import { fakeArxivAPI } from '../lib/api.js';

const papers = Array.from({ length: 3 }, (_, i) => syntheticPaper(i));
const LISTING = 'https://arxiv.org/list/cs.LG/new';
const id = (p) => `arxiv:${p.id}`;

/** @type {Browser} */
let browser;

before(async () => {
  browser = await new Browser().start();
  browser.serve(LISTING, arxivListing(papers));
});
after(() => browser?.dispose());

/** Waits until the paper's card's status line matches re; returns the card. */
async function waitForStatus(page, paperId, re) {
  for (let i = 0; i < 100; i++) {
    const c = await cardOf(page, paperId);
    if (c && re.test(c.status)) return c;
    await new Promise((r) => setTimeout(r, 100));
  }
  const c = await cardOf(page, paperId);
  assert.fail(`the card of ${paperId} shows status ${JSON.stringify(c && c.status)}, not ${re}`);
}

test('a save the background cannot write shows why on the card; the next click saves it and clears it', async () => {
  const listing = await openListing(browser.context, LISTING);
  const w = await browser.serviceWorker();
  await w.evaluate(() => {
    globalThis.realSet = chrome.storage.local.set;
    chrome.storage.local.set = () => Promise.reject(new Error('the disk is full'));
  });
  await clickSave(listing, id(papers[1]));
  const c = await waitForStatus(listing, id(papers[1]), /^Not saved: the disk is full$/);
  assert.equal(c.saved, 'false');
  await w.evaluate(() => { chrome.storage.local.set = globalThis.realSet; });
  await clickSave(listing, id(papers[1]));
  const saved = await waitForSaved(listing, id(papers[1]), true);
  assert.equal(saved.status, '');
  await listing.close();
});

test('Save linked paper says on the tab\'s badge that it saved, then the badge is the tab\'s again', async () => {
  browser.api = fakeArxivAPI();
  const listing = await openListing(browser.context, LISTING);
  await listing.bringToFront();
  const w = await browser.serviceWorker();
  const out = await w.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const r = await globalThis.papergistEvents.onMenuClicked({ menuItemId: 'papergist-save-link', linkUrl: 'https://arxiv.org/abs/2501.01234' }, tab);
    return { id: r && r.id, badge: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }), tabId: tab.id };
  });
  assert.deepEqual(out.id, 'arxiv:2501.01234');
  assert.equal(out.badge, '✓');
  assert.equal(out.title, 'papergist: saved “Fetched 2501.01234”');
  await new Promise((r) => setTimeout(r, 4000));
  let badge = '✓';
  for (let i = 0; i < 60 && badge; i++) {
    badge = await w.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), out.tabId);
    if (badge) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(badge, '', 'a listing has no paper of its own');
  await listing.close();
});

test('the shortcut pressed while a paper page still loads saves its paper, once the page is read', async () => {
  const file = path.join(ROOT, 'wasm/extract/testdata/semanticscholar/paper-hash.html');
  const html = await readFile(file, 'utf8');
  const url = /papergist-fixture-url:\s*(\S+)/.exec(html)[1];
  const golden = JSON.parse(await readFile(file.replace(/\.html$/, '.golden.json'), 'utf8')).papers[0];
  const SLOW = 'https://www.semanticscholar.org/static/slow.js';
  browser.serve(SLOW, '/* late */', 'text/javascript', 200, 2500); // holds the parser: no DOMContentLoaded for 2.5 s
  browser.serve(url, html.replace('</head>', `<script src="${SLOW}"></script></head>`));
  const w = await browser.serviceWorker();
  const ports = await w.evaluate(() => globalThis.papergistStats.pagePorts);
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.bringToFront();
  // the content script is in (it asks for its early answer at document start), the page not yet parsed
  for (let i = 0; i < 100 && (await w.evaluate(() => globalThis.papergistStats.pagePorts)) === ports; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(await page.evaluate(() => document.readyState), 'loading');
  const out = await w.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const r = await globalThis.papergistEvents.onCommand('save-paper', tab);
    return { id: r && r.id, title: await chrome.action.getTitle({ tabId: tab.id }) };
  });
  assert.deepEqual(out, { id: golden.id, title: 'papergist: this paper is saved' });
  await page.close();
});

test('a card left behind by an update of the extension says to reload the page', async () => {
  const listing = await openListing(browser.context, LISTING);
  const w = await browser.serviceWorker();
  await w.evaluate(() => { setTimeout(() => chrome.runtime.reload(), 50); }); // as an update does
  await new Promise((r) => setTimeout(r, 1500));
  await clickSave(listing, id(papers[2]));
  const c = await waitForStatus(listing, id(papers[2]), /^Not saved: papergist was updated or restarted since this page loaded: reload the page\.$/);
  assert.equal(c.saved, 'false');
  await listing.close();
});
