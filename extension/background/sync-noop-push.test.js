// A push that writes nothing (its removal was made already by another device) is answered with the server's
// current version, which may be another device's write this device has not pulled: the engine must still pull
// it. A round that took such an answer for its own write (s18 review, finding 1) kept a paper that device B had
// removed, for good.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
/** Runs once, right after the next pull is answered: another device's write, between our pull and our push. */
let afterPull = null;
const serverFetch = globalThis.fetch;
globalThis.fetch = async (url, init = {}) => {
  const r = await serverFetch(url, init);
  if (new URL(url).pathname === '/v1/sync' && (init.method || 'GET') === 'GET' && afterPull) {
    const f = afterPull;
    afterPull = null;
    f();
  }
  return r;
};
const sync = await import('./sync.js');
const library = await import('./library.js');
const local = /** @type {any} */ (chrome.storage.local);
const item = (n) => ({ id: `arxiv:2401.0000${n}`, title: `Paper ${n}`, authors: [], abstract: '', url: '', pdf_url: '',
  tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: new Date(Date.UTC(2025, 0, n)).toISOString() });

test('another device\'s removal in the version a no-op push is answered with is pulled', async () => {
  await sync.syncNow();
  server.seed([item(1), item(2)]);
  await sync.syncNow();
  assert.ok((await local.get(`paper:${item(2).id}`))[`paper:${item(2).id}`], 'paper 2 pulled');
  // Device B removes papers 1 and 2 in one push, just after this device's next pull; this device removes 1 too.
  await library.remove(item(1).id);
  afterPull = () => server.seed([{ id: item(1).id, deleted: true }, { id: item(2).id, deleted: true }]);
  await sync.syncNow();
  await sync.syncNow();
  const { [`paper:${item(2).id}`]: left } = await local.get(`paper:${item(2).id}`);
  assert.equal(left, undefined, 'paper 2, removed on device B, is removed here too');
});
