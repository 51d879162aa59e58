// The options page's sync sentence never says "Up to date" while a paper waits for a choice, as the popup's line
// never says "Synced" then (popup/sync-status.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from './status-text.js';
import { describe } from '../popup/sync-status.js';

const now = Date.parse('2026-12-06T18:00:30Z');
const at = '2026-12-06T18:00:00Z';
const st = (more) => ({ state: 'synced', pending: 0, conflicts: 0, disputes: 0, at, lastSynced: at, ...more });

test('synced with a conflict here, or a choice pending on another device: not "Up to date", as in the popup', () => {
  for (const [status, want] of [
    [st({ conflicts: 1 }), 'Not synced: 1 conflict to settle in the toolbar popup (last checked just now).'],
    [st({ conflicts: 3 }), 'Not synced: 3 conflicts to settle in the toolbar popup (last checked just now).'],
    [st({ disputes: 1 }), 'Not synced: another device is choosing between its edit and this one (last checked just now).'],
  ]) {
    assert.equal(statusText(status, now), want);
    assert.match(describe(status, new Date(now)).text, /^Not synced/, 'the popup says the same');
  }
});

test('the other states read as before', () => {
  assert.equal(statusText(st(), now), 'Up to date (last synced just now).');
  assert.equal(statusText(null, now), 'Not synced yet.');
  assert.equal(statusText(st({ state: 'pending', pending: 2 }), now), '2 changes waiting to sync (last synced just now).');
  assert.equal(statusText(st({ state: 'offline', pending: 1, error: 'cannot reach http://x (no connection)' }), now),
    'Offline: cannot reach http://x (no connection). 1 change waiting. papergist retries on its own.');
  assert.equal(statusText(st({ state: 'error', conflicts: 2, error: 'HTTP 500' }), now),
    'Sync failed: HTTP 500. 2 conflicts to settle in the toolbar popup.');
  assert.equal(statusText(st({ state: 'signed-out' }), now), 'Signed out: not syncing.');
});

test('"Up to date" only within a minute of the last check, as the popup\'s "Synced"; older, it says when it last checked', () => {
  const old = st({ lastSynced: '2026-12-06T17:55:30Z' });
  assert.equal(statusText(old, now), 'Last checked 5 minutes ago.');
  assert.equal(describe(old, new Date(now)).state, 'stale', 'the popup says "Last checked" too');
  const woken = st({ lastSynced: '2026-12-03T18:00:00Z' });
  assert.equal(statusText(woken, now), 'Last checked 3 days ago.', 'a laptop woken after days');
  // The long poll answered "no change" 10 s ago: known current, though the last round ran 5 minutes ago.
  assert.equal(statusText(old, now, '2026-12-06T18:00:20Z'), 'Up to date (last synced 5 minutes ago).');
  assert.equal(describe(old, new Date(now), { checked: '2026-12-06T18:00:20Z' }).state, 'synced');
  assert.equal(statusText(st({ lastSynced: '2026-12-06T17:55:30Z', conflicts: 1 }), now, '2026-12-06T18:00:20Z'),
    'Not synced: 1 conflict to settle in the toolbar popup (last checked just now).', 'never "Up to date" by a conflict');
});
