// A tombstone left beside its record (a removal whose record deletion and rollback both failed, s19) was settled
// by two rules: at the next worker start migrate/settle finished the removal when it was newer than every edit
// (removalWins), while a push in the same worker life dropped the tombstone and kept the paper. The outcome
// depended on whether the worker stopped first. Both now ask library.leftover, and give the same result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
const sync = await import('./sync.js');
const { newMark } = await import('../lib/record.js');
const local = /** @type {any} */ (chrome.storage.local);
const settle = () => new Promise((r) => setTimeout(r, 20));

const item = (n) => ({ id: `arxiv:2404.0000${n}`, title: `Paper ${n}`, authors: [], abstract: '', url: '', pdf_url: '',
  tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: new Date(Date.UTC(2025, 0, n)).toISOString() });

/**
 * Stores two leftovers as a stop (or a failed rollback) leaves them, on papers the server has at version v:
 * paper n removed after its last edit (the removal wins), paper n+1 edited after its removal (the edit wins).
 */
async function leftovers(n, v) {
  const clean = { ...item(n), version: v, meta: {}, sync: { dirty: {} } };
  const removedAt = newMark();
  const tomb2 = { id: item(n + 1).id, version: v, at: newMark(), title: item(n + 1).title };
  const edited = { ...item(n + 1), note: 'typed after the removal', version: v, meta: {}, sync: { dirty: { note: newMark() } } };
  const refused = (k) => ({ [`tags\n${item(k).id}`]: { id: item(k).id, field: 'tags', patch: { tags: ['t'.repeat(65)] },
    error: { code: '', message: 'too long' }, at: new Date().toISOString() } });
  await local.set({
    'typed:refused': { ...refused(n), ...refused(n + 1) }, // typed text refused for each (typed-edits.js)
    [`paper:${item(n).id}`]: clean, [`gone:${item(n).id}`]: { id: item(n).id, version: v, at: removedAt, title: item(n).title },
    [`paper:${item(n + 1).id}`]: edited, [`gone:${item(n + 1).id}`]: tomb2,
  });
  await settle(); // onChanged tells the index
}

/** What each side holds of papers n and n+1 after a round. */
async function outcome(n) {
  await sync.syncNow();
  const got = await local.get([`paper:${item(n).id}`, `gone:${item(n).id}`, `paper:${item(n + 1).id}`, `gone:${item(n + 1).id}`]);
  return {
    local: Object.keys(got).map((k) => k.replace(/\d$/, (d) => String(Number(d) - n))).sort(),
    server: [Boolean(server.items.get(item(n).id).deleted), Boolean(server.items.get(item(n + 1).id).deleted)],
    note: server.items.get(item(n + 1).id).note,
    // what is kept of the typed text refused: the removed paper's is forgotten with it
    typed: Object.keys((await local.get('typed:refused'))['typed:refused']).map((k) => k.replace(/\d$/, (d) => String(Number(d) - n))),
  };
}

test('a leftover tombstone is settled the same at the next start and by a push in the same worker', async () => {
  // This library synced before: no rebase, which would drop every tombstone.
  const v = server.seed([1, 2, 3, 4].map(item));
  await local.set({ 'sync:state': { account: 'http://sync.test|a@example.com', since: v, failures: 0, lastRound: 0 } });
  await leftovers(1, v);
  const atStart = await outcome(1); // this worker's first round: migrate/settle sees them first
  await leftovers(3, v);
  const inPush = await outcome(3); // migrate ran already: the push sees them
  const expected = { local: ['paper:arxiv:2404.00001'], server: [true, false], note: 'typed after the removal',
    typed: ['tags\narxiv:2404.00001'] };
  assert.deepEqual(atStart, expected);
  assert.deepEqual(inPush, expected);
});
