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
const none = { pending: 0, conflicts: 0, disputes: 0, errors: 0, removals: 0, reason: '' };
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

/** Starts a test from the record clean, read by the index, and its write reported. */
async function knownClean() {
  index.forget();
  await local.set({ [key]: record(false) });
  assert.deepEqual(await index.counts(), none);
  await tick(5); // onChanged told
}

/** Records the keys of every read of named keys (not of the whole library), until the returned function is called. */
const countReads = () => {
  const reads = [];
  local.get = async (keys) => {
    if (keys !== null && keys !== undefined) reads.push([].concat(keys));
    return get(keys);
  };
  return { reads, stop: () => { local.get = get; } };
};

test('what the background wrote is read once: storage\'s later reports of those writes read nothing more', async () => {
  await knownClean();
  const { reads, stop } = countReads();
  try {
    // An edit marks it dirty and names the key (written); its recount reads it. The round's push then marks it clean,
    // named again, and read again. Storage reports both writes after that, in their order: the next recount and the
    // next round's push list need no read.
    held = [];
    await local.set({ [key]: record(true) });
    index.written([key]);
    assert.deepEqual(await index.counts(), one);
    await local.set({ [key]: record(false) });
    index.written([key]);
    assert.deepEqual(await index.counts(), none);
    await tick(5);
    for (const tell of held) tell();
    held = null;
    assert.deepEqual(await index.counts(), none);
    assert.deepEqual(await index.toPush(), []);
    assert.deepEqual(reads, [[key], [key]], 'one read a write, none for their reports');
    // A write from elsewhere (no written()) is read, once, when storage reports it.
    await local.set({ [key]: record(true) });
    await tick(5);
    assert.deepEqual(await index.counts(), one);
    assert.deepEqual(await index.toPush(), [key]);
    assert.deepEqual(reads, [[key], [key], [key]]);
  } finally {
    stop();
    held = null;
  }
  await local.remove(key);
  index.written([key]);
});

test('a write reported while its key is being read is read again: the read may hold the value from before it', async () => {
  await knownClean();
  await local.set({ [key]: record(true) }); // the background's write...
  index.written([key]);
  await tick(5); // ...reported before its read
  const fast = slowReads(30);
  const recount = index.counts(); // reads the dirty record
  await tick(5);
  await local.set({ [key]: record(false) }); // another context cleans it meanwhile: reported during the read, as
  await tick(5); //                            the index held it before the read (clean)
  assert.deepEqual(await recount, one);
  fast();
  assert.deepEqual(await index.counts(), none, 'the clean record, read after the read that held the dirty one');
  await local.remove(key);
  index.written([key]);
});

test('a report of an older write that matches what the index holds does not cancel the read of a newer write it named', async () => {
  await knownClean();
  held = [];
  await local.set({ [key]: record(true) });
  index.written([key]);
  assert.deepEqual(await index.counts(), one); // holds the dirty record
  await local.set({ [key]: record(false) }); // the push's answer cleans it, named
  index.written([key]);
  await tick(5); // both writes reported, held
  held.shift()(); // the report of the dirty write comes first
  assert.deepEqual(await index.counts(), none, 'the clean record, read');
  for (const tell of held) tell();
  held = null;
  await local.remove(key);
  index.written([key]);
});

// The listener drops a read on a report that matches the index because reports of one key come in the order of its
// writes: true while only the background writes records and tombstones (sync-index.js, at the listener). A page that
// wrote one itself would make the index depend on the order the browser gives the reports of two contexts.
test('no page writes a record or a tombstone: outside the background, storage is written only for the popup\'s first screen', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { idOfKey, GONE_PREFIX } = await import('../lib/saved.js');
  const { REMEMBER_KEY } = await import('../popup/first-screen.js');
  const root = new URL('..', import.meta.url).pathname;
  const writes = [];
  for (const dir of ['content', 'lib', 'offscreen', 'onboarding', 'options', 'popup']) {
    for (const name of await readdir(join(root, dir))) {
      if (!name.endsWith('.js') || name.endsWith('.test.js')) continue;
      const text = await readFile(join(root, dir, name), 'utf8');
      for (const m of text.matchAll(/storage\s*\.\s*\w+\s*\.\s*(set|remove|clear)\s*\(\s*([^)]{0,40})/g)) {
        writes.push(`${dir}/${name}: ${m[1]}(${m[2].trim()}`);
      }
      assert.doesNotMatch(text, /=\s*(chrome|browser)\.storage(\.\w+)?\s*[;,\n]/, `${dir}/${name} aliases storage, which this check would miss`);
    }
  }
  assert.deepEqual(writes, ['popup/popup.js: set({ [REMEMBER_KEY]: next }'], 'a new writer: is it of library keys?');
  assert.ok(!REMEMBER_KEY.startsWith(GONE_PREFIX) && idOfKey(REMEMBER_KEY) === null, 'the first-screen key is no library key');
});
