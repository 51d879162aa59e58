// Two devices saved the same papers before dates synced, from pages of different precision. Each device's record
// upgrade (schema 2 → 3) lifts its own page's date and venue and pushes them on the version it had: the other
// device's values went up first. A lift that the server knows more fully gives way on the pull, with no conflict
// for a choice nobody made (extension/background/sync.js merge). A fuller lift goes up on its old version: the
// shorter value on the server may be another device's re-save or "Keep mine", which nobody can tell from a lift,
// so the server meets it as a named conflict (backend/sqlite merge.go) rather than undo it silently, unless the
// shorter value is another lift: the change names its lifts, and the server keeps the fuller of two lifts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Browser } from '../lib/browser.js';
import { Backend, newEmail } from '../lib/backend.js';
import { message, signIn, syncNow, records, storage, waitIdle } from '../lib/sync.js';

const PASSWORD = 'correct horse battery staple';

/** @type {Backend} */
let backend;
/** @type {Browser} */
let browser;
/** The account's token, for the API acting as another device. */
let token;

before(async () => {
  backend = await new Backend().start();
  browser = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
  const email = newEmail('dates');
  await signIn(browser, backend.url, email, PASSWORD, { create: true, deviceName: 'laptop' });
  ({ access_token: token } = await backend.login(email, PASSWORD));
});
after(async () => {
  await browser?.dispose().catch(() => {});
  await backend?.dispose();
});

/**
 * Plants storage as the version before left it (the records in set; in sync:state, the since the test names),
 * restarts the browser and waits for the record upgrade. It plants only once the running worker's sync is idle, so
 * that no round of it (the live loop's, woken by the test's API push) writes over the planting before the restart.
 * A round that did anyway would drop the mark planted beside since, and the check after the restart says so; the
 * new worker's own rounds keep the mark (sync.js merges into sync:state).
 */
async function plantAndRestart(set, since) {
  await waitIdle(browser, async () => (await backend.api('GET', '/v1/sync?since=0', { token })).body.version);
  const mark = randomUUID();
  const w = await browser.serviceWorker();
  await w.evaluate(async ({ set, since, mark }) => {
    const { 'sync:state': st } = await chrome.storage.local.get('sync:state');
    await chrome.storage.local.set({ ...set, 'sync:state': { ...st, since, planted: mark } });
    await chrome.storage.local.remove('library:schema');
  }, { set, since, mark });
  await browser.restart();
  for (let i = 0; i < 150 && (await storage(browser).catch(() => ({})))['library:schema'] !== 3; i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal((await storage(browser))['sync:state'].planted, mark, 'the planted sync position was written over before the restart');
}

test('a lifted date the server knows more fully gives way; a fuller lift over another device\'s shorter date is a conflict, not a silent overwrite', async () => {
  const serverItems = async () => Object.fromEntries((await backend.api('GET', '/v1/sync?since=0', { token })).body.items.map((i) => [i.id, i]));
  // Saved on both devices, synced with neither date nor venue (the versions that kept them on the device).
  const papers = [
    { id: 'doi:10.1000/less', title: 'Known here by its month', mine: { published: '2017-06' }, theirs: { published: '2017-06-12', venue: 'Nature' } },
    { id: 'doi:10.1000/more', title: 'Known here by its day', mine: { published: '2017-06-12', venue: 'Nature' }, theirs: { published: '2017-06' } },
  ];
  for (const p of papers) {
    await message(browser, 'library/save', { paper: { id: p.id, title: p.title, authors: ['A. Author'], url: `https://example.org/${p.id}` },
      summary: { tldr: '', keyphrases: [] } });
  }
  assert.equal((await syncNow(browser)).state, 'synced');
  const before = await records(browser);
  const since = (await storage(browser))['sync:state'].since; // the library version this device had seen

  // The desktop upgraded first: its lifted values went up on the version both devices had.
  const { status, body } = await backend.api('POST', '/v1/sync', { token, headers: { 'Idempotency-Key': randomUUID() },
    body: { changes: papers.map((p) => ({ id: p.id, base_version: before[p.id].version, ...p.theirs })), deletions: [] } });
  assert.equal(status, 200, JSON.stringify(body));
  assert.deepEqual(body.results.map((r) => r.status), ['applied', 'applied']);
  await syncNow(browser);

  // This device as the version before it left them: date and venue in meta only, at the version it had synced.
  // Nor had it pulled the desktop's values (its live listener may have, since they went up): since is planted.
  const old = {};
  for (const p of papers) {
    const { published: _p, venue: _v, ...rec } = before[p.id];
    old[`paper:${p.id}`] = { ...rec, meta: { ...rec.meta, ...p.mine }, sync: { dirty: {} } };
  }
  await plantAndRestart(old, since);
  const st = await syncNow(browser);
  assert.equal(st.conflicts, 1, JSON.stringify(st));
  const items = await serverItems();
  const recs = await records(browser);
  const less = 'doi:10.1000/less';
  assert.deepEqual([items[less].published, items[less].venue], ['2017-06-12', 'Nature'], 'server: the fuller values stay');
  assert.deepEqual([recs[less].published, recs[less].venue, recs[less].sync.conflict, recs[less].sync.dirty],
    ['2017-06-12', 'Nature', undefined, {}], 'here: the lift gave way');
  assert.equal(items[less].dispute, undefined, 'no dispute left for another device');
  // The desktop's "2017-06" could be its user's choice: not overwritten, but put to this device's user.
  const more = 'doi:10.1000/more';
  assert.equal(items[more].published, '2017-06', 'server: the other device\'s date is not undone silently');
  assert.deepEqual(recs[more].sync.conflict && recs[more].sync.conflict.fields, ['published'], 'here: a named conflict');
  assert.equal(recs[more].published, '2017-06-12', 'here: this device\'s value kept until the user chooses');
});

test('a shorter date the user saved again goes to the server, though the item was pulled first: only a lift yields', async () => {
  const id = 'doi:10.1000/resaved';
  const paper = { id, title: 'Saved again from a page with the year', authors: ['A. Author'], url: `https://example.org/${id}` };
  await message(browser, 'library/save', { paper: { ...paper, published: '2019-06-02' }, summary: { tldr: '', keyphrases: [] } });
  assert.equal((await syncNow(browser)).state, 'synced');
  const v1 = (await records(browser))[id].version;
  // Another device marks it read; this device, not having pulled that, saves it again from a page giving the year.
  const { status, body } = await backend.api('POST', '/v1/sync', { token, headers: { 'Idempotency-Key': randomUUID() },
    body: { changes: [{ id, base_version: v1, read: true }], deletions: [] } });
  assert.equal(status, 200, JSON.stringify(body));
  await message(browser, 'library/save', { paper: { ...paper, published: '2019' }, summary: { tldr: '', keyphrases: [] } });
  assert.equal((await syncNow(browser)).state, 'synced');
  const item = (await backend.api('GET', '/v1/sync?since=0', { token })).body.items.find((i) => i.id === id);
  assert.deepEqual([item.published, item.read], ['2019', true], 'the server took the re-save');
  const rec = (await records(browser))[id];
  assert.deepEqual([rec.published, rec.read, rec.sync.dirty, rec.sync.conflict], ['2019', true, {}, undefined]);
});

test('a lifted date on a field two other devices dispute is no lift to settle quietly: it meets them as a conflict here', async () => {
  const id = 'doi:10.1000/disputed';
  await message(browser, 'library/save', { paper: { id, title: 'Disputed elsewhere', authors: ['A. Author'], url: `https://example.org/${id}` },
    summary: { tldr: '', keyphrases: [] } });
  assert.equal((await syncNow(browser)).state, 'synced');
  const rec0 = (await records(browser))[id];
  const since = (await storage(browser))['sync:state'].since;
  // Two other devices' values on the version this device had: the second meets the first as a conflict, and the
  // server marks the field disputed while that device's user chooses.
  const push = (published) => backend.api('POST', '/v1/sync', { token, headers: { 'Idempotency-Key': randomUUID() },
    body: { changes: [{ id, base_version: rec0.version, published }], deletions: [] } });
  assert.deepEqual((await push('2017-06-12')).body.results.map((r) => r.status), ['applied']);
  assert.deepEqual((await push('2017-06-13')).body.results.map((r) => r.status), ['conflict']);
  await syncNow(browser);
  const { published: _p, venue: _v, ...old } = rec0;
  await plantAndRestart({ [`paper:${id}`]: { ...old, meta: { ...old.meta, published: '2017-06' }, sync: { dirty: {} } } }, since);
  assert.equal((await syncNow(browser)).state, 'synced');
  const rec = (await records(browser))[id];
  assert.deepEqual([rec.published, rec.sync.conflict && rec.sync.conflict.fields], ['2017-06', ['published']],
    'this device\'s month is named in a conflict, not dropped');
  const item = (await backend.api('GET', '/v1/sync?since=0', { token })).body.items.find((i) => i.id === id);
  assert.equal(item.published, '2017-06-12');
});

test('a fuller lift over another device\'s lift of the same date goes up and wins with no conflict; the server knows both were lifts', async () => {
  const id = 'doi:10.1000/two-lifts';
  await message(browser, 'library/save', { paper: { id, title: 'Lifted on two devices', authors: ['A. Author'], url: `https://example.org/${id}` },
    summary: { tldr: '', keyphrases: [] } });
  assert.equal((await syncNow(browser)).state, 'synced');
  const rec0 = (await records(browser))[id];
  const since = (await storage(browser))['sync:state'].since;
  // The desktop's upgrade lifted the month from its page first, and said so (as this build does to this server).
  const { status, body } = await backend.api('POST', '/v1/sync', { token, headers: { 'Idempotency-Key': randomUUID() },
    body: { changes: [{ id, base_version: rec0.version, published: '2017-06', lifted: ['published'] }], deletions: [] } });
  assert.equal(status, 200, JSON.stringify(body));
  assert.deepEqual(body.results.map((r) => r.status), ['applied']);
  await syncNow(browser);
  const { published: _p, venue: _v, ...old } = rec0;
  await plantAndRestart({ [`paper:${id}`]: { ...old, meta: { ...old.meta, published: '2017-06-12' }, sync: { dirty: {} } } }, since);
  assert.equal((await syncNow(browser)).state, 'synced');
  const rec = (await records(browser))[id];
  assert.deepEqual([rec.published, rec.sync.conflict, rec.sync.dirty], ['2017-06-12', undefined, {}]);
  const item = (await backend.api('GET', '/v1/sync?since=0', { token })).body.items.find((i) => i.id === id);
  assert.deepEqual([item.published, item.dispute], ['2017-06-12', undefined], 'the day on every device');
});
