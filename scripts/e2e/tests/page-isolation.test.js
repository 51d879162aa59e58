// What a hostile page can do to the library (issue "Hardening", items 10 and 11). A script on a supported listing
// (the site itself, an ad, an XSS) must learn nothing from the cards about which papers are saved and must not be
// able to save or remove one; code running in the content script's own world must not reach chrome.storage, may
// not rewrite a saved paper through a save, and may remove only a paper its page shows. The user's clicks are
// real mouse clicks (trusted); the attacks are page scripts and content-script-world code, run as such.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser } from '../lib/browser.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';
import { cardsOf, clickSave, waitForSaved, scriptClickSave, inContentScript } from '../lib/cards.js';

const papers = Array.from({ length: 4 }, (_, i) => syntheticPaper(300 + i));
const [p0, p1, p2, p3] = papers;
const id = (p) => `arxiv:${p.id}`;
const LISTING = 'https://arxiv.org/list/cs.LG/new';
const elsewhere = syntheticPaper(399); // saved, but on no page the tests open

/** @type {Browser} */
let browser;

before(async () => {
  browser = await new Browser().start();
  browser.serve(LISTING, arxivListing(papers));
});
after(() => browser?.dispose());

/** The saved records, read by the background (a trusted context). */
async function library() {
  const w = await browser.serviceWorker();
  return w.evaluate(async () => Object.fromEntries(
    Object.entries(await chrome.storage.local.get(null)).filter(([k]) => k.startsWith('paper:')).map(([k, v]) => [k.slice(6), v])));
}

/**
 * Opens the listing with a page script that runs before everything else on the page, as a site's own script or
 * an ad can: it hooks attachShadow to grab the cards' shadow roots and records every attribute change on them.
 */
async function openHostile() {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    window.__roots = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      window.__roots.push(root);
      return root;
    };
    window.__attrChanges = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target.localName === 'papergist-card' && r.attributeName) window.__attrChanges.push(r.attributeName);
      }
    }).observe(document, { subtree: true, attributes: true });
  });
  await page.goto(LISTING, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 20_000 });
  return page;
}

/** Everything a page script can see of the cards. */
function pageView(page) {
  return page.evaluate(() => [...document.querySelectorAll('papergist-card')].map((c) => {
    const r = c.getBoundingClientRect();
    return {
      id: c.getAttribute('data-paper-id'),
      attributes: [...c.attributes].map((a) => `${a.name}=${a.value}`).sort(),
      shadowRoot: c.shadowRoot === null ? 'hidden' : 'readable',
      size: [Math.round(r.width * 100), Math.round(r.height * 100)],
      text: c.textContent,
      style: getComputedStyle(c).cssText,
      grabbedRoots: window.__roots.length,
    };
  }));
}

/** A page script's best tries to press a card's Save button. */
function pageScriptClicks(page, paperId) {
  return page.evaluate((pid) => {
    const host = document.querySelector(`papergist-card[data-paper-id="${pid}"]`);
    host.shadowRoot?.querySelector('button')?.click();
    for (const root of window.__roots) if (root.host === host) root.querySelector('button')?.click();
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const r = host.getBoundingClientRect();
    const at = document.elementFromPoint(r.right - 20, r.top + 15);
    at?.click();
    host.focus();
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  }, paperId);
}

test('a page script cannot tell which papers are saved, nor save or remove one', async () => {
  const page = await openHostile();
  const before = await pageView(page);
  assert.equal(before.length, papers.length);

  await clickSave(page, id(p1)); // the user saves a paper with a real click
  await waitForSaved(page, id(p1), true);
  assert.ok((await library())[id(p1)], 'the real click saved it');

  const after = await pageView(page);
  assert.deepEqual(after, before, 'the page sees the same cards before and after the save');
  assert.deepEqual(await page.evaluate(() => window.__attrChanges), [], 'no attribute of a card changed');
  assert.ok(after.every((c) => c.shadowRoot === 'hidden' && c.grabbedRoots === 0 && c.text === ''));
  assert.ok(after.every((c) => c.attributes.length === 1 && c.attributes[0] === `data-paper-id=${c.id}`),
    'a card\'s host carries its paper ID and nothing else');

  // The page tries to remove the saved paper and to save another, every way a script can click.
  await pageScriptClicks(page, id(p1));
  await pageScriptClicks(page, id(p2));
  // ...and, as if the button had leaked to it, clicks it directly: untrusted clicks do nothing either.
  await scriptClickSave(page, id(p1));
  await scriptClickSave(page, id(p2));
  // A real click after them: the background handles library messages in order, so once this one is shown, any
  // save or removal the script's clicks had sent would be done too.
  await clickSave(page, id(p3));
  await waitForSaved(page, id(p3), true);

  const lib = await library();
  assert.ok(lib[id(p1)], 'still saved after the page script\'s clicks');
  assert.equal(lib[id(p2)], undefined, 'not saved by the page script\'s clicks');
  const shown = Object.fromEntries((await cardsOf(page)).map((c) => [c.id, c.saved]));
  assert.deepEqual(shown, { [id(p0)]: 'false', [id(p1)]: 'true', [id(p2)]: 'false', [id(p3)]: 'true' });
  await page.close();
});

test('code in the content script world cannot use chrome.storage.local nor rewrite or remove others\' papers', async () => {
  const page = await openHostile();
  if (!(await library())[id(p1)]) {
    await clickSave(page, id(p1));
    await waitForSaved(page, id(p1), true);
  }
  // A note on p1, and a paper saved from another page: what an attacker would like to read or destroy.
  const w = await browser.serviceWorker();
  await w.evaluate(async ({ pid, other }) => {
    const { [`paper:${pid}`]: rec } = await chrome.storage.local.get(`paper:${pid}`);
    await chrome.storage.local.set({
      [`paper:${pid}`]: { ...rec, note: 'my private note', tags: ['secret'] },
      [`paper:${other.id}`]: { id: other.id, title: other.title, authors: [], abstract: '', url: other.url, pdf_url: '',
        tldr: 'kept', keyphrases: [], tags: [], note: 'elsewhere', read: false, saved_at: new Date().toISOString(), version: 0,
        meta: { locator: {} }, sync: { dirty: {} } },
    });
  }, { pid: id(p1), other: { id: id(elsewhere), title: elsewhere.title, url: `https://arxiv.org/abs/${elsewhere.id}` } });
  const before = await library();

  const tries = await inContentScript(page, browser.extensionId, `(async () => {
    const attempt = (p) => p.then(() => 'allowed', (e) => 'refused: ' + e.message);
    return {
      read: await attempt(chrome.storage.local.get(null)),
      write: await attempt(chrome.storage.local.set({ 'paper:${id(p1)}': { note: 'pwned' }, 'sync:inflight': { key: 'x', body: '{}' } })),
      remove: await attempt(chrome.storage.local.remove('paper:${id(p1)}')),
      clear: await attempt(chrome.storage.local.clear()),
      overwrite: await chrome.runtime.sendMessage({ type: 'library/save',
        paper: { id: '${id(p1)}', title: 'pwned', authors: [], url: 'https://evil.example/', locator: {} }, summary: { tldr: 'pwned', keyphrases: [] } }),
      saveOther: await chrome.runtime.sendMessage({ type: 'library/save',
        paper: { id: 'arxiv:2401.00001', title: 'spam', authors: [], url: 'https://evil.example/', locator: {} }, summary: { tldr: '', keyphrases: [] } }),
      removeOther: await chrome.runtime.sendMessage({ type: 'library/remove', id: '${id(elsewhere)}' }),
    };
  })()`);

  for (const k of ['read', 'write', 'remove', 'clear']) assert.match(tries[k], /^refused: /, `${k}: ${tries[k]}`);
  assert.deepEqual(tries.overwrite, { ok: true, data: {} }, 'a save of a saved paper is answered, without the record');
  assert.equal(tries.saveOther.ok, false);
  assert.match(tries.saveOther.error.message, /not on this page/);
  assert.equal(tries.removeOther.ok, false);
  assert.match(tries.removeOther.error.message, /not on this page/);
  assert.deepEqual(await library(), before, 'the library is exactly as it was');

  // What the page's own cards need still works from that world: removing a paper the page shows.
  const unsave = await inContentScript(page, browser.extensionId, `chrome.runtime.sendMessage({ type: 'library/remove', id: '${id(p1)}' })`);
  assert.deepEqual(unsave, { ok: true, data: {} });
  await waitForSaved(page, id(p1), false);
  assert.equal((await library())[id(p1)], undefined);
  await page.close();
});
