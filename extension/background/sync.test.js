// The sync engine (sync.js) against a fake chrome.storage and a fake server (testing/): what a round reads, and
// that the status it writes and the batches it sends are the records' own. The browser tests cover the rest
// against the real server (scripts/e2e/tests/sync*.test.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stats } from './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const sync = await import('./sync.js');
const library = await import('./library.js');
sync.start();
const { STATUS_KEY } = await import('../lib/messages.js');
const { REMEMBER_KEY, firstScreenIds, toRemember } = await import('../popup/first-screen.js');
const { LibraryIndex } = await import('../popup/search-index.js');

const local = /** @type {any} */ (chrome.storage.local);
const status = async () => (await local.get(STATUS_KEY))[STATUS_KEY];
const settle = () => new Promise((r) => setTimeout(r, 20));

/** A record as a pull stores it: synced, nothing to push. */
const synced = (i, version) => ({
  id: `arxiv:2401.${String(i).padStart(5, '0')}`, title: `Paper ${i}`, authors: ['A. Author', 'B. Author'],
  abstract: `An abstract of paper ${i}. `.repeat(40), url: `https://arxiv.org/abs/2401.${i}`, pdf_url: '', tldr: `TL;DR ${i}.`,
  keyphrases: ['one', 'two'], tags: [], note: '', read: false, saved_at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
  version, meta: {}, sync: { dirty: {} },
});

test('a round after the first reads no whole library; its batch and status are the records\'', async () => {
  const N = 300;
  await sync.syncNow(); // the first round of this library: every record it has is pushed (none yet)
  const papers = Array.from({ length: N }, (_, i) => synced(i, 0));
  const v = server.seed(papers.map(({ meta: _m, sync: _s, ...item }) => item));
  const put = Object.fromEntries(papers.map((p) => [`paper:${p.id}`, { ...p, version: v }]));
  await local.set(put); // as a pull would have stored them (told to the engine by onChanged only)
  await settle();
  let st = await sync.syncNow();
  assert.deepEqual([st.state, st.pending, st.conflicts], ['synced', 0, 0]);

  const before = stats.wholeReads;
  const pushes = server.requests.filter((r) => r === 'POST /v1/sync').length;
  await library.update(synced(7, 1).id, { note: 'read again' });
  await library.remove(synced(8, 1).id);
  st = await sync.syncNow();
  assert.equal(stats.wholeReads - before, 0, 'a round reads only the records it pushes');
  assert.equal(server.requests.filter((r) => r === 'POST /v1/sync').length, pushes + 1);
  assert.equal(server.items.get(synced(7, 1).id).note, 'read again');
  assert.equal(server.items.get(synced(8, 1).id).deleted, true);
  assert.deepEqual([st.state, st.pending, st.conflicts], ['synced', 0, 0]);
  assert.deepEqual((await local.get(`paper:${synced(7, 1).id}`))[`paper:${synced(7, 1).id}`].sync.dirty, {});
});

test('the status counts what the records say, after edits and rounds that no whole read follows', async () => {
  const id = synced(9, 1).id;
  await library.update(id, { tags: ['x'] });
  // The edit's recount, written a moment later (on a loaded machine, more than a moment): up to 5 s.
  for (const end = Date.now() + 5000; (await status())?.pending !== 1 && Date.now() < end;) await settle();
  assert.equal((await status()).pending, 1);
  // A conflict stored by another writer (an older version of the extension, a test): onChanged tells of it.
  const key = `paper:${synced(10, 1).id}`;
  const rec = (await local.get(key))[key];
  rec.sync.conflict = { fields: ['note'], server: { ...rec, note: 'theirs' }, version: rec.version, at: new Date().toISOString() };
  rec.sync.dirty = { note: 1 };
  await local.set({ [key]: rec });
  await settle();
  const st = await sync.syncNow();
  assert.deepEqual([st.pending, st.conflicts], [0, 1]);
  assert.equal(server.items.get(id).tags[0], 'x');
});

test('a paper that moved up while the popup was closed is on its next first screen', async () => {
  // The popup remembers the beginning of the list (popup/first-screen.js), then closes.
  const whole = async () => {
    const all = new LibraryIndex();
    all.load(await local.get(null));
    return all.search('').map((r) => r.id);
  };
  await local.set({ [REMEMBER_KEY]: toRemember(undefined, (await whole()).map((id) => ({ id }))) });
  const old = (i) => synced(i, 1).id;
  // Removed and saved again after the browser forgot the removal: saved now, on top of the list.
  await library.remove(old(20));
  await chrome.storage.session.clear();
  await library.save({ id: old(20), title: 'Saved again', authors: [], abstract: '', url: '' }, {});
  // Saved again on another device, after a removal there: a pull brings a newer save time.
  const later = { ...server.items.get(old(21)), saved_at: new Date(Date.UTC(2027, 0, 1)).toISOString() };
  server.seed([later]);
  // An edit here that the server answers with a conflict: conflicts head the list.
  server.conflicts.add(old(22));
  await library.update(old(22), { note: 'my note' });
  await sync.syncNow();
  await settle();

  const list = await whole();
  for (const id of [old(20), old(21), old(22)]) assert.ok(list.indexOf(id) < 4, `${id} moved up`);
  const got = await local.get(null);
  const ids = firstScreenIds(got[REMEMBER_KEY], Object.keys(got));
  const first = new LibraryIndex();
  first.load(Object.fromEntries(ids.map((id) => [`paper:${id}`, got[`paper:${id}`]])));
  assert.deepEqual(first.search('').slice(0, 50).map((r) => r.id), list.slice(0, 50));
});

test('signing in says "Syncing" before the first round rewrites every record, not "Signed out" until then', async () => {
  await local.set({ [STATUS_KEY]: { state: 'signed-out', pending: 0, conflicts: 0, at: new Date().toISOString() } });
  await settle();
  /** @type {string[]} the keys written, in order, with the status's state */
  const writes = [];
  const tell = (changes, area) => {
    if (area !== 'local') return;
    for (const [k, c] of Object.entries(changes)) writes.push(k === STATUS_KEY ? `status:${c.newValue && c.newValue.state}` : k);
  };
  chrome.storage.onChanged.addListener(tell);
  // Another account: its first round rebases the library (every record written again) before it pulls.
  globalThis.fakeIdb.set('session', { ...globalThis.fakeIdb.get('session'), email: 'b@example.com' });
  await sync.syncNow();
  await settle();
  chrome.storage.onChanged.removeListener(tell);
  const syncing = writes.indexOf('status:syncing');
  const record = writes.findIndex((k) => k.startsWith('paper:'));
  assert.ok(record >= 0 && syncing >= 0, writes.slice(0, 5).join(' '));
  assert.ok(syncing < record, `the status said "Syncing" only after the records were rewritten: ${writes.slice(0, 5).join(' ')}`);
});

test('a wait that failed goes out again as soon as a round reaches the server, not after its pause', async (t) => {
  const waits = () => server.requests.filter((r) => r === 'GET /v1/sync/wait').length;
  const flush = async () => {
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  };
  await sync.syncNow(); // the loop is listening: one wait open
  await flush();
  const open = waits();
  assert.ok(open > 0);
  t.mock.timers.enable({ apis: ['setTimeout'] }); // the pause after a failure (2 s, doubling to 5 minutes) never ends
  server.answerWaits(500); // a server that fails (a deploy), then is back
  await flush();
  assert.equal(waits(), open, 'pausing after the failure');
  await sync.syncNow();
  await flush();
  assert.equal(waits(), open + 1, 'the wait went out again with the round\'s success');
  t.mock.timers.reset();
});

test('typed text kept refused for a paper that another device removes is forgotten with the pulled removal', async () => {
  const { REFUSED_KEY } = await import('../lib/messages.js');
  const id = synced(30, 1).id;
  assert.ok((await local.get(`paper:${id}`))[`paper:${id}`]);
  const entry = { id, field: 'tags', patch: { tags: ['t'.repeat(65)] }, error: { code: '', message: 'too long' }, at: new Date().toISOString() };
  await local.set({ [REFUSED_KEY]: { [`tags\n${id}`]: entry } });
  server.seed([{ id, deleted: true }]);
  await sync.syncNow();
  assert.equal((await local.get(`paper:${id}`))[`paper:${id}`], undefined, 'removed here too');
  assert.deepEqual((await local.get(REFUSED_KEY))[REFUSED_KEY], {});
});

test('a paper\'s publication date and venue go up with its save and come down to a device that pulls it', async () => {
  const id = 'doi:10.1038/meta-1';
  await library.save({ id, title: 'Dated', authors: ['G. Müller'], abstract: '', url: 'https://example.org/d', published: '2019-06-02', venue: 'Nature' }, {});
  await sync.syncNow();
  const up = server.items.get(id);
  assert.deepEqual([up.published, up.venue], ['2019-06-02', 'Nature'], 'pushed as wire fields');
  const rec = (await local.get(`paper:${id}`))[`paper:${id}`];
  assert.deepEqual([rec.published, rec.venue, rec.meta.published, rec.meta.venue, rec.sync.dirty], ['2019-06-02', 'Nature', undefined, undefined, {}]);

  // Another device's paper, and another device's edit of this one's venue: both pulled.
  server.seed([{ ...server.items.get(id), venue: 'Nature Communications' },
    { ...synced(40, 0), id: 'doi:10.1038/meta-2', published: '2021-11', venue: 'ACL', meta: undefined, sync: undefined }]);
  await sync.syncNow();
  const got = await local.get([`paper:${id}`, 'paper:doi:10.1038/meta-2']);
  assert.equal(got[`paper:${id}`].venue, 'Nature Communications');
  assert.deepEqual([got['paper:doi:10.1038/meta-2'].published, got['paper:doi:10.1038/meta-2'].venue], ['2021-11', 'ACL']);
});

test('saving a paper again from a page without a date or venue (or one the server refuses) keeps the synced ones', async () => {
  const id = 'doi:10.1038/meta-3';
  await sync.syncNow();
  server.seed([{ ...synced(41, 0), id, published: '2019-06-02', venue: 'Nature', meta: undefined, sync: undefined }]);
  await sync.syncNow();
  await library.save({ id, title: 'Paper 41', authors: ['A. Author'], abstract: '', url: 'https://example.org/d' }, {});
  let rec = (await local.get(`paper:${id}`))[`paper:${id}`];
  assert.deepEqual([rec.published, rec.venue], ['2019-06-02', 'Nature'], 'kept on this device');
  assert.equal(rec.sync.dirty.published, undefined, 'no change to push for the date');
  assert.equal(rec.sync.dirty.venue, undefined, 'nor for the venue');
  await library.save({ id, title: 'Paper 41', authors: ['A. Author'], abstract: '', url: 'https://example.org/d', published: 'June 2019' }, {});
  rec = (await local.get(`paper:${id}`))[`paper:${id}`];
  assert.deepEqual([rec.published, rec.meta.published], ['2019-06-02', 'June 2019'], 'a refused date stays in meta');
  await sync.syncNow();
  const up = server.items.get(id);
  assert.deepEqual([up.published, up.venue], ['2019-06-02', 'Nature'], 'the server keeps them');
});

/** The changes of every push from here on (the fake server keeps no bodies): [{id, base_version, ...}]. */
function watchPushes() {
  const pushed = [];
  const f = globalThis.fetch;
  globalThis.fetch = async (url, init = {}) => {
    if ((init.method || 'GET') === 'POST' && new URL(String(url)).pathname === '/v1/sync') pushed.push(...JSON.parse(init.body).changes);
    return f(url, init);
  };
  return { pushed, stop: () => { globalThis.fetch = f; } };
}

test('a date the record upgrade lifted that another device knows more fully goes up no more; a fuller one goes up on its old version', async () => {
  // Two devices saved these papers before dates synced; each record upgrade lifts its own page's date, on the
  // version it had. Another device's went up first. (The real server's answer to each push: e2e sync-upgrade-dates.)
  await sync.syncNow();
  const less = { ...synced(43, 0), id: 'doi:10.1038/meta-5' };
  const more = { ...synced(44, 0), id: 'doi:10.1038/meta-6' };
  const v1 = server.seed([less, more].map(({ meta: _m, sync: _s, ...item }) => ({ ...item, published: '', venue: '' })));
  await local.set({
    [`paper:${less.id}`]: { ...less, version: v1, meta: { published: '2017-06' } }, // stored before the upgrade
    [`paper:${more.id}`]: { ...more, version: v1, meta: { published: '2017-06-12', venue: 'Nature' } },
  });
  server.seed([{ ...server.items.get(less.id), published: '2017-06-12', venue: 'Nature' },
    { ...server.items.get(more.id), published: '2017-06', venue: '' }]);
  const v2 = server.version;
  const w = watchPushes();
  try {
    await sync.syncNow();
  } finally {
    w.stop();
  }
  const got = await local.get([`paper:${less.id}`, `paper:${more.id}`]);
  const mine = got[`paper:${less.id}`];
  assert.deepEqual([mine.published, mine.venue, mine.sync.dirty, mine.sync.conflict, mine.version],
    ['2017-06-12', 'Nature', {}, undefined, v2], 'the other device\'s fuller date taken, nothing to push');
  assert.equal(w.pushed.find((c) => c.id === less.id), undefined, 'not pushed');
  const up = w.pushed.find((c) => c.id === more.id);
  // The shorter value there may be another device's re-save or choice: the server decides (a conflict if so).
  assert.deepEqual([up.base_version, up.published, up.venue], [v1, '2017-06-12', 'Nature'], 'pushed on its old version');
  assert.equal(got[`paper:${more.id}`].sync.lifted, undefined, 'the lift\'s marks go with them');
  assert.ok(!JSON.stringify(w.pushed).includes('lifted'), 'device-only');
});

test('another device\'s deliberate shorter date is not overwritten by this device\'s fuller lift: it goes up on its old version', async () => {
  // The server has the day at v1; this device stored it in meta only (before dates synced). Device B then saves
  // the paper again from a page giving only the year (or its user keeps "2017" in a conflict): v2. This device's
  // upgrade lifts the day. On the current base the server would take it without question and undo B's choice on
  // every device; on the old base the real server meets it as a conflict on published (backend merge_test.go).
  await sync.syncNow();
  const p = { ...synced(47, 0), id: 'doi:10.1038/meta-9' };
  const v1 = server.seed([(({ meta: _m, sync: _s, ...item }) => ({ ...item, published: '2017-06-12', venue: '' }))(p)]);
  await local.set({ [`paper:${p.id}`]: { ...p, version: v1, meta: { published: '2017-06-12' } } }); // stored before the upgrade
  server.seed([{ ...server.items.get(p.id), published: '2017' }]);
  const w = watchPushes();
  try {
    await sync.syncNow();
  } finally {
    w.stop();
  }
  const up = w.pushed.find((c) => c.id === p.id);
  assert.deepEqual([up && up.base_version, up && up.published], [v1, '2017-06-12'], 'pushed on the version before B\'s re-save');
});

test('a re-saved shorter date, or a lifted one in a dispute, goes up on its old version after a pull: the server decides', async () => {
  await sync.syncNow();
  const resaved = { ...synced(45, 0), id: 'doi:10.1038/meta-7' };
  const disputed = { ...synced(46, 0), id: 'doi:10.1038/meta-8' };
  const v1 = server.seed([resaved, disputed].map(({ meta: _m, sync: _s, ...item }) => ({ ...item, published: '2019-06-02', venue: '' })));
  // Saved again from a page that gives only the year: a save's mark, no lift's.
  await local.set({ [`paper:${resaved.id}`]: { ...resaved, version: v1, published: '2019', venue: '', sync: { dirty: { published: 7 } } } });
  // Lifted, but another device is choosing on that field: left as it is.
  await local.set({ [`paper:${disputed.id}`]: { ...disputed, version: v1, published: '2019', venue: '', sync: { dirty: { published: 8 }, lifted: { published: 8 } } } });
  server.seed([{ ...server.items.get(resaved.id), read: true },
    { ...server.items.get(disputed.id), dispute: { fields: ['published'], values: { published: '2019-06-01' }, at: '2026-01-01T00:00:00Z' } }]);
  const w = watchPushes();
  try {
    await sync.syncNow();
  } finally {
    w.stop();
  }
  for (const id of [resaved.id, disputed.id]) {
    const up = w.pushed.find((c) => c.id === id);
    assert.deepEqual([up && up.base_version, up && up.published], [v1, '2019'], `${id}: pushed on its base`);
  }
});

test('a conflict settled on a lifted field drops its lift mark: the choice is the user\'s', async () => {
  await sync.syncNow();
  const p = { ...synced(48, 0), id: 'doi:10.1038/meta-10' };
  const v1 = server.seed([(({ meta: _m, sync: _s, ...item }) => ({ ...item, published: '2017', venue: '' }))(p)]);
  await sync.syncNow();
  const server1 = { ...server.items.get(p.id) };
  const conflict = { fields: ['published'], server: server1, version: v1, at: '2026-01-01T00:00:00Z' };
  await local.set({ [`paper:${p.id}`]: { ...p, version: v1, published: '2017-06-12', venue: '',
    sync: { dirty: { published: 8 }, lifted: { published: 8 }, conflict } } });
  const f = globalThis.fetch;
  globalThis.fetch = async (url, init = {}) => { // the push after the choice does not get through: what resolve stored stays
    if ((init.method || 'GET') === 'POST' && new URL(String(url)).pathname === '/v1/sync') throw new TypeError('offline');
    return f(url, init);
  };
  try {
    await sync.resolve(p.id, 'mine');
  } finally {
    globalThis.fetch = f;
  }
  const rec = (await local.get(`paper:${p.id}`))[`paper:${p.id}`];
  assert.ok(rec.sync.dirty.published > 8, 'marked anew');
  assert.equal(rec.sync.lifted, undefined, 'no lift mark left');
});

test('a paper removed and saved again before the removal went up keeps, on the server, what its page leaves empty', async () => {
  const id = 'doi:10.1038/meta-4';
  await sync.syncNow();
  server.seed([{ ...synced(42, 0), id, published: '2019-06-02', venue: 'Nature', tldr: 'A TL;DR.', keyphrases: ['qubits'],
    meta: undefined, sync: undefined }]);
  await sync.syncNow();
  await library.remove(id);
  await library.save({ id, title: 'Paper 42', authors: ['A. Author'], abstract: '', url: 'https://example.org/e' }, {});
  const rec = (await local.get(`paper:${id}`))[`paper:${id}`];
  assert.ok(rec.version > 0, 'saved again at the removed item\'s version');
  for (const name of ['published', 'venue', 'tldr', 'keyphrases']) assert.equal(rec.sync.dirty[name], undefined, `no ${name} to push`);
  assert.ok(rec.sync.dirty.title, 'what the page gives goes up');
  await sync.syncNow();
  const up = server.items.get(id);
  assert.deepEqual([up.published, up.venue, up.tldr, up.keyphrases], ['2019-06-02', 'Nature', 'A TL;DR.', ['qubits']]);
});

test('at the first sign-in, this device\'s shorter page date gives way to the account\'s fuller one; a fuller one goes up', async () => {
  // Saved here while signed out (or in another account) from pages giving less (or more) of the date than the
  // account's copies. The account's day must not be cut to this device's month on every device.
  await sync.syncNow();
  const item = (i, id, published) => (({ meta: _m, sync: _s, ...it }) => ({ ...it, id, published, venue: 'Nature' }))(synced(i, 0));
  const less = item(50, 'doi:10.1038/first-1', '2017-06-12');
  const more = item(51, 'doi:10.1038/first-2', '2017-06');
  const other = item(52, 'doi:10.1038/first-3', '2017-06-12');
  const year = item(53, 'doi:10.1038/first-4', '2017-06-12');
  server.seed([less, more, other, year]);
  const mine = (it, published) => ({ ...it, published, version: 0, meta: {}, sync: { dirty: { published: 1, venue: 1 } } });
  await local.set({
    [`paper:${less.id}`]: mine(less, '2017-06'), [`paper:${more.id}`]: mine(more, '2017-06-12'),
    [`paper:${other.id}`]: mine(other, '2018-01'), [`paper:${year.id}`]: mine(year, '2017'),
  });
  globalThis.fakeIdb.set('session', { ...globalThis.fakeIdb.get('session'), email: 'dates@example.com' });
  const w = watchPushes();
  try {
    await sync.syncNow();
  } finally {
    w.stop();
  }
  const got = await local.get([less.id, more.id, other.id, year.id].map((id) => `paper:${id}`));
  const pushedDate = (id) => (w.pushed.find((c) => c.id === id) || {}).published;
  for (const id of [less.id, year.id]) {
    const rec = got[`paper:${id}`];
    assert.deepEqual([rec.published, rec.sync.dirty.published, rec.sync.conflict], ['2017-06-12', undefined, undefined], `${id}: the account's day`);
    assert.equal(pushedDate(id), undefined, `${id}: no date pushed`);
    assert.equal(server.items.get(id).published, '2017-06-12', `${id}: the account keeps its day`);
  }
  assert.equal(pushedDate(more.id), '2017-06-12', 'a fuller date goes up');
  assert.equal(server.items.get(more.id).published, '2017-06-12');
  assert.equal(pushedDate(other.id), '2018-01', 'another date is no shorter form: it goes up as before');
});

test('the record upgrade\'s own dates and venues go up named as lifts, only to a server that says it takes them', async () => {
  // Another device lifted the month first; this device's day then goes up named as a lift, so that the server,
  // which knows the month was a lift too, keeps the day on every device without a conflict (backend merge.go).
  await sync.syncNow();
  const p = { ...synced(54, 0), id: 'doi:10.1038/lift-1' };
  const q = { ...synced(55, 0), id: 'doi:10.1038/lift-2' };
  const item = ({ meta: _m, sync: _s, ...it }) => ({ ...it, published: '', venue: '' });
  const v1 = server.seed([item(p), item(q)]);
  await local.set({
    [`paper:${p.id}`]: { ...p, version: v1, meta: { published: '2017-06-12', venue: 'Nature' } }, // before the upgrade
    [`paper:${q.id}`]: { ...q, version: v1, meta: { published: '2018-03' } },
  });
  await library.save({ id: q.id, title: q.title, authors: q.authors, abstract: q.abstract, url: q.url, published: '2018-03-04' }, {});
  server.seed([{ ...server.items.get(p.id), published: '2017-06' }]);
  server.features.add('lifted');
  const w = watchPushes();
  try {
    await sync.syncNow();
  } finally {
    w.stop();
    server.features.clear();
  }
  const up = w.pushed.find((c) => c.id === p.id);
  assert.deepEqual([up && up.base_version, up && up.published, up && up.lifted], [v1, '2017-06-12', ['published', 'venue']]);
  const saved = w.pushed.find((c) => c.id === q.id);
  assert.deepEqual([saved && saved.published, saved && saved.lifted], ['2018-03-04', undefined], 'a save is no lift');
  const rec = (await local.get(`paper:${p.id}`))[`paper:${p.id}`];
  assert.deepEqual([rec.published, rec.sync.dirty.published, rec.sync.lifted], ['2017-06-12', undefined, undefined], 'the lift went up');
});

test('a server that refuses lifted names (an older one, a deploy half done) gets the same edits without them; nothing waits refused', async () => {
  // The previous server's strict decoder answers a push naming lifted with 400 invalid. Case 1: its pull said it
  // takes them (the pull met the new version, the push the old one). Case 2: a batch stored with them goes out
  // again (its answer was lost) to a server downgraded meanwhile, which says nothing of lifts.
  await sync.syncNow();
  const refuseLifts = () => {
    const f = globalThis.fetch;
    let refused = 0;
    globalThis.fetch = async (url, init = {}) => {
      if ((init.method || 'GET') === 'POST' && new URL(String(url)).pathname === '/v1/sync' &&
          JSON.parse(init.body).changes.some((c) => 'lifted' in c)) {
        refused++;
        return new Response(JSON.stringify({ error: { code: 'invalid', message: 'unknown field "lifted"' } }), { status: 400, headers: { 'Content-Type': 'application/json' } });
      }
      return f(url, init);
    };
    return { get refused() { return refused; }, stop: () => { globalThis.fetch = f; } };
  };
  const item = ({ meta: _m, sync: _s, ...it }) => ({ ...it, published: '', venue: '' });
  const p = { ...synced(56, 0), id: 'doi:10.1038/old-server-1' };
  const q = { ...synced(57, 0), id: 'doi:10.1038/old-server-2' };
  const v1 = server.seed([item(p), item(q)]);
  await local.set({ [`paper:${p.id}`]: { ...p, version: v1, meta: { published: '2017-06-12' } } }); // before the upgrade
  await library.update(p.id, { note: 'typed by the user' });
  server.features.add('lifted');
  let r = refuseLifts();
  try {
    await sync.syncNow();
  } finally {
    r.stop();
    server.features.clear();
  }
  assert.ok(r.refused >= 1, 'the push named the lift and was refused');
  let rec = (await local.get(`paper:${p.id}`))[`paper:${p.id}`];
  assert.deepEqual([server.items.get(p.id).note, server.items.get(p.id).published], ['typed by the user', '2017-06-12']);
  assert.deepEqual([rec.sync.error, rec.sync.dirty], [undefined, {}]);
  let st = await status();
  assert.deepEqual([st.state, st.pending, st.error], ['synced', 0, undefined]);

  await local.set({ [`paper:${q.id}`]: { ...q, version: v1, meta: { published: '2018-03' } } });
  await library.update(q.id, { note: 'typed here too' });
  rec = (await local.get(`paper:${q.id}`))[`paper:${q.id}`];
  const ch = { id: q.id, base_version: v1, published: rec.published, note: rec.note, lifted: ['published'] };
  const sent = { [q.id]: { published: rec.sync.dirty.published, note: rec.sync.dirty.note } };
  await local.set({ 'sync:inflight': { key: crypto.randomUUID(), body: JSON.stringify({ changes: [ch], deletions: [] }), sent, full: false } });
  r = refuseLifts();
  try {
    await sync.syncNow();
  } finally {
    r.stop();
  }
  assert.equal(r.refused, 1, 'the stored batch was refused once');
  rec = (await local.get(`paper:${q.id}`))[`paper:${q.id}`];
  assert.deepEqual([server.items.get(q.id).note, server.items.get(q.id).published], ['typed here too', '2018-03']);
  assert.deepEqual([rec.sync.error, rec.sync.dirty], [undefined, {}]);
  st = await status();
  assert.deepEqual([st.state, st.pending, st.error], ['synced', 0, undefined]);
});
