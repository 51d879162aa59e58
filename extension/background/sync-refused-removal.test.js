// A removal the server refuses (its push answered 400 as a whole, or its result "invalid") used to be dropped with a
// console line: the paper was gone here and still on the server and the other devices, and nobody was told. It
// is kept and shown as a refused edit is (sync:status "error", with the paper and why) until the paper is saved
// here again or removed on the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const sync = await import('./sync.js');
const library = await import('./library.js');
const local = /** @type {any} */ (chrome.storage.local);
const item = (n) => ({ id: `arxiv:2403.0000${n}`, title: `Paper ${n}`, authors: [], abstract: '', url: '', pdf_url: '',
  tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: new Date(Date.UTC(2025, 0, n)).toISOString() });
const pushes = () => server.requests.filter((r) => r === 'POST /v1/sync').length;

for (const [n, how] of /** @type {const} */ ([[1, 'result'], [2, 'push']])) {
  test(`a removal refused by the server (${how === 'push' ? 'the push answered 400' : 'its result "invalid"'}) is shown, not dropped`, async () => {
    await sync.syncNow();
    server.seed([item(n)]);
    assert.equal((await sync.syncNow()).state, 'synced');
    server.refusals.set(item(n).id, how);
    await library.remove(item(n).id);
    let st = await sync.syncNow();
    assert.equal(server.items.get(item(n).id).deleted, undefined, 'the server keeps the paper');
    assert.equal(st.state, 'error', 'the status says the removal did not happen there');
    assert.match(st.error, /"Paper \d": its removal/);
    assert.ok((await local.get(`gone:${item(n).id}`))[`gone:${item(n).id}`].error, 'the refusal is kept');
    // Not sent again and again: it waits, as a refused edit does.
    const before = pushes();
    st = await sync.syncNow();
    assert.equal(pushes(), before);
    assert.equal(st.state, 'error');
    // Saved here again (Undo): on both sides, and nothing is refused any more.
    server.refusals.delete(item(n).id);
    await library.save(item(n), {});
    // The server still has the paper, with the fields other devices keep: the save here is a new one (version 0),
    // which the server meets as a conflict on any field that differs, never an edit at its version that would
    // overwrite its note and tags with this save's blanks on every device.
    assert.equal((await local.get(`paper:${item(n).id}`))[`paper:${item(n).id}`].version, 0);
    st = await sync.syncNow();
    assert.deepEqual([st.state, st.error], ['synced', undefined]);
    assert.equal(server.items.get(item(n).id).deleted, undefined);
  });
}

test('a removal answered with a status the client does not know is tried again, not taken for a refusal', async () => {
  await sync.syncNow();
  server.seed([item(3)]);
  await sync.syncNow();
  server.refusals.set(item(3).id, 'later');
  await library.remove(item(3).id);
  let st = await sync.syncNow();
  assert.notEqual(st.state, 'error', 'nothing was refused');
  const tomb = (await local.get(`gone:${item(3).id}`))[`gone:${item(3).id}`];
  assert.ok(tomb && !tomb.error, 'the removal waits to be sent again');
  server.refusals.delete(item(3).id);
  st = await sync.syncNow();
  assert.equal(st.state, 'synced');
  assert.equal(server.items.get(item(3).id).deleted, true, 'sent again, and done');
  assert.equal((await local.get(`gone:${item(3).id}`))[`gone:${item(3).id}`], undefined);
});
