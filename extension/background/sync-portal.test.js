// A hotel's or train's Wi-Fi login page answering in the server's place mid-session (HTTP 200 with its HTML, or its
// own JSON): the status says Offline with why, the login and the edits stay, and the rounds retry. It read "is not a
// papergist server (HTTP 200)", a sync error, as if the server the device had synced with were another app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const serve = globalThis.fetch;
const sync = await import('./sync.js');
const library = await import('./library.js');
const account = await import('./account.js');
const { statusText } = await import('../options/status-text.js');

const local = /** @type {any} */ (chrome.storage.local);
const id = 'arxiv:2406.00001';

test('a login page mid-session: Offline with why, still signed in, the edit kept and pushed once it is gone', async () => {
  await sync.signedIn();
  await library.save({ id, title: 'Saved on the train', authors: [], abstract: '', url: 'https://arxiv.org/abs/2406.00001' }, {});
  await sync.syncNow();
  assert.equal(server.items.get(id).note, '');
  for (const [n, portal] of [
    [1, () => new Response('<html><body>Welcome aboard! Log in to the train Wi-Fi</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
    [2, () => new Response(JSON.stringify({ captive: true }), { status: 200, headers: { 'Content-Type': 'application/json' } })],
  ]) {
    await library.update(id, { note: `noted on the train ${n}` });
    const alarms = [];
    const create = chrome.alarms.create;
    chrome.alarms.create = async (name) => { alarms.push(name); };
    globalThis.fetch = async (url) => (new URL(url).pathname === '/v1/sync/wait' ? serve(url) : portal());
    const st = await sync.syncNow();
    chrome.alarms.create = create;
    globalThis.fetch = serve; // before the checks: a failed one must not leave the retries failing forever
    assert.equal(st.state, 'offline');
    assert.match(st.error, /^your server http:\/\/sync\.test answered with .*, not papergist \(HTTP 200\): a network login page may be in the way; /);
    assert.match(statusText(st), /^Offline — sign in to the network\. A network login page is in the way: open any web page .*1 change stays on this device until then\.$/,
      'the options page says what the popup says, by the status\'s code');
    assert.ok(await account.account(), 'still signed in');
    assert.equal(st.pending, 1, 'the edit waits');
    assert.ok((await local.get(`paper:${id}`))[`paper:${id}`].sync.dirty.note, 'still marked to push');
    assert.deepEqual(alarms, ['papergist-sync-retry'], 'retried with the backoff');
    const after = await sync.syncNow();
    assert.deepEqual([after.state, after.pending], ['synced', 0]);
    assert.equal(server.items.get(id).note, `noted on the train ${n}`);
  }
});

test('the server itself answering a pull papergist does not understand (a field of the wrong type, an empty body): a sync error, not a login page; nothing lost', async () => {
  for (const [n, body] of [[1, JSON.stringify({ items: [], deleted: [], version: '7' })], [2, '']]) {
    await library.update(id, { note: `noted at home ${n}` });
    globalThis.fetch = async (url, init) => (new URL(url).pathname === '/v1/sync' && (!init || !init.method || init.method === 'GET')
      ? new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }) : serve(url, init));
    const st = await sync.syncNow();
    globalThis.fetch = serve;
    assert.deepEqual([st.state, st.error], ['error', 'the server sent a pull answer papergist does not understand'], String(n));
    assert.doesNotMatch(statusText(st), /cannot reach|login page|Offline/);
    assert.ok(await account.account(), 'still signed in');
    assert.equal(st.pending, 1, 'the edit waits');
    const after = await sync.syncNow();
    assert.deepEqual([after.state, after.pending], ['synced', 0]);
    assert.equal(server.items.get(id).note, `noted at home ${n}`);
  }
});

/** The next long poll the engine sends to the fake server. */
function nextWait() {
  return new Promise((resolve) => {
    globalThis.fetch = async (url, init) => {
      if (new URL(url).pathname === '/v1/sync/wait') {
        globalThis.fetch = serve;
        resolve();
      }
      return serve(url, init);
    };
  });
}

test('the long poll meets the login page too: it backs off as from a gateway\'s page, runs no round on it, and keeps the login', async () => {
  // A long poll is open on the fake server (the first test's rounds ended well), and the loop has no failures.
  for (const [n, portal] of [
    [1, () => new Response('<html><body>Log in to the train Wi-Fi</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
    [2, () => new Response(JSON.stringify({ captive: true }), { status: 200, headers: { 'Content-Type': 'application/json' } })],
  ]) {
    const asked = [];
    /** @type {() => void} */
    let hit = () => {};
    const reached = new Promise((r) => { hit = r; });
    const realTimeout = globalThis.setTimeout;
    const pauses = [];
    globalThis.fetch = async (url) => {
      const path = new URL(url).pathname;
      asked.push(path);
      if (path === '/v1/sync/wait') hit();
      return portal();
    };
    globalThis.setTimeout = /** @type {any} */ ((fn, ms, ...rest) => { pauses.push(ms); return realTimeout(fn, ms, ...rest); });
    try {
      server.answerWaits(204); // the open wait answers "no change": the next one meets the page
      await reached;
      await new Promise((r) => realTimeout(r, 300)); // the loop reaches its pause
    } finally {
      globalThis.setTimeout = realTimeout;
      globalThis.fetch = serve;
    }
    assert.deepEqual(asked, ['/v1/sync/wait'], `${n}: no round run on the page's answer, no wait again at once`);
    assert.ok(pauses.some((ms) => ms >= 1600 && ms <= 2400), `${n}: a gateway's first backoff (2 s ± 20 %): ${pauses}`);
    assert.ok(await account.account(), `${n}: still signed in`);
    // The page gone: a round that ends well ends the loop's pause (serverReached); its next wait, answered, runs a
    // round (the server back after a failure), and the loop has no failures again.
    let sent = nextWait();
    assert.equal((await sync.syncNow()).state, 'synced');
    await sent;
    sent = nextWait();
    server.answerWaits(204);
    await sent;
  }
});
