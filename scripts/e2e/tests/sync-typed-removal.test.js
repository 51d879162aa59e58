// A note typed in the popup while another device's removal of the paper syncs in: the pull lands before the
// typing pause ends, and the typed edit then meets a paper no longer stored. The edit must win or ask, as it does
// when it was made before the pull (sync.test.js "an edit and a removal made at once"): the paper comes back with
// the note, the push meets the removal, and the user keeps it or lets it go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, openListing } from '../lib/browser.js';
import { backendForFile } from '../lib/backend.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';
import { message, signIn, syncNow, records, waitStatus } from '../lib/sync.js';
import { clickSave, waitForSaved } from '../lib/cards.js';

const paper = syntheticPaper(70);
const ID = `arxiv:${paper.id}`;
const LISTING = 'https://arxiv.org/list/cs.CL/new';
const PASSWORD = 'correct horse battery staple';

const { backend, browsers } = backendForFile();

async function profile() {
  const b = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
  b.serve(LISTING, arxivListing([paper]));
  browsers.push(b);
  return b;
}

/**
 * Opens the popup's port of typed text (PORT.TYPED) from an extension page and posts a draft of the note, as the
 * popup does at every input; returns a function that posts the apply, as the popup does after the typing pause,
 * and resolves to the background's answer ({seq, error?}).
 */
async function typeNote(browser, note) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.evaluate(({ id, note: text }) => {
    const port = chrome.runtime.connect({ name: 'popup/typed' });
    /** @type {any} */ (globalThis).typedTest = { port, replies: [] };
    port.onMessage.addListener((r) => /** @type {any} */ (globalThis).typedTest.replies.push(r));
    port.postMessage({ seq: 9001, id, field: 'note', patch: { note: text }, apply: false });
  }, { id: ID, note });
  return async () => {
    await page.evaluate(({ id, note: text }) => /** @type {any} */ (globalThis).typedTest.port.postMessage(
      { seq: 9002, id, field: 'note', patch: { note: text }, apply: true }), { id: ID, note });
    await page.waitForFunction(() => /** @type {any} */ (globalThis).typedTest.replies.some((r) => r.seq === 9002));
    const reply = await page.evaluate(() => /** @type {any} */ (globalThis).typedTest.replies.find((r) => r.seq === 9002));
    await page.close();
    return reply;
  };
}

test('a note typed while another device\'s removal syncs in brings the paper back, and the user chooses', async () => {
  const email = 'typed@example.org';
  const a = await profile();
  const b = await profile();
  await signIn(a, backend.url, email, PASSWORD, { create: true, deviceName: 'laptop' });
  await signIn(b, backend.url, email, PASSWORD, { deviceName: 'desktop' });
  const page = await openListing(a.context, LISTING);
  await clickSave(page, ID);
  await waitForSaved(page, ID, true);
  await page.close();
  await syncNow(a);
  await syncNow(b);
  assert.ok((await records(b))[ID]);

  // A's user types a note; before the typing pause ends, B's removal reaches A.
  const apply = await typeNote(a, 'typed as it went');
  await message(b, 'library/remove', { id: ID });
  await syncNow(b);
  await syncNow(a);
  assert.equal((await records(a))[ID], undefined, 'the pull removed it');
  const reply = await apply();
  assert.equal(reply.error, undefined, `the typed note was refused: ${JSON.stringify(reply.error)}`);
  assert.equal((await records(a))[ID]?.note, 'typed as it went', 'back with the note');

  const st = await waitStatus(a, (s) => s.conflicts === 1);
  assert.equal(st.conflicts, 1);
  const rec = (await records(a))[ID];
  assert.equal(rec.sync.conflict.server, null, 'removed on the other device: the user chooses');
  await message(a, 'sync/resolve', { id: ID, keep: 'mine' });
  await waitStatus(a, (s) => s.state === 'synced' && s.conflicts === 0);
  const { access_token: token } = await backend.login(email, PASSWORD);
  const { body } = await backend.api('GET', '/v1/sync?since=0', { token });
  assert.equal(body.items.find((i) => i.id === ID)?.note, 'typed as it went', 'kept, on the server');
});
