// The popup's search index and status wording (extension/popup/search-index.js, sync-status.js) under plain
// Node: they touch no extension API, so their edge cases are checked here without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LibraryIndex } from '../../../extension/popup/search-index.js';
import { describe, offlineHint } from '../../../extension/popup/sync-status.js';
import { savedPaper } from '../lib/library.js';

const ids = (recs) => recs.map((r) => r.id);
const change = (rec) => ({ [`paper:${rec.id}`]: { newValue: rec } });

test('the index keeps newest first, conflicts on top, through saves, edits and removals', () => {
  const [a, b, c] = [savedPaper(1), savedPaper(2), savedPaper(3)];
  const index = new LibraryIndex();
  index.load({ [`paper:${a.id}`]: a, [`paper:${b.id}`]: b, 'sync:status': { state: 'synced' }, 'gone:x': { id: 'x' } });
  assert.deepEqual(ids(index.search('')), [b.id, a.id]);

  assert.deepEqual(index.apply({ ...change(c), 'sync:status': { newValue: {} } }), [c.id]);
  assert.deepEqual(ids(index.all()), [c.id, b.id, a.id]);

  // an edit is searchable at once, and keeps its place
  index.apply(change({ ...a, note: 'Ask about Table 3' }));
  assert.deepEqual(ids(index.search('table 3')), [a.id]);
  assert.deepEqual(ids(index.search('TABLE ask')), [a.id], 'every word, any order, any case');
  assert.deepEqual(ids(index.search('table 4')), []);
  assert.deepEqual(ids(index.all()), [c.id, b.id, a.id]);

  // a conflict lifts a paper above newer ones, within the matches
  index.apply(change({ ...a, sync: { dirty: {}, conflict: { fields: ['note'], server: null, version: 2, at: '' } } }));
  assert.equal(index.conflictCount, 1);
  assert.deepEqual(ids(index.search('')), [a.id, c.id, b.id]);
  assert.deepEqual(ids(index.search(b.id)), [b.id]);

  // saved again earlier (a pull with the other device's save time) moves it
  index.apply(change({ ...c, saved_at: '2020-01-01T00:00:00.000Z' }));
  assert.deepEqual(ids(index.all()), [b.id, a.id, c.id]);

  index.apply({ [`paper:${a.id}`]: { oldValue: a } });
  assert.equal(index.conflictCount, 0);
  assert.equal(index.size, 2);
  assert.equal(index.get(a.id), undefined);
  assert.deepEqual(ids(index.search('table')), []);
});

test('each sync state reads as the popup shows it', () => {
  const now = new Date('2026-03-04T15:00:00Z');
  const at = '2026-03-04T14:03:00Z';
  for (const [status, want] of [
    [undefined, 'Signed out — '],
    [{ state: 'signed-out', pending: 2, conflicts: 0, at }, 'Signed out — '],
    [{ state: 'syncing', pending: 2, conflicts: 0, at }, 'Syncing…'],
    [{ state: 'pending', pending: 2, conflicts: 0, at }, 'Pending 2'],
    // Offline: the changes kept here, and when the last sync was (sent on their own: the tooltip, offlineHint).
    [{ state: 'offline', pending: 5, conflicts: 0, at, lastSynced: '2026-03-04T10:42:00Z' }, /^Offline — 5 changes kept; last sync at \d/],
    [{ state: 'offline', pending: 1, conflicts: 0, at }, 'Offline — 1 change kept'],
    [{ state: 'offline', pending: 0, conflicts: 0, at, lastSynced: '2026-01-01T00:00:00Z' }, /^Offline — last sync on \S/],
    [{ state: 'offline', pending: 0, conflicts: 0, at }, 'Offline — changes are kept here'],
    [{ state: 'error', pending: 0, conflicts: 0, at, error: 'server said 500' }, 'Sync error: server said 500'],
    // "Synced" only within a minute of the last check; else when it last checked; never with a conflict.
    [{ state: 'synced', pending: 0, conflicts: 0, at: '2026-01-01T00:00:00Z', lastSynced: '2026-01-01T00:00:00Z' }, /^Last checked on \S/],
    [{ state: 'synced', pending: 0, conflicts: 0, at }, /^Last checked at \d/],
    [{ state: 'synced', pending: 0, conflicts: 0, at, lastSynced: '2026-03-04T14:59:10Z' }, /^Synced at \d/],
    [{ state: 'synced', pending: 0, conflicts: 0, at, lastSynced: at, checked: '2026-03-04T14:59:30Z' }, /^Synced at \d/],
    [{ state: 'synced', pending: 0, conflicts: 1, at, lastSynced: '2026-03-04T14:59:30Z' }, /^Not synced: waiting for your choice/],
  ]) {
    const d = describe(status, now, { checked: status && status.checked });
    if (want instanceof RegExp) assert.match(d.text, want);
    else assert.equal(d.text, want);
    assert.equal(d.signIn, !status || status.state === 'signed-out');
  }
  const fresh = { state: 'synced', pending: 0, conflicts: 0, at, lastSynced: '2026-03-04T14:59:30Z' };
  assert.equal(describe(fresh, now).state, 'synced');
  assert.equal(describe(fresh, now, { conflicts: 2 }).state, 'conflict', 'the popup\'s own count of conflicts wins');
  assert.equal(describe({ ...fresh, lastSynced: at }, now).state, 'stale');
});

test('offline says what to do: nothing when only the connection is in the way, else sign in or choose', () => {
  const now = new Date('2026-03-04T15:00:00Z');
  const at = '2026-03-04T14:03:00Z';
  const off = { state: 'offline', pending: 3, conflicts: 0, at, lastSynced: '2026-03-04T10:42:00Z', error: 'cannot reach http://sync.test (Failed to fetch)' };
  assert.match(offlineHint(off, 0), /^3 changes stay on this device and papergist sends them on its own .*: nothing to do\.$/);

  // A network login page (account.networkInTheWay): the line says so, the tooltip how, and never "nothing to do".
  const portal = { ...off, code: 'network_login', error: 'your server http://sync.test answered with a web page, not papergist (HTTP 200): a network login page may be in the way; open any web page in a tab to sign in to the network' };
  assert.equal(describe(portal, now).text, 'Offline — sign in to the network');
  assert.equal(describe(portal, now, { conflicts: 2 }).text, 'Offline — sign in to the network');
  for (const c of [0, 2]) {
    const hint = offlineHint(portal, c);
    assert.match(hint, /network login page is in the way: open any web page in a tab to sign in to the network\. 3 changes stay/);
    assert.doesNotMatch(hint, /nothing to do|on its own/);
  }

  // Conflicts shown beside the line: no last sync in the line (it would wrap), and the tooltip does not promise
  // that everything goes out on its own.
  assert.equal(describe(off, now, { conflicts: 2 }).text, 'Offline — 3 changes kept');
  assert.equal(describe({ ...off, pending: 0 }, now, { conflicts: 1 }).text, 'Offline — changes are kept here');
  assert.match(describe(off, now, { conflicts: 0 }).text, /^Offline — 3 changes kept; last sync at \d/);
  const hint = offlineHint(off, 2, now);
  assert.match(hint, /2 conflicts wait for your choice: they go out only once you choose\. Last sync at \d/);
  assert.doesNotMatch(hint, /nothing to do/);
  assert.match(offlineHint({ ...off, pending: 1 }, 1), /^1 change stays .*1 conflict waits for your choice: it goes out only once you choose/);
});
