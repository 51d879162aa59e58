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
 * those sent as the user's Sync now ran, the status line after it, and the seconds from the server's return to the
 * edit's push (pushedAfter).
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
  let pushedAfter = -1;
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
      if (t >= outageMs && server.items.get(id).note === 'written during the outage') {
        pushedAfter = (t + 250 - outageMs) / 1000;
        break;
      }
    }
  } finally {
    mock.timers.reset();
    Math.random = random;
    globalThis.fetch = serve;
  }
  return { sent, byUser, line, pushedAfter };
}

const gatewayPage = (headers = {}) => () => new Response('<html>Service Unavailable</html>',
  { status: 503, headers: { 'Content-Type': 'text/html', ...headers } });
const json = (status, body, headers = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const proxyLine = 'Can\'t reach the server — 1 change kept';
for (const [what, page, wants] of [
  // Two back-offs of 2 s doubling to 50 s (± 20 %, so at most 1 minute: the live loop's waits, the rounds' retries)
  // take 7 steps each in two minutes; a round is a pull, so a step costs one request; and the user's Sync now one more.
  ['a proxy\'s 503 page', gatewayPage(), { line: proxyLine, most: 15 }],
  // The server's own 503 (its storage busy), with its Retry-After of 2 s: the same back-off, not every 3 s.
  ['the server\'s own 503', () => json(503, { error: { code: 'unavailable', message: 'the server cannot store data right now; retry later' } }, { 'Retry-After': '2' }),
    { line: 'Server error — 1 change kept', most: 15 }],
  // A maintenance page that says when to come back: once a minute per back-off.
  ['a 503 page with Retry-After: 60', gatewayPage({ 'Retry-After': '60' }), { line: proxyLine, most: 5 }],
  // The waits answer (a library changed elsewhere, which this device cannot pull): each runs a round that meets
  // the 503, and the loop's pause after it is the round's back-off, not the 3 s of a server not reached.
  ['pulls and pushes answered 503 while the waits answer "changed"', (req) => (req === 'GET /v1/sync/wait' ? json(200, { version: 10_000 }) : gatewayPage()()),
    { line: proxyLine, most: 15 }],
]) {
  test(`${what} for two minutes: a request per back-off step at most; the edit made meanwhile goes out after`, { timeout: 60_000 }, async () => {
    const { sent, byUser, line, pushedAfter } = await outage(page);
    assert.deepEqual(byUser.map((r) => r.split(' at ')[0]), ['GET /v1/sync'], 'Sync now tries at once');
    assert.equal(line, wants.line, 'what answered, not this computer\'s connection');
    assert.ok(sent.length <= wants.most, `${sent.length} requests in 2 minutes: ${sent.join(', ')}`);
    assert.equal(server.items.get(id).note, 'written during the outage', 'the edit is pushed once the server is back');
    assert.ok(pushedAfter > 0 && pushedAfter <= 60, `pushed ${pushedAfter} s after the server's return: within the minute`);
    assert.equal((await status()).state, 'synced');
  });
}

test('a refused connection, or no answer in time, leaves automatic rounds free: it may be this computer\'s network, not the server\'s trouble', async () => {
  assert.equal((await sync.syncNow()).state, 'synced');
  const sent = [];
  try {
    for (const [why, fail] of [
      ['refused', () => new TypeError('Failed to fetch')],
      ['no answer in time', () => new DOMException('signal timed out', 'TimeoutError')],
    ]) {
      globalThis.fetch = async (url) => {
        sent.push(new URL(url).pathname);
        throw fail();
      };
      assert.equal((await sync.syncNow()).state, 'offline', why);
      sent.length = 0;
      await sync.syncNow({ auto: true }); // an edit's round, a page load
      assert.deepEqual(sent, ['/v1/sync'], why);
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

test('a ten-minute outage: live again within a minute of the server\'s return, and a request per back-off step at most', { timeout: 60_000 }, async () => {
  for (const page of [gatewayPage(), gatewayPage({ 'Retry-After': '60' })]) {
    const { sent, pushedAfter } = await outage(page, 10 * 60_000);
    assert.ok(pushedAfter > 0 && pushedAfter <= 60, `the edit pushed ${pushedAfter} s after the server's return`);
    assert.ok(sent.length <= 30, `${sent.length} requests in 10 minutes`);
    assert.equal((await status()).state, 'synced');
  }
});

/** A paper edited here and not pushed yet, written as library.js does, without its change event (no round). */
async function editedQuietly(note) {
  const v = server.seed([{ ...item, version: 0 }]);
  await local.set({ [`paper:${id}`]: { ...item, note, version: v, meta: {}, sync: { dirty: { note: 1 } } } });
}

/**
 * A round that meets a proxy's 503 page (a back-off of 2 s), on a clock the test moves; then the worker stops: its
 * retry timer is gone (and its alarm, after an extension update). The rest of the test runs on the real clock.
 */
async function failedThenStopped() {
  const v = server.seed([{ ...item, version: 0 }]);
  await local.set({ [`paper:${id}`]: { ...item, version: v, meta: {}, sync: { dirty: {} } } });
  assert.equal((await sync.syncNow()).state, 'synced');
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.now() });
  const random = Math.random;
  Math.random = () => 0.5;
  globalThis.fetch = gatewayPage();
  try {
    assert.equal((await sync.syncNow()).state, 'offline');
  } finally {
    mock.timers.reset();
    Math.random = random;
    globalThis.fetch = serve;
  }
  assert.ok((await sync.backoffEnd()) > Date.now(), 'a back-off runs');
}

/** Waits (up to 4 s) for the server to hold note, and the round's status after it. @param {string} note */
async function pushed(note) {
  for (let i = 0; i < 400 && !(server.items.get(id).note === note && (await status()).state === 'synced'); i++) {
    await new Promise((r) => setTimeout(r, 10));
    server.answerWaits(204); // a wait open is answered "no change elsewhere"
  }
  return server.items.get(id).note;
}

test('a round skipped for the back-off plans the retry again when the worker that planned it is gone: the edit is pushed at the back-off\'s end', async () => {
  await failedThenStopped();
  const alarms = [];
  const create = chrome.alarms.create;
  chrome.alarms.create = async (name) => { alarms.push(name); };
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.now() }); // the back-off's 2 s on a clock the test moves
  let pushedAt = -1;
  try {
    await library.update(id, { note: 'edited in the back-off' }); // its round, after 300 ms, is skipped
    for (let t = 250; t <= 5000 && pushedAt < 0; t += 250) {
      mock.timers.tick(250);
      await flush();
      server.answerWaits(204); // a wait open is answered "no change elsewhere"
      if (t === 1000) {
        assert.equal(server.items.get(id).note, '', 'not before the back-off\'s end');
        assert.ok(alarms.length > 0 && alarms.every((a) => a === 'papergist-sync-retry'), `the retry alarm, should this worker stop too: ${alarms}`);
      }
      if (server.items.get(id).note === 'edited in the back-off') pushedAt = t;
    }
  } finally {
    mock.timers.reset();
    chrome.alarms.create = create;
  }
  assert.ok(pushedAt >= 1750 && pushedAt <= 2500, `pushed at ${pushedAt} ms: at the back-off's end (2 s)`);
  assert.equal(await pushed('edited in the back-off'), 'edited in the back-off');
});

test('a worker started during the back-off gets its round at the back-off\'s end from the live loop alone', async () => {
  await failedThenStopped();
  await editedQuietly('waiting for the server');
  const started = await import('./sync-live.js?a-new-worker'); // this module as a new worker loads it
  started.listen();
  assert.equal(await pushed('waiting for the server'), 'waiting for the server', 'the round after the first wait pushed it');
});

/** Flushes until the server holds note, on a clock that does not move: nothing but what runs now can push it. */
async function pushedNow(note) {
  for (let i = 0; i < 100 && server.items.get(id).note !== note; i++) await flush();
  return server.items.get(id).note;
}

test('the browser back online runs a round at once after timeouts: the connection changed, the server said nothing', async () => {
  const v = server.seed([{ ...item, version: 0 }]);
  await local.set({ [`paper:${id}`]: { ...item, version: v, meta: {}, sync: { dirty: {} } } });
  assert.equal((await sync.syncNow()).state, 'synced');
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.now() }); // stands still: no retry, no edit's round
  try {
    globalThis.fetch = async () => { throw new DOMException('signal timed out', 'TimeoutError'); };
    for (let i = 0; i < 5; i++) assert.equal((await sync.syncNow()).state, 'offline'); // a back-off of about 32 s
    await library.update(id, { note: 'written on a weak Wi-Fi' });
    navigator.onLine = false; // the Wi-Fi drops ...
    await sync.syncNow({ auto: true }); // the popup's round as the browser goes offline
    globalThis.fetch = serve;
    navigator.onLine = true; // ... and comes back
    self.dispatchEvent(new Event('online'));
    assert.equal(await pushedNow('written on a weak Wi-Fi'), 'written on a weak Wi-Fi', 'pushed before any timer fired');
  } finally {
    mock.timers.reset();
    globalThis.fetch = serve;
    navigator.onLine = true;
  }
  assert.equal((await sync.syncNow()).state, 'synced');
});

test('a Wi-Fi flap during the back-off after the server\'s trouble: the line says the server\'s trouble again, not "Offline"', async () => {
  assert.equal((await sync.syncNow()).state, 'synced');
  globalThis.fetch = async () => gatewayPage({ 'Retry-After': '120' })();
  try {
    assert.equal((await sync.syncNow()).state, 'offline');
    const trouble = await status();
    assert.equal(describe(trouble).text.split(' — ')[0], 'Can\'t reach the server');
    navigator.onLine = false;
    await sync.syncNow({ auto: true }); // the popup's round as the browser goes offline
    assert.equal(describe(await status()).text.split(' — ')[0], 'Offline');
    navigator.onLine = true;
    await sync.syncNow({ auto: true }); // the 'online' round, skipped: the back-off runs (about 2 minutes)
    assert.ok((await sync.backoffEnd()) > Date.now() + 60_000, 'still in the back-off');
    const line = await status();
    assert.equal(describe(line).text.split(' — ')[0], 'Can\'t reach the server');
    assert.deepEqual([line.state, line.error, line.code], [trouble.state, trouble.error, trouble.code]);
  } finally {
    globalThis.fetch = serve;
    navigator.onLine = true;
  }
  assert.equal((await sync.syncNow()).state, 'synced');
});

test('a back-off end further away than any back-off lasts (the clock set backwards since) is ignored', async () => {
  const v = server.seed([{ ...item, version: 0 }]);
  await local.set({ [`paper:${id}`]: { ...item, version: v, meta: {}, sync: { dirty: {} } } });
  assert.equal((await sync.syncNow()).state, 'synced');
  const { 'sync:state': st } = await local.get('sync:state');
  await local.set({ 'sync:state': { ...st, failures: 1, retryAt: Date.now() + 60 * 60_000 } });
  assert.equal(await sync.backoffEnd(), 0);
  await library.update(id, { note: 'after the clock jumped' });
  assert.equal((await sync.syncNow({ auto: true })).state, 'synced');
  assert.equal(server.items.get(id).note, 'after the clock jumped');
});
