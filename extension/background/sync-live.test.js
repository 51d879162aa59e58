// "Synced" claims the library was known current within the last minute (popup/sync-status.js): a long poll that
// is open says nothing about now, since its connection may have died silently (up to the wait's 29 s timeout).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const sync = await import('./sync.js');
const live = await import('./sync-live.js');
const { CHECKED_KEY } = await import('../lib/messages.js');

const local = /** @type {any} */ (chrome.storage.local);
const checked = async () => (await local.get(CHECKED_KEY))[CHECKED_KEY];
const until = async (ok) => {
  for (let i = 0; i < 200 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(await ok());
};

test('a popup opened while a long poll is open keeps the time the server last answered, and asks nothing', async () => {
  await sync.syncNow(); // the first round starts the loop
  await until(() => server.requests.includes('GET /v1/sync/wait'));
  server.answerWaits(204); // no change: current now; the next wait goes out
  await until(() => live.listening());
  // The last answer came 20 s ago; the connection of the wait open since may be dead, unknown to anyone.
  const answered = new Date(Date.now() - 20_000).toISOString();
  await local.set({ [CHECKED_KEY]: answered });
  const asked = server.requests.length;
  await live.looked();
  assert.equal(await checked(), answered, 'not "known current now"');
  assert.equal(server.requests.length, asked, 'no request: the open wait tells of changes');

  // Signed out: the loop ends at the wait's next answer.
  globalThis.fakeIdb.delete('session');
  server.answerWaits(204);
  await until(() => !live.listening());
});
