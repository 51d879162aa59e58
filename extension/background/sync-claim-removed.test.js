// A paper removed while signed in to an account, then saved again (or Undone) after the sign-out, comes back with
// that account's stamp: its note and tags were written under that account, so another account gets them only
// after the consent question. Its removal memory used to carry no stamp (stamps were written only at the end of the
// session, on the papers still there), and the note went to the next account unasked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, sync, library, otherAccountPapers, local, S, A, session, record, paper, offline, online, refusal } from './testing/claims.js';

test('saved offline with a note under a@, removed while signed in, signed out, saved again: b@ is asked', async () => {
  await sync.signedIn();
  offline();
  const id = 'arxiv:2405.00001';
  await library.save(paper(id, 'Work paper'), {});
  await library.update(id, { note: 'confidential note' });
  assert.equal((await sync.syncNow()).state, 'offline');
  await library.remove(id); // while signed in: no stamp yet on the record
  globalThis.fakeIdb.delete('session');
  await sync.signedOut();
  await library.save(paper(id, 'Work paper'), {}); // a plain Save on the page: the removal's memory brings the note
  const rec = await record(id);
  assert.deepEqual([rec.note, rec.version, rec.sync.owner], ['confidential note', 0, A]);
  assert.deepEqual(otherAccountPapers(await local.get(null), S, 'b@example.com'), { from: 'a@example.com', count: 1, unsent: 1 });
  const err = await refusal('b@example.com', undefined);
  assert.equal(err && err.code, 'consent_required');
  assert.match(err.message, /holds a paper of a@example\.com \(not uploaded to it yet\): agree first/, 'worded as the form (heldText)');
  assert.equal(await refusal('a@example.com', undefined), null, 'a@ itself is not asked');
  await library.remove(id); // gone again, signed out (the stamp is remembered as the record's)
});

test('a synced paper with a note removed (removal pushed) while signed in, saved again signed out: a@\'s still', async () => {
  online();
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 });
  const id = 'arxiv:2405.00002';
  await sync.signedIn();
  await library.save(paper(id, 'Synced paper'), {});
  await library.update(id, { note: 'synced note' });
  await sync.syncNow();
  assert.ok((await record(id)).version > 0, 'uploaded');
  await library.remove(id);
  await sync.syncNow();
  assert.equal(server.items.get(id).deleted, true, 'the removal went up');
  globalThis.fakeIdb.delete('session');
  await sync.signedOut();
  await library.save(paper(id, 'Synced paper'), {});
  const rec = await record(id);
  assert.deepEqual([rec.note, rec.sync.owner], ['synced note', A]);
  const err = await refusal('b@example.com', undefined);
  assert.equal(err && err.code, 'consent_required');
  assert.match(err.message, /a@example\.com/);
});

test('stamping the removed papers\' memory fails at sign-out: the claim stops with open still set, and the next one stamps', async () => {
  online();
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 });
  const id = 'arxiv:2405.00003';
  await sync.signedIn();
  await library.save(paper(id, 'Third paper'), {});
  await library.update(id, { note: 'third note' });
  await sync.syncNow();
  await library.remove(id);
  await sync.syncNow();
  globalThis.fakeIdb.delete('session');
  const area = /** @type {any} */ (chrome.storage.session);
  const set = area.set;
  area.set = async () => { throw new Error('QUOTA_BYTES quota exceeded'); };
  try {
    await assert.rejects(sync.signedOut(), /quota/, 'the sign-out step fails, to be tried again');
  } finally {
    area.set = set;
  }
  assert.equal((await local.get('sync:state'))['sync:state'].open, A, 'open kept: the next claim does it all again');
  await sync.claimUnpushed(); // as GET_ACCOUNT, a round or the next start do
  const { [library.REMOVED_KEY]: removed } = await chrome.storage.session.get(library.REMOVED_KEY);
  assert.equal(removed[id].owner, A, 'the memory stamped by the retry');
  assert.equal((await local.get('sync:state'))['sync:state'].open, undefined);
});
