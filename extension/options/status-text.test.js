// The options page's sync sentence never says "Up to date" while a paper waits for a choice, as the popup's line
// never says "Synced" then (popup/sync-status.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText, isOffline } from './status-text.js';
import { describe, offlineHint } from '../popup/sync-status.js';
import { NETWORK_LOGIN } from '../lib/messages.js';

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

test('offline, and retrying behind a network login page, the page says the popup\'s line and then its tooltip', () => {
  const login = { code: NETWORK_LOGIN, error: 'a network login page is in the way; open any web page in a tab to sign in to the network' };
  for (const [status, line] of [
    [st({ state: 'offline', pending: 1, error: 'cannot reach http://x (no connection)' }), 'Offline — 1 change kept; last sync at '],
    [st({ state: 'offline', pending: 3, refused: 1, refusedRemovals: 1 }), 'Offline — 3 changes kept; 1 refused'],
    [st({ state: 'offline', pending: 2, refused: 2, refusedWhy: 'title is empty' }), 'Offline — 2 changes kept; 2 refused'],
    [st({ state: 'offline', pending: 2, conflicts: 1 }), 'Offline — 2 changes kept'],
    [st({ state: 'offline', pending: 2, ...login }), 'Offline — sign in to the network'],
    // A retry round behind the login page keeps the sign-in line: it said "Syncing…".
    [st({ state: 'syncing', pending: 2, ...login }), 'Offline — sign in to the network'],
  ]) {
    const text = statusText(status, now);
    assert.ok(text.startsWith(line), `${status.state} ${JSON.stringify(status)}: ${text}`);
    const popup = describe(status, new Date(now));
    assert.equal(popup.state, 'offline');
    const hint = offlineHint(status, status.conflicts, new Date(now), undefined, { place: 'the toolbar popup' });
    const why = status.error && status.code !== NETWORK_LOGIN ? ` Why: ${status.error}.` : '';
    assert.equal(text, `${popup.text}. ${hint}${why}`, 'the popup\'s words, line and tooltip, then the error\'s');
  }
  // The page has no list of papers, nor a choice to make: it says where they are.
  for (const status of [st({ state: 'offline', pending: 2, refused: 2, refusedWhy: 'title is empty' }), st({ state: 'offline', pending: 2, conflicts: 1 })]) {
    const text = statusText(status, now);
    assert.match(text, /toolbar popup/, text);
    assert.doesNotMatch(text, /in the list,|your choice:/, text);
  }
  assert.match(statusText(st({ state: 'offline', pending: 2, refused: 1 }), now), /marked "Not synced" in the toolbar popup's list, with why/);
  assert.match(statusText(st({ state: 'offline', pending: 2, conflicts: 2 }), now), /2 conflicts wait for your choice in the toolbar popup: they go out/);
  // Why it is offline stays in view; behind a login page the hint says why already.
  assert.match(statusText(st({ state: 'offline', pending: 1, error: 'cannot reach http://x (HTTP 502 from a proxy or gateway in between)' }), now),
    /nothing to do\. Why: cannot reach http:\/\/x \(HTTP 502 from a proxy or gateway in between\)\.$/);
  assert.match(statusText(st({ state: 'offline', pending: 1, error: 'the server is down for maintenance.' }), now), /Why: the server is down for maintenance\.$/, 'one full stop');
  assert.doesNotMatch(statusText(st({ state: 'offline', pending: 2, ...login }), now), /Why:/);
  assert.match(statusText(st({ state: 'offline', pending: 1 }), now), /1 change stays on this device and papergist sends it on its own/);
  assert.match(statusText(st({ state: 'offline', pending: 3, refused: 1, refusedRemovals: 1 }), now),
    /whose removal the server refused is removed here only/, 'the refused removal and what to do about it');
  assert.match(statusText(st({ state: 'syncing', pending: 2, ...login }), now), /open any web page in a tab to sign in to the network/);
  assert.equal(isOffline(st({ state: 'syncing', pending: 2, ...login }), now), true, 'shown as offline (data-sync-state, colour)');
  assert.equal(statusText(st({ state: 'syncing', pending: 2 }), now), 'Syncing…', 'a round that papergist answers');
  assert.equal(isOffline(st({ state: 'syncing' }), now), false);
});
