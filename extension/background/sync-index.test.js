// A status recount reads the index outside library.exclusive, so a rebase's forget() can land while one of its
// reads is under way (s18 review, finding 4). A read of written keys then threw a TypeError (entries was null), and
// a read of the whole library installed its snapshot from before the rebase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';

/** While held, storage's change reports to the index wait: the browser gives them no order with the reads. */
let held = null;
const addListener = chrome.storage.onChanged.addListener;
chrome.storage.onChanged.addListener = (l) => addListener((...args) => (held ? held.push(() => l(...args)) : l(...args)));
const index = await import('./sync-index.js');
chrome.storage.onChanged.addListener = addListener;
const local = /** @type {any} */ (chrome.storage.local);
const get = local.get.bind(local);
const tick = (ms) => new Promise((r) => setTimeout(r, ms));
/** Makes every read of storage answer ms later, until the returned function is called. */
const slowReads = (ms) => {
  local.get = async (keys) => {
    const got = await get(keys);
    await tick(ms);
    return got;
  };
  return () => { local.get = get; };
};
const key = 'paper:arxiv:2402.00007';
const record = (dirty) => ({ id: 'arxiv:2402.00007', title: 'A Paper', authors: [], tags: [], note: dirty ? 'read it' : '',
  read: false, saved_at: '2026-01-01T00:00:00Z', version: 4, meta: {}, sync: { dirty: dirty ? { note: 1 } : {} } });
const none = { pending: 0, conflicts: 0, disputes: 0, errors: 0, reason: '' };
const one = { ...none, pending: 1 };

test('forget() while written keys are read: the recount answers, from storage as it is', async () => {
  index.forget();
  await local.set({ [key]: record(false) });
  assert.deepEqual(await index.counts(), none);
  await local.set({ [key]: record(true) });
  index.written([key]);
  const fast = slowReads(30);
  const recount = index.counts();
  await tick(5);
  index.forget(); // a rebase ends meanwhile
  const got = await recount;
  fast();
  assert.deepEqual(got, one);
  assert.deepEqual(await index.toPush(), [key]);
  await local.remove(key);
  index.written([key]);
});

test('forget() while the whole library is read: the snapshot from before it is not kept', async () => {
  index.forget();
  await local.set({ [key]: record(false) });
  await tick(5); // onChanged told
  index.forget();
  const fast = slowReads(30);
  const early = index.toPush(); // reads the whole library: the record is clean
  await tick(5);
  fast();
  held = [];
  await local.set({ [key]: record(true) }); // the rebase makes it dirty, then forgets
  index.forget();
  const got = await early;
  for (const tell of held) tell();
  held = null;
  assert.deepEqual(got, [key], 'a read that ends after forget() answers from storage as it is then');
  await local.remove(key);
  index.written([key]);
});
