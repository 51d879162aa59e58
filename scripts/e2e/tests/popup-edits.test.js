// Edits in the popup that a user makes and leaves at once: what was typed reaches the library even when the popup
// closes before the typing pause is over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Browser, ROOT } from '../lib/browser.js';
import { savedPaper, seedLibrary } from '../lib/library.js';

/** @type {Browser} */
let browser;

before(async () => {
  browser = await new Browser().start();
});
after(() => browser?.dispose());

async function openPopup() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await page.locator('body[data-rendered]').waitFor({ state: 'attached' });
  return page;
}

async function stored(id) {
  const w = await browser.serviceWorker();
  return (await w.evaluate((k) => chrome.storage.local.get(k), `paper:${id}`))[`paper:${id}`];
}

/** Polls fn until it returns a truthy value or about 3 s pass; returns the last value. */
async function eventually(fn) {
  let v;
  for (let i = 0; i < 60; i++) {
    v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  return v;
}

test('a note and tags typed and the popup closed at once (Escape) are kept', async () => {
  const rec = savedPaper(7);
  await seedLibrary(browser, [rec], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  const item = popup.locator(`li.paper[data-paper-id="${rec.id}"]`);
  await item.locator('textarea.note').click();
  await item.locator('textarea.note').pressSequentially('check eq. 3', { delay: 5 });
  await item.locator('input.tags').click(); // the note's change event sends it
  await item.locator('input.tags').pressSequentially('theory, to-cite', { delay: 5 });
  await popup.close(); // well within the typing pause: no change event, no timer
  const got = await eventually(async () => {
    const s = await stored(rec.id);
    return s.tags.length ? s : null;
  });
  assert.equal((await stored(rec.id)).note, 'check eq. 3');
  assert.deepEqual(got && got.tags, ['theory', 'to-cite']);
});

test('typed text applied after the pause says so when the background refuses it', async () => {
  const rec = savedPaper(8);
  await seedLibrary(browser, [rec], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  const item = popup.locator(`li.paper[data-paper-id="${rec.id}"]`);
  await item.locator('textarea.note').click();
  await item.locator('textarea.note').pressSequentially('first', { delay: 5 });
  assert.equal(await eventually(async () => (await stored(rec.id)).note === 'first'), true);
  // the background cannot write (a full disk): the next edit cannot be applied, and the item says so
  const w = await browser.serviceWorker();
  await w.evaluate(() => {
    globalThis.realSet = chrome.storage.local.set;
    chrome.storage.local.set = () => Promise.reject(new Error('the disk is full'));
  });
  await item.locator('textarea.note').pressSequentially(' second', { delay: 5 });
  await item.locator('.action-error').waitFor();
  assert.equal(await item.locator('.action-error').textContent(), 'Not saved: the disk is full');
  await w.evaluate(() => { chrome.storage.local.set = globalThis.realSet; });
  await popup.close();
});

test('a tag over the limit typed and the popup closed at once stays in the field, with why, at the next opening', async () => {
  const rec = savedPaper(11);
  await seedLibrary(browser, [rec], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  const item = popup.locator(`li.paper[data-paper-id="${rec.id}"]`);
  const typed = `theory, ${'t'.repeat(65)}`;
  await item.locator('textarea.note').click();
  await item.locator('textarea.note').pressSequentially('fits', { delay: 5 });
  await item.locator('input.tags').click();
  await item.locator('input.tags').pressSequentially(typed, { delay: 1 });
  await popup.close(); // within the typing pause: the background applies the drafts, and refuses the tags
  assert.equal(await eventually(async () => (await stored(rec.id)).note === 'fits'), true, 'the note that fits is saved');

  const again = await openPopup();
  const shown = again.locator(`li.paper[data-paper-id="${rec.id}"]`);
  await shown.locator('.action-error').waitFor();
  assert.equal(await shown.locator('input.tags').inputValue(), typed, 'the typed tags are still in their field');
  assert.match(await shown.locator('.action-error').textContent(), /^Not saved: .*tags: one is longer than 64 characters/);
  assert.deepEqual((await stored(rec.id)).tags, []);
  // Shortened: saved, and the reason goes.
  await shown.locator('input.tags').fill('theory, long tag');
  await shown.locator('input.tags').press('Tab');
  await shown.locator('.action-error').waitFor({ state: 'hidden' });
  assert.deepEqual((await stored(rec.id)).tags, ['long tag', 'theory']);
  assert.equal(await shown.locator('input.tags').inputValue(), 'long tag, theory');
  await again.close();
});

test('a paper with hundreds of authors, or an unbroken title, keeps the list readable', async () => {
  const many = savedPaper(9, { authors: Array.from({ length: 600 }, (_, i) => `Author${i} Surname${i}`) });
  const long = savedPaper(10, { title: `A${'x'.repeat(300)}`, tldr: `https://example.org/${'y'.repeat(200)}` });
  await seedLibrary(browser, [many, long, savedPaper(11)], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  const authors = popup.locator(`li.paper[data-paper-id="${many.id}"] .authors`);
  const text = await authors.textContent();
  assert.ok(text.length < 400, `the authors line is ${text.length} characters long`);
  assert.match(text, /^Author0 Surname0, Author1 Surname1, .*, and 5\d\d more$/);
  assert.match(await authors.getAttribute('title'), /Author599 Surname599$/);
  // nothing runs past the item's right edge (the item clips it: content-visibility)
  for (const sel of ['.title', '.tldr']) {
    const [right, edge] = await popup.locator(`li.paper[data-paper-id="${long.id}"]`).evaluate((li, s) =>
      [li.querySelector(s).getBoundingClientRect().right, li.getBoundingClientRect().right], sel);
    assert.ok(right <= edge + 0.5, `${sel} ends at ${right}, past the item's ${edge}`);
  }
  await popup.close();
});

test('each item\'s controls name their paper, for a screen reader going from control to control', async () => {
  const a = savedPaper(12);
  const b = savedPaper(13);
  await seedLibrary(browser, [a, b], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  for (const r of [a, b]) {
    assert.equal(await popup.getByRole('button', { name: `Remove “${r.title}”`, exact: true }).count(), 1, r.id);
    assert.equal(await popup.getByRole('checkbox', { name: `Select “${r.title}” for export`, exact: true }).count(), 1, r.id);
    assert.equal(await popup.getByRole('checkbox', { name: `“${r.title}” is read`, exact: true }).count(), 1, r.id);
  }
  await popup.close();
});

test('the background stopped while the popup is open: the popup connects again, and what is typed next arrives, closed at once too', async () => {
  const rec = savedPaper(14);
  await seedLibrary(browser, [rec], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  const note = popup.locator(`li.paper[data-paper-id="${rec.id}"] textarea.note`);
  await note.click();
  await note.pressSequentially('one', { delay: 5 });
  assert.equal(await eventually(async () => (await stored(rec.id)).note === 'one'), true);
  await browser.stopServiceWorker();
  // the popup connects again at once (which starts the worker), so that its port is there when it closes
  const w = await browser.serviceWorker();
  assert.equal(await eventually(() => w.evaluate(() => globalThis.papergistStats.typedPorts > 0)), true);
  await note.pressSequentially(' two', { delay: 5 });
  await popup.close();
  assert.equal(await eventually(async () => (await stored(rec.id)).note === 'one two'), true);
});

test('the options page\'s For-you switch says why it did not change, on the page', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.waitForFunction(() => !document.querySelector('#for-you').disabled);
  const was = await page.isChecked('#for-you');
  const w = await browser.serviceWorker();
  await w.evaluate(() => {
    globalThis.realSet = chrome.storage.local.set;
    chrome.storage.local.set = () => Promise.reject(new Error('the disk is full'));
  });
  await page.click('#for-you');
  await page.locator('#for-you-error').filter({ hasText: 'For you was not changed: the disk is full' }).waitFor({ timeout: 5000 });
  assert.equal(await page.isChecked('#for-you'), was);
  await w.evaluate(() => { chrome.storage.local.set = globalThis.realSet; });
  await page.click('#for-you');
  await page.waitForFunction((v) => document.querySelector('#for-you').checked !== v, was);
  assert.equal(await page.locator('#for-you-error').isVisible(), false);
  await page.close();
});

test('a Read tick whose edit gets no reply shows the paper as stored, so "if it is not shown, make it again" holds', async () => {
  const rec = savedPaper(13); // not read
  await seedLibrary(browser, [rec], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  const item = popup.locator(`li.paper[data-paper-id="${rec.id}"]`);
  // The background stops before the edit is done or answered: sent, and the reply never comes.
  await popup.evaluate(() => {
    const real = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = (m, ...rest) => (m && m.type === 'library/update'
      ? Promise.reject(new Error('A listener indicated an asynchronous response, but the message channel closed'))
      : real(m, ...rest));
  });
  assert.equal(await item.locator('input.read').isChecked(), false);
  await item.locator('input.read').click(); // not check(): that fails when the box does not stay ticked
  await item.locator('.action-error').waitFor();
  assert.equal(await item.locator('.action-error').textContent(),
    'The change was cut short: papergist stopped before it finished. If it is not shown in a moment, make it again.');
  assert.equal((await stored(rec.id)).read, false);
  assert.equal(await item.locator('input.read').isChecked(), false, 'not shown as done: the library does not have it');
  await popup.close();
});

test('an empty library says where saving works: every site that gets cards (Google Scholar too), and the popup\'s own Save', async () => {
  await seedLibrary(browser, [], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  const text = await popup.locator('#empty').textContent();
  assert.ok(await popup.locator('#empty').isVisible(), 'the empty library says so');
  // The people's name of each host the content script runs on: a site added to the manifest must be named here.
  const NAMES = {
    'arxiv.org': 'arXiv', 'huggingface.co': 'Hugging Face Papers', 'hf.co': 'Hugging Face Papers', 'openreview.net': 'OpenReview',
    'aclanthology.org': 'ACL Anthology', 'www.aclweb.org': 'ACL Anthology', 'www.semanticscholar.org': 'Semantic Scholar',
    'openaccess.thecvf.com': 'CVF', 'scholar.google': 'Google Scholar',
  };
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'extension/manifest.json'), 'utf8'));
  const hosts = new Set(manifest.content_scripts.flatMap((cs) => cs.matches)
    .map((m) => new URL(m.replace(/\*$/, '')).host.replace(/^scholar\.google\..*/, 'scholar.google')));
  for (const host of hosts) {
    assert.ok(NAMES[host], `${host} has no name in this test`);
    assert.ok(text.includes(NAMES[host]), `the empty library does not name ${NAMES[host]}: ${text}`);
  }
  assert.ok(text.includes('Save this page\'s paper'), `the empty library does not mention the popup's Save: ${text}`);
  await popup.close();
});

test('an empty library offers no export of an empty file: its export buttons and Select all are off until a paper comes in, while the popup is open', async () => {
  await seedLibrary(browser, [], { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const popup = await openPopup();
  const off = () => popup.evaluate(() => [...document.querySelectorAll('button[data-format], #select-all')].map((b) => /** @type {HTMLButtonElement} */ (b).disabled));
  assert.deepEqual(await off(), [true, true, true, true], 'BibTeX, RIS, CSL-JSON and Select all with nothing saved');
  // A save in another tab (or a sync pull) brings the first paper in while the popup stays open.
  const rec = savedPaper(40);
  const w = await browser.serviceWorker();
  const renderedAfter = async (change) => {
    const was = await popup.evaluate(() => document.body.dataset.rendered);
    await change();
    await popup.waitForFunction((n) => document.body.dataset.rendered !== n, was);
  };
  await renderedAfter(() => w.evaluate((r) => chrome.storage.local.set({ [`paper:${r.id}`]: r }), rec));
  assert.deepEqual(await off(), [false, false, false, false], 'on as soon as a paper is saved');
  assert.ok(await popup.locator('#empty').isHidden(), 'the empty-library text goes');
  await renderedAfter(() => w.evaluate((id) => chrome.storage.local.remove(`paper:${id}`), rec.id));
  assert.deepEqual(await off(), [true, true, true, true], 'off again once the last paper is removed');
  await popup.close();
});
