// A paper saved (or saved and edited) while signed in to an account but never uploaded (the device offline) is that
// account's once the session ends: signing in to another account asks before it goes there, as for the papers
// synced with it. It used to count as saved while signed out, and went to the other account unasked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, sync, library, otherAccountPapers, local, S, A, session, record, paper, offline, online, refusal } from './testing/claims.js';

test('saved and edited while signed in but offline, then signed out: the next account gets it only with consent', async () => {
  await sync.signedIn(); // the first round of a@example.com's library: nothing to push yet
  assert.equal(server.requests.filter((r) => r === 'POST /v1/sync').length, 0);
  offline();
  await library.save(paper('arxiv:2405.00001', 'Work paper'), {});
  await library.update('arxiv:2405.00001', { note: 'confidential note' });
  const st = await sync.syncNow();
  assert.equal(st.state, 'offline');
  assert.equal((await record('arxiv:2405.00001')).version, 0, 'never uploaded');

  globalThis.fakeIdb.delete('session'); // the SIGN_OUT handler: account.signOut, then sync.signedOut
  await sync.signedOut();
  assert.equal((await record('arxiv:2405.00001')).sync.owner, A, 'stamped as a@example.com\'s');
  // Saved now, signed out: no account's, goes up at the next sign-in, whichever.
  await library.save(paper('arxiv:2405.00002', 'Saved signed out'), {});
  assert.equal((await record('arxiv:2405.00002')).sync.owner, undefined);
  // Edited while signed out: still a@example.com's.
  await library.update('arxiv:2405.00001', { tags: ['later'] });
  assert.equal((await record('arxiv:2405.00001')).sync.owner, A);

  const all = await local.get(null);
  assert.deepEqual(otherAccountPapers(all, S, 'b@example.com'), { from: 'a@example.com', count: 1, unsent: 1 });
  assert.equal(otherAccountPapers(all, S, 'A@Example.com'), null, 'the same account asks nothing');
  const err = await refusal('b@example.com', undefined);
  assert.equal(err && err.code, 'consent_required');
  assert.equal(err.message, 'this browser holds a paper of a@example.com (not uploaded to it yet): agree first to add it to the account you sign in to');
  assert.equal(await refusal('b@example.com', 'add'), null, 'with the consent');
  assert.equal(await refusal('a@example.com', undefined), null, 'the same account again');
});

test('back to the same account: both go up to it, and a later switch asks about both, as synced', async () => {
  online();
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 });
  const st = await sync.signedIn();
  assert.deepEqual([st.state, st.pending], ['synced', 0]);
  assert.equal(server.items.get('arxiv:2405.00001').note, 'confidential note');
  assert.ok(server.items.get('arxiv:2405.00002'), 'the paper saved while signed out went to the account signed in to');
  globalThis.fakeIdb.delete('session');
  await sync.signedOut();
  assert.deepEqual(otherAccountPapers(await local.get(null), S, 'b@example.com'), { from: 'a@example.com', count: 2, unsent: 0 });
});

test('a session the server ended (no sign-out here) stamps its papers at the next sign-in\'s check', async () => {
  online();
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 });
  await sync.signedIn();
  offline();
  await library.save(paper('arxiv:2405.00003', 'Saved offline'), {});
  await sync.syncNow();
  globalThis.fakeIdb.delete('session'); // revoked elsewhere, or the worker stopped before sync.signedOut
  assert.equal((await record('arxiv:2405.00003')).sync.owner, undefined, 'not stamped yet');
  const err = await refusal('b@example.com', undefined);
  assert.equal(err && err.code, 'consent_required');
  assert.match(err.message, /^this browser holds 3 papers of a@example\.com \((\d of them )?not uploaded to it yet\): /);
  assert.equal((await record('arxiv:2405.00003')).sync.owner, A);
});

test('signed in to another account with consent while offline, then out: every paper is that account\'s, unsent', async () => {
  globalThis.fakeIdb.set('session', { ...session, email: 'b@example.com', deviceId: 'dev-2', accessExp: Date.now() + 3600_000 });
  offline();
  await sync.signedIn(); // offline, after the rebase onto b's library: nothing uploaded
  globalThis.fakeIdb.delete('session');
  await sync.signedOut();
  const all = await local.get(null);
  assert.deepEqual(otherAccountPapers(all, S, 'a@example.com'), { from: 'b@example.com', count: 3, unsent: 3 });
  assert.equal(otherAccountPapers(all, S, 'b@example.com'), null);
  assert.equal(server.items.size, 2, 'a@example.com\'s library still holds only its two');
});

test('a paper of an account removed and brought back (Undo) while signed out is still that account\'s', async () => {
  const B = `${S}|b@example.com`;
  const id = 'arxiv:2405.00001';
  const rec = await record(id);
  assert.deepEqual([rec.version, rec.sync.owner, rec.note], [0, B, 'confidential note']);
  await library.remove(id);
  await library.save(paper(id, 'Work paper'), {}); // saved again: the removal's memory brings the note back
  assert.deepEqual([(await record(id)).note, (await record(id)).sync.owner], ['confidential note', B]);
  await library.remove(id);
  await chrome.storage.session.clear(); // the browser restarted: the popup's Undo brings the record's own fields
  await library.save(paper(id, 'Work paper'), {}, { restore: { tags: [], note: 'confidential note', read: false,
    saved_at: rec.saved_at, owner: B } });
  assert.deepEqual([(await record(id)).note, (await record(id)).sync.owner], ['confidential note', B]);
  assert.deepEqual(otherAccountPapers(await local.get(null), S, 'c@example.com'), { from: 'b@example.com', count: 3, unsent: 3 });
});

test('a stamp brought back into another session is that session\'s: a version wins, the end of an offline one restamps', async () => {
  const B = `${S}|b@example.com`;
  online();
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 }); // a@example.com again, with consent
  offline();
  await sync.signedIn(); // rebased onto a's library: every stamp gone
  assert.equal((await record('arxiv:2405.00001')).sync.owner, undefined);
  // b's stamp under a's session: as an older build brought it back (an Undo now keeps another account's fields aside).
  const rec = await record('arxiv:2405.00001');
  await local.set({ 'paper:arxiv:2405.00001': { ...rec, note: 'n', sync: { ...rec.sync, owner: B } } });
  assert.equal((await record('arxiv:2405.00001')).sync.owner, B);
  globalThis.fakeIdb.delete('session');
  await sync.signedOut();
  assert.equal((await record('arxiv:2405.00001')).sync.owner, A, 'not uploaded: a\'s, as the session it was brought back in');
  assert.equal(otherAccountPapers(await local.get(null), S, 'a@example.com'), null);
});
