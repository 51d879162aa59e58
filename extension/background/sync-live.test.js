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
const { CHECKED_KEY, NETWORK_LOGIN } = await import('../lib/messages.js');

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

test('a proxy\'s 503 page backs off as errors do, and keeps to its Retry-After (up to 20 % later); a server not reached is asked again within 3 s', async () => {
  const account = await import('./account.js');
  const realFetch = globalThis.fetch;
  globalThis.fakeIdb.set('session', { server: 'http://sync.test', email: 'a@example.com', deviceId: 'dev-1',
    deviceName: 'test', access: 'token', accessExp: Date.now() + 3600_000, refresh: 'refresh' }); // signed out above
  const answer = async (status, headers = {}) => {
    globalThis.fetch = async () => new Response('<html>Service Unavailable</html>', { status, headers });
    return account.api('GET', '/v1/sync/wait?since=0').then(() => null, (e) => e);
  };
  try {
    const { retryDelay } = await import('./backoff.js');
    const delays = (err, rand = 0.5) => [1, 2, 3, 4, 5, 6, 12].map((n) => Math.round(retryDelay(err, n, { rand, quick: true })));
    for (const status of [502, 503, 504]) {
      const err = await answer(status);
      assert.equal(err.offline, true, 'still shown as offline');
      assert.deepEqual(delays(err), [2000, 4000, 8000, 16000, 32000, 50000, 50000], String(status));
      assert.deepEqual(delays(err, 0.9999999), [2400, 4800, 9600, 19200, 38400, 60000, 60000], 'the jitter stays inside the minute');
    }
    const told = await answer(503, { 'Retry-After': '120' });
    // Up to 20 % later, never sooner: devices told the same second spread over the 24 s after it.
    assert.deepEqual([0, 0.5, 0.9999999].map((rand) => Math.round(retryDelay(told, 1, { rand }))), [120_000, 132_000, 144_000]);
    assert.equal(retryDelay(await answer(503, { 'Retry-After': '86400' }), 1, { rand: 0.5 }), 300_000, 'capped at 5 minutes');
    // A round that met a network login page: the loop backs off as from the wait's own meeting, up to 5 minutes.
    const login = live.roundFailure({ state: 'offline', error: 'sign in to the network', code: NETWORK_LOGIN }, 0);
    assert.equal(Math.round(retryDelay(login, 12, { rand: 0.5, quick: true })), 250_000, 'a login page is the user\'s to clear');
    globalThis.fetch = async () => { throw new TypeError('Failed to fetch'); };
    const down = await account.api('GET', '/v1/sync/wait?since=0').then(() => null, (e) => e);
    assert.deepEqual(delays(down), [1000, 2000, 3000, 3000, 3000, 3000, 3000], 'no connection: within 3 s');
  } finally {
    globalThis.fetch = realFetch;
  }
});
