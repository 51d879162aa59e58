// A server that answers 503 for two minutes (a proxy's page while it restarts, a rate limiter, a maintenance page),
// on a clock the test moves: every path that can send a request runs meanwhile (the live loop, a round after an
// edit, page loads and the popup's look, the 'online' event), and the device must back off rather than hammer it,
// keep the edit made meanwhile, and push it once the server is back. The user's own Sync now still goes out at once.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const serve = globalThis.fetch;
const sync = await import('./sync.js');
const live = await import('./sync-live.js');
const library = await import('./library.js');
const { STATUS_KEY } = await import('../lib/messages.js');
const { describe } = await import('../popup/sync-status.js');
sync.start();

const local = /** @type {any} */ (chrome.storage.local);
const status = async () => (await local.get(STATUS_KEY))[STATUS_KEY];
const flush = async () => { for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); };

const id = 'arxiv:2405.00001';
const item = { id, title: 'Paper', authors: [], abstract: '', url: 'https://arxiv.org/abs/2405.00001', pdf_url: '',
  tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: '2025-01-01T00:00:00.000Z' };

/**
 * Runs the outage: for outageMs every request is answered by page (a 503), while the user edits, loads pages and
 * opens the popup, and once presses Sync now; then the server is back. Returns the requests sent during the outage,
 * those sent as the user's Sync now ran, and the status line after it.
 * @param {(req: string) => Response} page
 */
async function outage(page, outageMs = 120_000) {
  const v = server.seed([{ ...item, version: 0 }]);
  await local.set({ [`paper:${id}`]: { ...item, version: v, meta: {}, sync: { dirty: {} } } });
  assert.equal((await sync.syncNow()).state, 'synced');
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.now() });
  const random = Math.random;
  Math.random = () => 0.5; // the back-offs' jitter: none
  const start = Date.now();
  const sent = [];
  let byUser = [];
  let line = '';
  globalThis.fetch = async (url, init = {}) => {
    if (Date.now() - start >= outageMs) return serve(url, init);
    const req = `${init.method || 'GET'} ${new URL(url).pathname}`;
    sent.push(`${req} at ${(Date.now() - start) / 1000} s`);
    return page(req);
  };
  try {
    server.answerWaits(204); // the wait open answers "no change"; the next one meets the outage
    for (let t = 0; t < outageMs + 6 * 60_000; t += 250) {
      if (t === 5000) await library.update(id, { note: 'written during the outage' });
      if (t % 3000 === 0) live.looked().catch(() => {}); // a page loads (a listing's analysis), or the popup opens
      if (t === 60_000) self.dispatchEvent(new Event('online'));
      if (t === 30_000) {
        const before = sent.length;
        await sync.syncNow({ lookUp: true });
        byUser = sent.slice(before);
        line = describe(await status()).text;
      }
      mock.timers.tick(250);
      await flush();
      if (t > outageMs && server.items.get(id).note === 'written during the outage') break;
    }
  } finally {
    mock.timers.reset();
    Math.random = random;
    globalThis.fetch = serve;
  }
  return { sent, byUser, line };
}

const gatewayPage = (headers = {}) => () => new Response('<html>Service Unavailable</html>',
  { status: 503, headers: { 'Content-Type': 'text/html', ...headers } });
const json = (status, body, headers = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

for (const [what, page, most] of [
  // Two back-offs of 2 s doubling (the live loop's waits, the rounds' retries) take 6 steps each in two minutes;
  // a round is a pull, so a step costs one request; and the user's Sync now one more.
  ['a proxy\'s 503 page', gatewayPage(), 13],
  // The server's own 503 (its storage busy), with its Retry-After of 2 s: the same back-off, not every 3 s.
  ['the server\'s own 503', () => json(503, { error: { code: 'unavailable', message: 'the server cannot store data right now; retry later' } }, { 'Retry-After': '2' }), 13],
  // A maintenance page that says when to come back: once a minute per back-off.
  ['a 503 page with Retry-After: 60', gatewayPage({ 'Retry-After': '60' }), 5],
  // The waits answer (a library changed elsewhere, which this device cannot pull): each runs a round that meets
  // the 503, and the loop's pause after it is the round's back-off, not the 3 s of a server not reached.
  ['pulls and pushes answered 503 while the waits answer "changed"', (req) => (req === 'GET /v1/sync/wait' ? json(200, { version: 10_000 }) : gatewayPage()()), 13],
]) {
  test(`${what} for two minutes: a request per back-off step at most; the edit made meanwhile goes out after`, { timeout: 60_000 }, async () => {
    const { sent, byUser, line } = await outage(page);
    assert.deepEqual(byUser.map((r) => r.split(' at ')[0]), ['GET /v1/sync'], 'Sync now tries at once');
    assert.equal(line, 'Server down — 1 change kept', 'the server\'s trouble, not this computer\'s connection');
    assert.ok(sent.length <= most, `${sent.length} requests in 2 minutes: ${sent.join(', ')}`);
    assert.equal(server.items.get(id).note, 'written during the outage', 'the edit is pushed once the server is back');
    assert.equal((await status()).state, 'synced');
  });
}

test('a refused connection leaves automatic rounds free (it costs the server nothing); a server that does not answer in time backs them off', async () => {
  assert.equal((await sync.syncNow()).state, 'synced');
  const sent = [];
  try {
    for (const [why, fail, backsOff] of [
      ['refused', () => new TypeError('Failed to fetch'), false],
      ['no answer in time', () => new DOMException('signal timed out', 'TimeoutError'), true],
    ]) {
      globalThis.fetch = async (url) => {
        sent.push(new URL(url).pathname);
        throw fail();
      };
      assert.equal((await sync.syncNow()).state, 'offline', why);
      sent.length = 0;
      await sync.syncNow({ auto: true }); // an edit's round, a page load
      assert.deepEqual(sent, backsOff ? [] : ['/v1/sync'], why);
    }
  } finally {
    globalThis.fetch = serve;
  }
  assert.equal((await sync.syncNow()).state, 'synced');
});

test('a worker started during a failed round\'s back-off (Chrome stops an idle one) sends its first wait no sooner than the round\'s retry', async () => {
  assert.equal((await sync.syncNow()).state, 'synced');
  const sent = [];
  globalThis.fetch = async (url) => {
    sent.push(new URL(url).pathname);
    return gatewayPage()();
  };
  try {
    assert.equal((await sync.syncNow()).state, 'offline');
    sent.length = 0;
    const started = await import('./sync-live.js?a-worker-started-again'); // this module as a new worker loads it
    started.listen();
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(sent, [], 'no wait before the round\'s retry');
  } finally {
    globalThis.fetch = serve;
  }
  assert.equal((await sync.syncNow()).state, 'synced');
});
