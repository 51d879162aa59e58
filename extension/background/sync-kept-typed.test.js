// Text typed in the popup and refused (a note over 100,000 characters, a tag over 64) is kept under REFUSED_KEY and
// is the only copy of what was typed. A sync write that changes that field (another device's value) must not delete
// it: the popup keeps showing it, and its "Not saved" line says that the field has changed on another device since.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const sync = await import('./sync.js');
const { typedEdits } = await import('./typed-edits.js');
const { REFUSED_KEY } = await import('../lib/messages.js');
const { notSavedLine } = await import('../popup/kept-typed.js');
const local = /** @type {any} */ (chrome.storage.local);
const settle = () => new Promise((r) => setTimeout(r, 20));
const kept = async () => (await local.get(REFUSED_KEY))[REFUSED_KEY] || {};
const stored = async (id) => (await local.get(`paper:${id}`))[`paper:${id}`];

/** Types into the popup's fields and closes it: the drafts are applied as it goes. */
function typeAndClose(drafts) {
  const heard = [];
  const gone = [];
  typedEdits(/** @type {any} */ ({ onMessage: { addListener: (f) => heard.push(f) }, onDisconnect: { addListener: (f) => gone.push(f) },
    postMessage() {} }));
  drafts.forEach((m, i) => heard.forEach((f) => f({ seq: i + 1, apply: false, ...m })));
  gone.forEach((f) => f());
}

const item = { id: 'arxiv:2404.00001', title: 'Paper', authors: [], abstract: '', url: '', pdf_url: '', tldr: '',
  keyphrases: [], tags: ['ml'], note: 'first note', read: false, saved_at: '2025-01-01T00:00:00.000Z' };
const tooLong = 'n'.repeat(100_001);
const tags = ['ml', 'vision', 't'.repeat(65)];

test('refused text stays when another device\'s note and tags sync in, and its line says the field changed there', async () => {
  await sync.syncNow();
  server.seed([item]);
  assert.equal((await sync.syncNow()).state, 'synced');
  typeAndClose([{ id: item.id, field: 'note', patch: { note: tooLong } }, { id: item.id, field: 'tags', patch: { tags } }]);
  await settle();
  const note = `note\n${item.id}`;
  const tag = `tags\n${item.id}`;
  assert.deepEqual(Object.keys(await kept()).sort(), [note, tag], 'both refused and kept');
  const noteWhy = `Not saved: ${(await kept())[note].error.message}`;
  assert.equal(notSavedLine((await kept())[note], await stored(item.id)), noteWhy, 'nothing changed elsewhere yet');

  // Another device's note and tags (older or newer: this device cannot tell) sync in.
  server.seed([{ ...server.items.get(item.id), note: 'desktop: short note', tags: ['ml', 'theory'] }]);
  await sync.syncNow();
  const rec = await stored(item.id);
  assert.deepEqual([rec.note, rec.tags], ['desktop: short note', ['ml', 'theory']]);
  const k = await kept();
  assert.deepEqual([k[note] && k[note].patch.note.length, k[tag] && k[tag].patch.tags], [100_001, tags], 'nothing typed is deleted');
  assert.equal(notSavedLine(k[note], rec), `${noteWhy} — the note has changed on another device since; saving will ask which to keep.`);
  assert.equal(notSavedLine(k[tag], rec), `Not saved: ${k[tag].error.message} — the tags have changed on another device since; saving will ask which to keep.`);

  // Refused again after that (more typing): still measured against the value it was first refused over.
  typeAndClose([{ id: item.id, field: 'note', patch: { note: `${tooLong}!` } }]);
  await settle();
  assert.equal(notSavedLine((await kept())[note], await stored(item.id)), `${noteWhy} — the note has changed on another device since; saving will ask which to keep.`);
});

test('kept text made to fit after another device\'s note synced in does not replace it: the user chooses', async () => {
  const id = 'arxiv:2404.00002';
  server.seed([{ ...item, id, note: 'first note' }]);
  await sync.syncNow();
  typeAndClose([{ id, field: 'note', patch: { note: 'm'.repeat(100_005) } }]);
  await settle();
  assert.ok((await kept())[`note\n${id}`], 'refused and kept');
  server.seed([{ ...server.items.get(id), note: 'desktop: important note' }]);
  await sync.syncNow();
  assert.equal((await stored(id)).note, 'desktop: important note');

  // The user shortens the typed text until it fits, and it is applied.
  const mine = 'm'.repeat(5_000);
  typeAndClose([{ id, field: 'note', patch: { note: mine } }]);
  await settle();
  await sync.syncNow();
  assert.equal(server.items.get(id).note, 'desktop: important note', 'the other device\'s note is not overwritten');
  const rec = await stored(id);
  assert.deepEqual([rec.note.length, rec.sync.conflict && rec.sync.conflict.fields, rec.sync.conflict && rec.sync.conflict.server.note],
    [5_000, ['note'], 'desktop: important note'], 'both offered: keep mine or take theirs');
  assert.equal((await kept())[`note\n${id}`], undefined, 'the text is saved here, no longer only kept');

  await sync.resolve(id, 'theirs');
  assert.equal((await stored(id)).note, 'desktop: important note');
  assert.equal(server.items.get(id).note, 'desktop: important note');
});

test('kept text saved with nothing changed elsewhere is an ordinary edit', async () => {
  const id = 'arxiv:2404.00003';
  server.seed([{ ...item, id, note: 'first note' }]);
  await sync.syncNow();
  typeAndClose([{ id, field: 'note', patch: { note: 'm'.repeat(100_005) } }]);
  await settle();
  typeAndClose([{ id, field: 'note', patch: { note: 'fits now' } }]);
  await settle();
  assert.equal((await sync.syncNow()).state, 'synced');
  assert.equal(server.items.get(id).note, 'fits now');
  assert.equal((await stored(id)).sync.conflict, undefined);
});
