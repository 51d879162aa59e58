// Signed in while the browser is offline: the first round's rebase rewrites every record (seconds in a large
// library) before it finds it cannot reach the server. Meanwhile the popup must not say "Signed out" to a user who
// has just signed in: it says offline, which is why nothing is synced yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true });
fakeServer();
const sync = await import('./sync.js');
const { STATUS_KEY } = await import('../lib/messages.js');
const { describe } = await import('../popup/sync-status.js');

const local = /** @type {any} */ (chrome.storage.local);
const status = async () => (await local.get(STATUS_KEY))[STATUS_KEY];

test('offline at sign-in: the status says offline while the first round rewrites the library, not signed out', async () => {
  const item = (n) => ({ id: `arxiv:2403.0000${n}`, title: `Paper ${n}`, authors: [], abstract: '', url: '', pdf_url: '',
    tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: new Date(Date.UTC(2025, 0, n)).toISOString(),
    version: 0, meta: {}, sync: { dirty: {} } });
  await local.set({ 'paper:arxiv:2403.00001': item(1), 'paper:arxiv:2403.00002': item(2),
    [STATUS_KEY]: { state: 'signed-out', pending: 1, conflicts: 0, at: new Date().toISOString() }, // not this account's count
    // Another library's state, synced yesterday: its last sync is not this account's.
    'sync:state': { account: 'https://old.example|b@example.org', since: 40, failures: 0, lastRound: Date.now() - 86_400_000,
      lastSynced: new Date(Date.now() - 86_400_000).toISOString() } });
  // The rebase's read of the whole library takes its time.
  let release = () => {};
  const slow = new Promise((r) => { release = r; });
  const get = local.get.bind(local);
  local.get = async (keys) => {
    if (keys === null) await slow;
    return get(keys);
  };
  const round = sync.signedIn();
  await new Promise((r) => setTimeout(r, 50));
  const meanwhile = await status();
  assert.equal(meanwhile.state, 'offline', 'signed in, not synced yet: offline');
  assert.equal(describe(meanwhile).text, 'Offline — changes are kept here', 'no count before the rebase has counted');
  release();
  const st = await round;
  assert.deepEqual([st.state, st.pending], ['offline', 2], 'after the rebase, every paper waits');
  assert.equal(describe(st).text, 'Offline — 2 changes kept', 'never synced: no last sync');
  assert.equal(st.lastSynced, undefined, 'not the other library\'s last sync');
  assert.equal((await local.get('sync:state'))['sync:state'].lastSynced, undefined);
  local.get = get;
});
