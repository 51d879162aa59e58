// A removal by mistake is undone without losing what the user added: the card's Save pressed again, or the
// popup's Undo, brings the paper back with its tags, note and read state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, openListing } from '../lib/browser.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';
import { clickSave, waitForSaved } from '../lib/cards.js';
import { message } from '../lib/sync.js';
import { savedPaper, seedLibrary } from '../lib/library.js';

const papers = Array.from({ length: 3 }, (_, i) => syntheticPaper(i));
const LISTING = 'https://arxiv.org/list/cs.DL/new';
const id = (p) => `arxiv:${p.id}`;

/** @type {Browser} */
let browser;

before(async () => {
  browser = await new Browser().start();
  browser.serve(LISTING, arxivListing(papers));
});
after(() => browser?.dispose());

async function stored(paperId) {
  const w = await browser.serviceWorker();
  return (await w.evaluate((k) => chrome.storage.local.get(k), `paper:${paperId}`))[`paper:${paperId}`];
}

test('a card\'s Saved ✓ clicked by mistake, then Save again: the tags, note and read state come back', async () => {
  const listing = await openListing(browser.context, LISTING);
  const p = id(papers[1]);
  await clickSave(listing, p);
  await waitForSaved(listing, p, true);
  await message(browser, 'library/update', { id: p, patch: { tags: ['thesis'], note: 'compare with ch. 2', read: true } });
  const before = await stored(p);
  await clickSave(listing, p); // "Saved ✓": removes
  await waitForSaved(listing, p, false);
  assert.equal(await stored(p), undefined);
  await clickSave(listing, p);
  await waitForSaved(listing, p, true);
  const after = await stored(p);
  assert.deepEqual({ tags: after.tags, note: after.note, read: after.read, saved_at: after.saved_at },
    { tags: ['thesis'], note: 'compare with ch. 2', read: true, saved_at: before.saved_at });
  await listing.close();
});

test('the popup\'s Remove offers Undo, focused, which brings the paper back as it was', async () => {
  const a = savedPaper(1, { tags: ['thesis', 'to-cite'], note: 'the baseline we beat', read: true });
  const b = savedPaper(2, { tags: ['survey'], note: 'skim section 4', read: false });
  await seedLibrary(browser, [a, b], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await popup.locator('body[data-rendered]').waitFor({ state: 'attached' });
  const item = (r) => popup.locator(`li.paper[data-paper-id="${r.id}"]`);

  await item(a).locator('button.remove').click();
  await item(a).waitFor({ state: 'detached' });
  await item(b).locator('button.remove').click();
  await item(b).waitFor({ state: 'detached' });
  assert.equal(await stored(a.id), undefined);
  await popup.locator('#undo .text').filter({ hasText: `Removed: ${b.title}` }).waitFor();
  assert.equal(await popup.evaluate(() => document.activeElement.id), 'undo-button');

  // b's comes back by the keyboard (the background remembers what it had); a's after the background forgot it
  await popup.keyboard.press('Enter');
  await item(b).waitFor();
  const w = await browser.serviceWorker();
  await w.evaluate(() => chrome.storage.session.remove('library:removed'));
  await popup.locator('#undo .text').filter({ hasText: `Removed: ${a.title}` }).waitFor();
  await popup.click('#undo-button');
  await item(a).waitFor();
  await popup.locator('#undo').waitFor({ state: 'hidden' });
  for (const r of [a, b]) {
    const s = await stored(r.id);
    for (let i = 0; i < 50 && s.note !== r.note; i++) await new Promise((res) => setTimeout(res, 50));
    const now = await stored(r.id);
    assert.deepEqual({ title: now.title, tags: now.tags, note: now.note, read: now.read, tldr: now.tldr },
      { title: r.title, tags: r.tags, note: r.note, read: r.read, tldr: r.tldr }, r.id);
  }
  assert.equal((await stored(b.id)).saved_at, b.saved_at);
  assert.equal(await item(a).locator('textarea.note').inputValue(), a.note);

  // Removed, then saved again elsewhere and edited there: nothing is left to undo, and the newer edit stays.
  await item(a).locator('button.remove').click();
  await item(a).waitFor({ state: 'detached' });
  await popup.locator('#undo .text').filter({ hasText: `Removed: ${a.title}` }).waitFor();
  const { meta, ...fields } = a;
  await message(browser, 'library/save', { paper: { ...meta, ...fields }, summary: { tldr: a.tldr, keyphrases: a.keyphrases } });
  await popup.locator('#undo').waitFor({ state: 'hidden' });
  assert.equal(await popup.evaluate(() => document.activeElement.id), 'search', 'the focus leaves the hidden Undo');
  await message(browser, 'library/update', { id: a.id, patch: { tags: ['newer'], note: 'edited since' } });
  assert.deepEqual([(await stored(a.id)).tags, (await stored(a.id)).note], [['newer'], 'edited since']);
  await popup.close();
});

/** The popup as a page, with the library seeded. */
async function popupWith(records) {
  await seedLibrary(browser, records, { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await popup.locator('body[data-rendered]').waitFor({ state: 'attached' });
  return popup;
}

test('Removed, saved again from its page, tags cleared and removed again: no Undo brings the cleared tags back', async () => {
  const p = savedPaper(3, { tags: ['old-tag'], note: 'old note', read: false });
  const popup = await popupWith([p]);
  const item = popup.locator(`li.paper[data-paper-id="${p.id}"]`);
  await item.locator('button.remove').click();
  await item.waitFor({ state: 'detached' });
  // saved again outside the popup (its page's Save, the shortcut): the background brings its fields back
  const { meta, ...fields } = p;
  await message(browser, 'library/save', { paper: { ...meta, ...fields }, summary: { tldr: p.tldr, keyphrases: p.keyphrases } });
  await item.waitFor();
  assert.deepEqual((await stored(p.id)).tags, ['old-tag']);
  // the user clears what the paper had, deliberately
  await item.locator('input.tags').fill('');
  await item.locator('textarea.note').fill('');
  await item.locator('input.tags').press('Tab');
  for (let i = 0; i < 100; i++) {
    const s = await stored(p.id);
    if (!s.tags.length && !s.note) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  assert.deepEqual([(await stored(p.id)).tags, (await stored(p.id)).note], [[], '']);
  await item.locator('button.remove').click();
  await item.waitFor({ state: 'detached' });
  await popup.click('#undo-button');
  await item.waitFor();
  // The first removal's record is stale now: offered again, its Undo put the old tags back over the clearing.
  if (await popup.locator('#undo').isVisible()) {
    await popup.click('#undo-button');
    await new Promise((res) => setTimeout(res, 500));
  }
  assert.equal(await popup.locator('#undo').isVisible(), false, 'no stale Undo offered');
  const s = await stored(p.id);
  assert.deepEqual([s.tags, s.note], [[], '']);
  await popup.close();
});

test('Undo after the background forgot the paper: its fields come back in the save itself, one write', async () => {
  const p = savedPaper(4, { tags: ['kept'], note: 'kept note', read: true });
  const popup = await popupWith([p]);
  const item = popup.locator(`li.paper[data-paper-id="${p.id}"]`);
  await item.locator('button.remove').click();
  await item.waitFor({ state: 'detached' });
  const w = await browser.serviceWorker();
  // Forgotten (a browser restart), and the paper's second write fails: the Undo's save of the paper works, a
  // second message to set its fields did not, and the popup said "Not brought back" of a paper it had saved.
  await w.evaluate((key) => {
    chrome.storage.session.remove('library:removed');
    const set = chrome.storage.local.set.bind(chrome.storage.local);
    let writes = 0;
    globalThis.papergistUndoSet = set;
    chrome.storage.local.set = (items, ...rest) => {
      if (Object.hasOwn(items, key) && ++writes === 2) return Promise.reject(new Error('the disk is full'));
      return set(items, ...rest);
    };
  }, `paper:${p.id}`);
  try {
    await popup.click('#undo-button');
    await item.waitFor();
    await popup.locator('#undo').waitFor({ state: 'hidden' });
  } finally {
    await w.evaluate(() => { chrome.storage.local.set = globalThis.papergistUndoSet; });
  }
  const s = await stored(p.id);
  assert.deepEqual({ tags: s.tags, note: s.note, read: s.read, saved_at: s.saved_at },
    { tags: p.tags, note: p.note, read: p.read, saved_at: p.saved_at });
  await popup.close();
});
