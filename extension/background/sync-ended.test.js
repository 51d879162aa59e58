// The server ends this device's login (revoked from another device) and the long poll's refresh learns it first:
// a sync round that runs before the long poll's status is written finds no session. Its answer (what "Sync now"
// shows) said "Signed out" without why, or a bare "signed out", depending on which ran first; it says "sign in
// again", as the long poll's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sync, online } from './testing/claims.js';

const account = await import('./account.js');

test('a round that finds the session ended by the server says why, whoever learnt it first', async () => {
  const st = await sync.signedIn();
  assert.equal(st.state, 'synced');
  globalThis.fetch = async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'invalid or expired token' } }),
    { status: 401, headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="papergist"' } }); // the server's own (errors.go)
  const poll = await account.api('GET', '/v1/sync/wait').then(() => null, (e) => e); // the long poll's request
  assert.equal(poll.byServer, true);
  online();
  const round = await sync.syncNow(); // before the long poll's endedOnServer has written its status
  assert.equal(round.state, 'signed-out');
  assert.equal(round.error, poll.message);
  assert.match(round.error, /sign in again/);
});
