// What the popup's offline line reads comes from the status's state, not from its words: a network login page in
// the way is the status's code (NETWORK_LOGIN), kept when an edit recounts the status between rounds, and papers the
// server refused are counted and named in an offline status too, which used to say only the changes kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const serve = globalThis.fetch;
const sync = await import('./sync.js');
const library = await import('./library.js');
sync.start(); // edits recount the status (onLocalChange)
const { STATUS_KEY, NETWORK_LOGIN } = await import('../lib/messages.js');
const { describe, offlineHint } = await import('../popup/sync-status.js');

const local = /** @type {any} */ (chrome.storage.local);
const status = async () => (await local.get(STATUS_KEY))[STATUS_KEY];
const paper = (n) => ({ id: `arxiv:2407.0000${n}`, title: `Paper ${n}`, authors: [], abstract: '', url: `https://arxiv.org/abs/2407.0000${n}` });
/** Every request but the long poll's meets answer. @param {() => Response|Promise<Response>} answer */
const meet = (answer) => {
  globalThis.fetch = async (url, init) => (new URL(url).pathname === '/v1/sync/wait' ? serve(url, init) : answer());
};
const loginPage = () => new Response('<html><body>Log in to the train Wi-Fi</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } });

test('a login page in the way is the status\'s code, kept when an edit recounts the status, gone once a round gets through', async (t) => {
  await sync.signedIn();
  await library.save(paper(1), {});
  assert.equal((await sync.syncNow()).state, 'synced');
  meet(loginPage);
  t.after(() => { globalThis.fetch = serve; });
  const st = await sync.syncNow();
  assert.deepEqual([st.state, st.code], ['offline', NETWORK_LOGIN]);
  assert.equal(describe(st).text, 'Offline — sign in to the network');

  // An edit meanwhile recounts the status at once (100 ms), before its round (300 ms): the timers are held so that
  // only the recount runs.
  t.mock.timers.enable({ apis: ['setTimeout'] });
  await library.update(paper(1).id, { note: 'noted behind the login page' });
  t.mock.timers.tick(150);
  let recounted;
  for (let i = 0; i < 1000 && !(recounted && recounted.pending === 1); i++) {
    await new Promise((r) => setImmediate(r));
    recounted = await status();
  }
  t.mock.timers.reset(); // the edit's round is dropped: the next one is the test's own
  assert.deepEqual([recounted.state, recounted.pending, recounted.code], ['offline', 1, NETWORK_LOGIN], 'the recount keeps the code');
  assert.equal(describe(recounted).text, 'Offline — sign in to the network');
  assert.match(offlineHint(recounted, 0), /^A network login page is in the way: .* 1 change stays on this device until then\.$/);

  // Another failure is its own: no connection at all is no login page.
  meet(() => { throw new TypeError('Failed to fetch'); });
  const cut = await sync.syncNow();
  assert.equal(cut.state, 'offline');
  assert.equal(cut.code, undefined, 'no connection: not a login page');
  assert.match(describe(cut).text, /^Offline — 1 change kept/);

  globalThis.fetch = serve;
  const back = await sync.syncNow();
  assert.deepEqual([back.state, back.code, back.error], ['synced', undefined, undefined]);
});

test('papers the server refused are counted and named while offline, and the tooltip asks for their fix', async (t) => {
  server.refusals.set(paper(2).id, 'id');
  await library.save(paper(2), {});
  await library.save(paper(3), {});
  const refused = await sync.syncNow();
  assert.deepEqual([refused.state, refused.code, refused.refused], ['error', 'invalid', 1], 'the server\'s code for what it refuses');
  assert.match(refused.refusedWhy, /^"Paper 2": id: "arxiv:2407\.00002" is not a paper ID$/);

  await library.update(paper(3).id, { note: 'noted offline' });
  meet(() => { throw new TypeError('Failed to fetch'); });
  t.after(() => { globalThis.fetch = serve; });
  const st = await sync.syncNow();
  assert.deepEqual([st.state, st.pending, st.refused, st.refusedWhy], ['offline', 1, 1, refused.refusedWhy]);
  assert.equal(describe(st).text, 'Offline — 1 change kept; 1 refused');
  const hint = offlineHint(st, 0);
  assert.match(hint, /1 paper the server refused waits for your fix \("Paper 2": id: .* is not a paper ID\): it is marked "Not synced" in the list/);
  assert.doesNotMatch(hint, /nothing to do/);

  // The refused paper removed: nothing waits for a fix any more.
  server.refusals.delete(paper(2).id);
  globalThis.fetch = serve;
  await library.remove(paper(2).id);
  const after = await sync.syncNow();
  assert.deepEqual([after.state, after.refused, after.refusedWhy], ['synced', undefined, undefined]);
});

test('a login page that meets the round the long poll started: the loop backs off as from the page itself, by the status\'s code', async (t) => {
  // The open wait answers "changed": the round it starts meets the login page, as every request after it does.
  const realTimeout = globalThis.setTimeout;
  const pauses = [];
  globalThis.setTimeout = /** @type {any} */ ((fn, ms, ...rest) => { pauses.push(ms); return realTimeout(fn, ms, ...rest); });
  t.after(() => {
    globalThis.setTimeout = realTimeout;
    globalThis.fetch = serve;
  });
  globalThis.fetch = async () => loginPage();
  server.answerWaits(200);
  for (let i = 0; i < 200 && (await status()).code !== NETWORK_LOGIN; i++) await new Promise((r) => realTimeout(r, 10));
  await new Promise((r) => realTimeout(r, 300)); // the loop reaches its pause
  globalThis.setTimeout = realTimeout;
  globalThis.fetch = serve;
  assert.equal((await status()).code, NETWORK_LOGIN);
  // The round's own retry and the loop's pause: a gateway's backoff (2 s ± 20 %, doubling), none the 1 s of no
  // connection at all, which asked the login page again every second or so.
  const long = pauses.filter((ms) => ms >= 500);
  assert.ok(long.length >= 2 && long.every((ms) => ms >= 1600), `pauses: ${long}`);
  assert.equal((await sync.syncNow()).state, 'synced');
});
