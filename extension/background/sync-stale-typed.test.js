// Text typed in the popup and refused (kept under REFUSED_KEY, shown in the field with "Not saved: ...") stayed in
// the field after another device's newer value of that field synced in: the field showed the older, refused text
// over the library's, and the next keystroke put it back over the other device's. Had the text been saved, that
// later value would have replaced it: the kept text of that field goes, the other fields' kept text stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const sync = await import('./sync.js');
const library = await import('./library.js');
const { typedEdits } = await import('./typed-edits.js');
const { REFUSED_KEY } = await import('../lib/messages.js');
const local = /** @type {any} */ (chrome.storage.local);
const settle = () => new Promise((r) => setTimeout(r, 20));
const kept = async () => Object.keys((await local.get(REFUSED_KEY))[REFUSED_KEY] || {}).sort();
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
const longTag = 't'.repeat(65);

test('another device\'s newer note makes the note refused here stale: it goes, the refused tags stay', async () => {
  await sync.syncNow();
  server.seed([item]);
  assert.equal((await sync.syncNow()).state, 'synced');
  typeAndClose([{ id: item.id, field: 'note', patch: { note: tooLong } }, { id: item.id, field: 'tags', patch: { tags: [longTag] } }]);
  await settle();
  assert.deepEqual(await kept(), [`note\n${item.id}`, `tags\n${item.id}`], 'both refused and kept');

  // A pull that changes neither field (read elsewhere) keeps both.
  server.seed([{ ...server.items.get(item.id), read: true }]);
  await sync.syncNow();
  assert.equal((await stored(item.id)).read, true);
  assert.deepEqual(await kept(), [`note\n${item.id}`, `tags\n${item.id}`]);

  // The note changed on another device: the field shows it, and the refused note is no longer offered over it.
  server.seed([{ ...server.items.get(item.id), note: 'their newer note' }]);
  await sync.syncNow();
  assert.equal((await stored(item.id)).note, 'their newer note');
  assert.deepEqual(await kept(), [`tags\n${item.id}`], 'the note\'s kept text went, the tags\' stays');

  // Tags changed there too: that kept text goes as well.
  server.seed([{ ...server.items.get(item.id), tags: ['ml', 'theory'] }]);
  await sync.syncNow();
  assert.deepEqual(await kept(), []);
});

test('a push whose answer carries another device\'s note makes the note refused here stale too', async () => {
  typeAndClose([{ id: item.id, field: 'note', patch: { note: tooLong } }]);
  await settle();
  assert.deepEqual(await kept(), [`note\n${item.id}`]);
  // Another device changed the note, not pulled yet; this device's read state goes out and the answer has both.
  const there = { ...server.items.get(item.id), note: 'changed while we pushed' };
  server.items.set(item.id, there);
  await library.update(item.id, { read: false });
  await sync.syncNow();
  assert.equal((await stored(item.id)).note, 'changed while we pushed');
  assert.deepEqual(await kept(), []);
});
