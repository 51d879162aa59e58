// A round that read the session just before a sign-out must not mark the session open again after the sign-out's
// claim (sync.js opened): it did, and the papers saved signed out from then on were stamped as that account's at
// the next claim ("a paper of a@… (not uploaded to it yet)", and a question where none was due).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
fakeServer();
const sync = await import('./sync.js');
const library = await import('./library.js');
const { otherAccountPapers } = await import('../lib/other-account.js');

const local = /** @type {any} */ (chrome.storage.local);
const S = 'http://sync.test';
const record = async (id) => (await local.get(`paper:${id}`))[`paper:${id}`];

test('signed out while a round is under way: the round does not open the session again', async () => {
  await sync.signedIn();
  // Another browser's state: the session is open, but open is not noted (a build before it), so the round notes it.
  const { 'sync:state': st } = await local.get('sync:state');
  delete st.open;
  await local.set({ 'sync:state': st });
  /** @type {any} */ (navigator).onLine = false; // the round ends after opened, before any request
  const get = local.get.bind(local);
  let armed = true;
  local.get = async (keys) => {
    if (armed && (keys === 'sync:state' || (Array.isArray(keys) && keys.includes('sync:state')))) {
      armed = false; // the round read the session already: the user signs out now
      globalThis.fakeIdb.delete('session');
      await sync.signedOut();
    }
    return get(keys);
  };
  try {
    await sync.syncNow();
  } finally {
    local.get = get;
    /** @type {any} */ (navigator).onLine = true;
  }
  assert.equal(armed, false, 'the sign-out came during the round');
  assert.equal((await local.get('sync:state'))['sync:state'].open, undefined, 'no session open');
  await library.save({ id: 'arxiv:2405.00009', title: 'Saved signed out', authors: [], abstract: '', url: 'https://arxiv.org/abs/2405.00009' }, {});
  await sync.claimUnpushed(); // GET_ACCOUNT, a round, or a sign-in's check
  assert.equal((await record('arxiv:2405.00009')).sync.owner, undefined, 'saved signed out: no account\'s');
  assert.equal(otherAccountPapers(await local.get(null), S, 'b@example.com'), null);
});
