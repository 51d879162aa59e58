// The remembered fields of a removed paper (library.js REMOVED_KEY) come back only into the account they came from,
// or while signed out (with that account's stamp): signed in to another account, a plain Save of that paper starts
// it afresh there, the old note left out. It used to bring another account's note into this one unasked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const sync = await import('./sync.js');
const library = await import('./library.js');

const local = /** @type {any} */ (chrome.storage.local);
const S = 'http://sync.test';
const C = `${S}|c@example.com`;
const session = structuredClone(globalThis.fakeIdb.get('session'));
const id = 'arxiv:2405.00007';
const record = async () => (await local.get(`paper:${id}`))[`paper:${id}`];
const remembered = async () => ((await chrome.storage.session.get(library.REMOVED_KEY))[library.REMOVED_KEY] || {})[id];
const paper = { id, title: 'Paper of c', authors: ['A. Author'], abstract: '', url: 'https://arxiv.org/abs/2405.00007' };

test('removed under c@, signed in to a@ since: a Save there starts the paper afresh, c@\'s note kept aside', async () => {
  globalThis.fakeIdb.set('session', { ...session, email: 'c@example.com', deviceId: 'dev-c' });
  await sync.signedIn();
  await library.save(paper, {});
  await library.update(id, { note: 'c\'s private note', tags: ['c-work'] });
  await sync.syncNow();
  await library.remove(id);
  await sync.syncNow(); // the removal pushed: nothing of c@'s is left in the library
  globalThis.fakeIdb.delete('session');
  await sync.signedOut();
  assert.equal((await remembered()).owner, C, 'the memory stamped as c@\'s');

  assert.equal(await sync.chooseForSignIn(S, 'a@example.com', undefined), undefined, 'nothing of c@\'s: no question');
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 }); // a@example.com
  await sync.signedIn();
  await library.save(paper, {}); // the paper's page, Save
  const rec = await record();
  assert.deepEqual([rec.note, rec.tags, rec.sync.owner], ['', [], undefined], 'c@\'s note and tags not brought into a@');
  assert.deepEqual([(await remembered()).note, (await remembered()).owner], ['c\'s private note', C], 'kept aside for c@');
  // The popup's Undo with the fields of a record stamped c@ (an older build's): not brought in either.
  await library.remove(id);
  await library.save(paper, {}, { restore: { tags: ['c-work'], note: 'c\'s private note', read: false,
    saved_at: new Date().toISOString(), owner: C } });
  assert.deepEqual([(await record()).note, (await record()).sync.owner], ['', undefined]);
  await sync.syncNow();
  assert.equal(server.items.get(id).note, '', 'a@\'s library never got c@\'s note');
});

test('removed and saved again within the same session (and signed out, with the stamp): the fields come back', async () => {
  await library.update(id, { note: 'a\'s note' });
  await library.remove(id);
  await library.save(paper, {});
  assert.equal((await record()).note, 'a\'s note', 'Undo within a@\'s session');
  await sync.syncNow();
  await library.remove(id);
  await sync.syncNow();
  globalThis.fakeIdb.delete('session');
  await sync.signedOut();
  await library.save(paper, {});
  assert.deepEqual([(await record()).note, (await record()).sync.owner], ['a\'s note', `${S}|a@example.com`]);
});

/** Saves paper p under c@, gives it a note, syncs, removes it, syncs the removal and signs out (the memory stamped c@). */
async function removedUnderC(p) {
  globalThis.fakeIdb.set('session', { ...session, email: 'c@example.com', deviceId: 'dev-c', accessExp: Date.now() + 3600_000 });
  await sync.signedIn();
  await library.save(p, {});
  await library.update(p.id, { note: 'c note', tags: ['c2'] });
  await sync.syncNow();
  const rec = (await local.get(`paper:${p.id}`))[`paper:${p.id}`];
  await library.remove(p.id);
  await sync.syncNow();
  globalThis.fakeIdb.delete('session');
  await sync.signedOut();
  return rec;
}

test('a Save just after sign-in to a@, before the session is marked open, does not bring c@\'s note in', async () => {
  const p = { ...paper, id: 'arxiv:2405.00008', url: 'https://arxiv.org/abs/2405.00008' };
  await removedUnderC(p);
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 }); // a@, signedIn() not yet run
  await library.save(p, {});
  const rec = (await local.get(`paper:${p.id}`))[`paper:${p.id}`];
  assert.deepEqual([rec.note, rec.tags, rec.sync.owner], ['', [], undefined], 'c@\'s note not brought into a@');
  await sync.signedIn();
  await sync.syncNow();
  assert.equal(server.items.get(p.id).note, '', 'a@\'s library never got c@\'s note');
});

test('the popup\'s Undo of a paper removed under c@, after switching to a@, does not bring c@\'s note in', async () => {
  const p = { ...paper, id: 'arxiv:2405.00009', url: 'https://arxiv.org/abs/2405.00009' };
  const rec = await removedUnderC(p); // the popup keeps the record it removed, as it was then: no stamp
  assert.equal(rec.sync.owner, undefined);
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 }); // a@example.com
  await sync.signedIn();
  // Undo, no other removal in between: the memory (stamped c@) and restore come from the same removal.
  await library.save(p, {}, { restore: { tags: rec.tags, note: rec.note, read: rec.read, saved_at: rec.saved_at,
    owner: rec.sync.owner } });
  const back = (await local.get(`paper:${p.id}`))[`paper:${p.id}`];
  assert.deepEqual([back.note, back.tags, back.sync.owner], ['', [], undefined], 'c@\'s note not brought into a@');
  await sync.syncNow();
  assert.equal(server.items.get(p.id).note, '', 'a@\'s library never got c@\'s note');
});
