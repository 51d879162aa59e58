// The popup's sync line decides from the status's state (its code, its counts), never from its words, and says a
// date the way a reader takes it: today's time, yesterday, a day this year, or a day with its year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, offlineHint, when } from './sync-status.js';
import { NETWORK_LOGIN, NETWORK_SIGN_IN } from '../lib/messages.js';

/** Local times (the popup's calendar days are the browser's time zone's). */
const local = (y, m, d, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

test('the last sync says today\'s time, yesterday, a day this year, or a day with its year', () => {
  const now = local(2026, 12, 7, 9, 30);
  const yesterday = ` ${new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-1, 'day')}`;
  assert.match(when(local(2026, 12, 7, 8, 5).toISOString(), now), /^ at \S*\d/);
  assert.equal(when(local(2026, 12, 6, 23, 59).toISOString(), now), yesterday);
  assert.equal(when(local(2026, 12, 6, 0, 1).toISOString(), now), yesterday);
  const thisYear = when(local(2026, 12, 5).toISOString(), now);
  assert.match(thisYear, /^ on \S/);
  assert.doesNotMatch(thisYear, /2026/, 'this year\'s day needs no year');
  // A year ago to the day read "on 7 Dec", as if today's date: it says its year.
  assert.match(when(local(2025, 12, 7).toISOString(), now), /^ on .*2025/);
  assert.match(when(local(2025, 12, 30).toISOString(), now), /^ on .*2025/);
  // Across the new year: 31 December is yesterday on 1 January, and the 30th has its year.
  const newYear = local(2027, 1, 1, 0, 10);
  assert.equal(when(local(2026, 12, 31, 22).toISOString(), newYear), yesterday);
  assert.match(when(local(2026, 12, 30).toISOString(), newYear), /^ on .*2026/);
  for (const bad of [undefined, '', 'not a date']) assert.equal(when(bad, now), '');

  // In the lines that say it.
  const st = { state: 'offline', pending: 2, conflicts: 0, at: now.toISOString(), lastSynced: local(2025, 11, 3).toISOString() };
  assert.match(describe(st, now).text, /^Offline — 2 changes kept; last sync on .*2025$/);
  assert.equal(describe({ ...st, lastSynced: local(2026, 12, 6, 18).toISOString() }, now).text, `Offline — 2 changes kept; last sync${yesterday}`);
  const old = { state: 'synced', pending: 0, conflicts: 0, at: local(2025, 11, 3).toISOString(), lastSynced: local(2025, 11, 3).toISOString() };
  assert.match(describe(old, now).text, /^Last checked on .*2025$/);
});

test('a network login page in the way is the status\'s code, whatever its words', () => {
  const now = local(2026, 12, 7, 9, 30);
  const off = { state: 'offline', pending: 3, conflicts: 0, at: now.toISOString() };
  // The code, with the words of a language or version that says it otherwise: still a login page.
  const login = { ...off, error: 'le réseau demande une connexion', code: NETWORK_LOGIN };
  assert.equal(describe(login, now).text, 'Offline — sign in to the network');
  assert.match(offlineHint(login, 0, now), new RegExp(`^A network login page is in the way: ${NETWORK_SIGN_IN}\\. 3 changes stay on this device until then\\.$`));
  // The words without the code (a server's own message that quotes them, say): not a login page.
  const words = { ...off, error: `cannot reach http://sync.test (no connection); ${NETWORK_SIGN_IN}` };
  assert.equal(describe(words, now).text, 'Offline — 3 changes kept');
  assert.match(offlineHint(words, 0, now), /nothing to do\.$/);
  assert.match(offlineHint({ ...words, pending: 1 }, 0, now), /^1 change stays on this device and papergist sends it on its own/, 'one change: "it"');
  assert.match(offlineHint({ ...words, pending: 2 }, 0, now), /^2 changes stay on this device and papergist sends them on its own/);
  // A conflict and a refused paper wait behind the login page too: the tooltip says so.
  const hint = offlineHint({ ...login, refused: 2, refusedWhy: '"Paper 1": note: too long' }, 1, now);
  assert.match(hint, /until then\. 1 conflict waits for your choice: .* 2 papers the server refused are marked "Not synced" in the list, with why: remove them, or edit their note or tags if that is why\. The first refused: "Paper 1": note: too long\.$/);
});

test('a retry round behind a login page keeps the line: no "Syncing…" between two sign-in lines', () => {
  const now = local(2026, 12, 7, 9, 30);
  const retry = { state: 'syncing', pending: 3, conflicts: 0, at: now.toISOString(), error: 'a login page', code: NETWORK_LOGIN };
  assert.deepEqual(describe(retry, now), { state: 'offline', text: 'Offline — sign in to the network', signIn: false });
  assert.equal(describe({ ...retry, code: undefined, error: undefined }, now).text, 'Syncing…');
});

test('what answered is said, not "Offline": the server\'s own 503 is a server error, a proxy\'s page cannot reach it; the last sync is in the tooltip', () => {
  const now = local(2026, 12, 7, 9);
  const last = local(2026, 12, 7, 8, 30);
  const st = { state: 'offline', pending: 2, conflicts: 0, at: now.toISOString(), lastSynced: last.toISOString(), code: 'unavailable',
    error: 'the server cannot store data right now; retry later' };
  assert.deepEqual(describe(st, now), { state: 'offline', text: 'Server error — 2 changes kept', signIn: false });
  assert.equal(describe({ ...st, refused: 1 }, now).text, 'Server error — 2 changes kept; 1 refused');
  const proxy = { ...st, code: 'gateway_page', error: 'cannot reach http://sync.test (HTTP 502 from a proxy or gateway in between)' };
  assert.equal(describe(proxy, now).text, 'Can\'t reach the server — 2 changes kept');
  assert.equal(describe({ ...proxy, refused: 1 }, now).text, 'Can\'t reach the server — 1 refused', 'one line in the popup');
  const at = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(last);
  for (const s of [st, proxy]) {
    assert.equal(offlineHint(s, 0, now), `2 changes stay on this device and papergist sends them on its own once the server answers: nothing to do. Last sync at ${at}.`);
  }
});

test('papers the server refused are said offline, in the line and its tooltip', () => {
  const now = local(2026, 12, 7, 9, 30);
  const st = { state: 'offline', pending: 0, conflicts: 0, at: now.toISOString(), lastSynced: local(2026, 12, 7, 8).toISOString(), refused: 2 };
  assert.equal(describe(st, now).text, 'Offline — 2 refused');
  assert.equal(describe({ ...st, pending: 12 }, now).text, 'Offline — 12 changes kept; 2 refused');
  const hint = offlineHint(st, 0, now);
  assert.match(hint, /^Changes stay on this device and papergist sends them on its own once the server answers\. 2 papers the server refused are marked "Not synced" in the list, with why: remove them, or edit their note or tags if that is why\. Last sync at \S*\d/);
  assert.doesNotMatch(hint, /nothing to do|edit it to fix/);
  // A paper whose removal was refused is not in the list: the tooltip says it is removed here only and how to keep
  // it, not that it is marked there nor that it comes back; beside a refused edit, each is said as what it is.
  const gone = offlineHint({ ...st, refused: 1, refusedRemovals: 1, refusedWhy: '"Paper 9": its removal (refused)' }, 0, now);
  assert.match(gone, /\. 1 paper whose removal the server refused is removed here only, still saved on the server and your other devices: save it again here to keep it\. The first refused: "Paper 9": its removal \(refused\)\. Last sync/);
  assert.doesNotMatch(gone, /Not synced|remove it|edit|comes? back/);
  const both = offlineHint({ ...st, refused: 3, refusedRemovals: 2 }, 0, now);
  assert.match(both, /\. 1 paper the server refused is marked "Not synced" in the list, with why: remove it, or edit its note or tags if that is why\. 2 papers whose removal the server refused are removed here only, still saved on the server and your other devices: save them again here to keep them\./);
  // A count that is no count says nothing.
  for (const refused of [0, -1, 1.5, '2', null]) assert.doesNotMatch(describe({ ...st, refused }, now).text, /refused/, String(refused));
});

test('offline, the last sync is the last time the library was known current: a long poll\'s answer after the round', () => {
  const now = local(2026, 12, 7, 9, 30);
  const round = local(2026, 12, 7, 8, 0).toISOString();
  const checked = local(2026, 12, 7, 9, 20).toISOString(); // the line said "Synced at 09:20" until the connection went
  const st = { state: 'offline', pending: 2, conflicts: 0, at: now.toISOString(), lastSynced: round };
  assert.notEqual(when(checked, now), when(round, now));
  assert.equal(describe(st, now, { checked }).text, `Offline — 2 changes kept; last sync${when(checked, now)}`);
  assert.match(offlineHint(st, 1, now, checked), new RegExp(`Last sync${when(checked, now)}\\.$`));
  // An older check changes nothing; and none before this library's first sync (sync:checked may be another account's).
  assert.equal(describe(st, now, { checked: local(2026, 12, 7, 7).toISOString() }).text, `Offline — 2 changes kept; last sync${when(round, now)}`);
  assert.equal(describe({ ...st, lastSynced: undefined }, now, { checked }).text, 'Offline — 2 changes kept');
});
