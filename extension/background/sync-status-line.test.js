// What the popup's offline line reads comes from the status's state, not from its words: a network login page in
// the way is the status's code (NETWORK_LOGIN), kept when an edit recounts the status between rounds and through an
// automatic retry's "Syncing…" until papergist answers, and papers the server refused are counted and named in an
// offline status too, which used to say only the changes kept.
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

  // A retry round keeps the code through its "Syncing…" write: every status it writes reads as the sign-in line,
  // where it used to flicker to "Syncing…" and back at each backoff retry.
  const written = [];
  const set = local.set;
  local.set = async (items) => {
    if (STATUS_KEY in items) written.push(structuredClone(items[STATUS_KEY]));
    return set.call(local, items);
  };
  try {
    assert.equal((await sync.syncNow()).code, NETWORK_LOGIN);
  } finally {
    local.set = set;
  }
  assert.ok(written.some((w) => w.state === 'syncing'), `the round's own writes: ${JSON.stringify(written)}`);
  assert.deepEqual(written.map((w) => [w.code, describe(w).text]), written.map(() => [NETWORK_LOGIN, 'Offline — sign in to the network']));

  // The code stays only until papergist answers: a retry that gets through says "Syncing…" from its first answer
  // on, and the user's Sync now (signed in to the network, say) from its start.
  await library.update(paper(1).id, { note: 'a pull and a push: two requests' });
  for (const lookUp of [false, true]) {
    meet(loginPage);
    assert.equal((await sync.syncNow()).code, NETWORK_LOGIN);
    const lines = [];
    globalThis.fetch = async (url, init) => {
      if (new URL(url).pathname !== '/v1/sync/wait') lines.push(describe(await status()).text);
      return serve(url, init);
    };
    assert.equal((await sync.syncNow({ lookUp })).state, 'synced');
    assert.ok(lines.length >= 2, `requests: ${lines}`);
    assert.deepEqual(lines.slice(lookUp ? 0 : 1), lines.slice(lookUp ? 0 : 1).map(() => 'Syncing…'), `lookUp ${lookUp}`);
    await library.update(paper(1).id, { note: `pushed again ${lookUp}` });
  }
  meet(loginPage);
  assert.equal((await sync.syncNow()).code, NETWORK_LOGIN);

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

test('papers the server refused are counted and named while offline, and the tooltip says what the user can do about them', async (t) => {
  server.refusals.set(paper(2).id, 'id');
  await library.save(paper(2), {});
  await library.save(paper(3), {});
  const refused = await sync.syncNow();
  assert.deepEqual([refused.state, refused.code, refused.refused], ['error', 'invalid', 1], 'the server\'s code for what it refuses');
  assert.match(refused.refusedWhy, /^"Paper 2": id: "arxiv:2407\.00002" is not a paper ID$/);

  await library.update(paper(3).id, { note: 'noted offline' });
  meet(() => { throw new TypeError('Failed to fetch'); });
  // Undone whatever fails, so that the tests after this one do not meet its refusal.
  t.after(async () => {
    server.refusals.delete(paper(2).id);
    globalThis.fetch = serve;
    await library.remove(paper(2).id).catch(() => {});
    await sync.syncNow();
  });
  const st = await sync.syncNow();
  assert.deepEqual([st.state, st.pending, st.refused, st.refusedWhy], ['offline', 1, 1, refused.refusedWhy]);
  assert.equal(describe(st).text, 'Offline — 1 change kept; 1 refused');
  const hint = offlineHint(st, 0);
  // Its ID refused, which the popup cannot edit: the tooltip says what the user can do, remove it (its note or tags
  // only if they are why), not "edit it to fix it".
  assert.match(hint, /1 paper the server refused is marked "Not synced" in the list, with why: remove it, or edit its note or tags if that is why\. The first refused: "Paper 2": id: .* is not a paper ID\./);
  assert.doesNotMatch(hint, /nothing to do|edit it to fix|whose removal/);

  // The refused paper removed: nothing waits for a fix any more.
  server.refusals.delete(paper(2).id);
  globalThis.fetch = serve;
  await library.remove(paper(2).id);
  const after = await sync.syncNow();
  assert.deepEqual([after.state, after.refused, after.refusedWhy], ['synced', undefined, undefined]);
});

test('a paper whose removal the server refused is counted apart: removed here only until a look-up, a save or the server\'s miss', async (t) => {
  const id = paper(4).id;
  await library.save(paper(4), {});
  assert.equal((await sync.syncNow()).state, 'synced');
  server.refusals.set(id, 'result');
  server.lookups.set(id, 'failing'); // its look-up put off: the paper stays gone here until a later round
  t.after(async () => {
    server.refusals.delete(id);
    server.lookups.delete(id);
    globalThis.fetch = serve;
    await sync.syncNow({ lookUp: true }); // back from the server, if it is still refused
    await library.remove(id).catch(() => {});
    await sync.syncNow();
  });
  const inLibrary = async () => Object.keys(await local.get(null)).some((k) => k.endsWith(id) && !k.startsWith('gone:'));
  await library.remove(id);
  const refused = await sync.syncNow();
  assert.deepEqual([refused.state, refused.refused, refused.refusedRemovals], ['error', 1, 1]);

  meet(() => { throw new TypeError('Failed to fetch'); });
  const st = await sync.syncNow();
  assert.deepEqual([st.state, st.refused, st.refusedRemovals], ['offline', 1, 1]);
  assert.equal(describe(st).text, 'Offline — 1 refused');
  const hint = offlineHint(st, 0);
  assert.match(hint, /1 paper whose removal the server refused is removed here only, still saved on the server and your other devices: save it again here to keep it\. The first refused: "Paper 4": its removal/);
  assert.doesNotMatch(hint.split(' The first refused:')[0], /Not synced|remove it|edit|comes? back/, 'what the tooltip says, before the server\'s why');

  // Back, the server answers everything, but the failed look-up is put off (a minute at least): automatic rounds
  // leave the paper removed here and still counted, as the tooltip says.
  globalThis.fetch = serve;
  server.lookups.delete(id);
  for (let i = 0; i < 3; i++) {
    const auto = await sync.syncNow();
    assert.deepEqual([auto.refused, auto.refusedRemovals, await inLibrary()], [1, 1, false], `automatic round ${i}`);
  }

  // Saved again here, it is kept: in the list, and nothing is refused.
  await library.save(paper(4), {});
  const kept = await sync.syncNow();
  assert.deepEqual([kept.state, kept.refused, kept.refusedRemovals, await inLibrary()], ['synced', undefined, undefined, true]);
});

test('a paper whose removal the server refused and that the server no longer has is simply removed', async (t) => {
  const id = paper(5).id;
  await library.save(paper(5), {});
  assert.equal((await sync.syncNow()).state, 'synced');
  server.refusals.set(id, 'result');
  t.after(async () => {
    server.refusals.delete(id);
    await library.remove(id).catch(() => {});
    await sync.syncNow();
  });
  await library.remove(id);
  server.items.delete(id); // removed on the server meanwhile: its look-up is the server's own 404
  const st = await sync.syncNow();
  assert.deepEqual([st.state, st.refused, st.refusedRemovals], ['synced', undefined, undefined]);
  assert.ok(!Object.keys(await local.get(null)).some((k) => k.endsWith(id)), 'neither the paper nor its tombstone is left');
});

test('a login page that meets the round the long poll started: the loop backs off as from the page itself, by the status\'s code', { timeout: 30_000 }, async (t) => {
  // The open wait answers "changed": the round it starts meets the login page, as every request after it does.
  const realTimeout = globalThis.setTimeout;
  const pauses = [];
  // Until the loop reaches its pause after the round: a second delay of a backoff's size. Awaited, bounded by the
  // test's own timeout rather than by a count of turns or a time.
  let paused;
  const twoPauses = new Promise((r) => { paused = r; });
  globalThis.setTimeout = /** @type {any} */ ((fn, ms, ...rest) => {
    pauses.push(ms);
    if (pauses.filter((p) => p >= 500).length >= 2) paused();
    return realTimeout(fn, ms, ...rest);
  });
  t.after(() => {
    globalThis.setTimeout = realTimeout;
    globalThis.fetch = serve;
  });
  globalThis.fetch = async () => loginPage();
  server.answerWaits(200);
  for (let i = 0; i < 200 && (await status()).code !== NETWORK_LOGIN; i++) await new Promise((r) => realTimeout(r, 10));
  await twoPauses;
  globalThis.setTimeout = realTimeout;
  globalThis.fetch = serve;
  assert.equal((await status()).code, NETWORK_LOGIN);
  // The round's own retry and the loop's pause: a gateway's backoff (2 s ± 20 %, doubling), none the 1 s of no
  // connection at all, which asked the login page again every second or so.
  const long = pauses.filter((ms) => ms >= 500);
  assert.ok(long.length >= 2 && long.every((ms) => ms >= 1600), `pauses: ${long}`);
  assert.equal((await sync.syncNow()).state, 'synced');
});
