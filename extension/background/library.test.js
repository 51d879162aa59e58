// A worker stopped between the two writes of a removal (the tombstone, then the record's deletion) or of a
// save (the record, then the tombstone's deletion): the next worker's start finishes what the user did.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';

// library.js reads the session (account.js) for a save's account: the vendored idb-keyval becomes a Map.
register('./testing/idb-hooks.js', import.meta.url);

/**
 * A chrome.storage area in memory, whose writes can be made to stop the worker (reject); with getKeys, as
 * Chrome 130 and Firefox 143 have, it records which keys were read.
 */
function area({ getKeys = true } = {}) {
  const items = new Map();
  const a = {
    items,
    /** @type {(string[]|null)[]} */ reads: [],
    /** @type {((keys: string[]) => boolean)|null} */ stopAt: null,
    async get(keys) {
      a.reads.push(keys);
      if (keys === null) return Object.fromEntries(structuredClone([...items]));
      const want = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(want.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]));
    },
    async set(obj) {
      if (a.stopAt && a.stopAt(Object.keys(obj))) throw new Error('the worker stopped');
      for (const [k, v] of Object.entries(obj)) items.set(k, structuredClone(v));
    },
    async remove(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      if (a.stopAt && a.stopAt(list)) throw new Error('the worker stopped');
      for (const k of list) items.delete(k);
    },
  };
  if (getKeys) a.getKeys = async () => [...items.keys()];
  return a;
}

let local;
let lives = 0;
const useArea = (opts) => {
  local = area(opts);
  // onChanged: sync-index.js (imported by library.js) listens to it; these tests read the index nowhere.
  globalThis.chrome = /** @type {any} */ ({ storage: { local, session: area(), onChanged: { addListener() {} } } });
};
beforeEach(() => useArea());
afterEach(() => {
  delete globalThis.chrome;
});

/** library.js as a worker that has just started: its own module state (the queue, this life's migration). */
const worker = () => import(`./library.js?life=${++lives}`);

const paper = { id: 'arxiv:2401.00001', title: 'A paper the server has', authors: ['A. Author'], url: 'https://arxiv.org/abs/2401.00001' };
const KEY = `paper:${paper.id}`;
const GONE = `gone:${paper.id}`;

/** A paper saved and synced (version 3, nothing left to push), with the user's tags. */
async function syncedPaper() {
  const lib = await worker();
  await lib.migrate();
  await lib.save(paper, { tldr: 'We do it.' });
  await lib.update(paper.id, { tags: ['thesis'] });
  const rec = local.items.get(KEY);
  rec.version = 3;
  rec.sync.dirty = {};
  local.items.set(KEY, rec);
}

for (const getKeys of [true, false]) {
  test(`a removal cut short between its tombstone and the record's deletion is finished at the next start${getKeys ? '' : ' (no getKeys)'}`, async () => {
    useArea({ getKeys });
    await removalCutShort();
  });
}

test('a worker starts without reading the library whole', async () => {
  await syncedPaper();
  const lib = await worker();
  local.reads.length = 0;
  await lib.migrate();
  assert.deepEqual(local.reads, ['library:schema'], 'no tombstone: the keys alone, then the schema mark');
});

async function removalCutShort() {
  await syncedPaper();
  const lib = await worker();
  await lib.migrate();
  let stopped = false;
  local.stopAt = (keys) => (stopped ||= keys.includes(KEY)); // the record's deletion, and nothing after it, happens
  await assert.rejects(lib.remove(paper.id), (err) => err.code === 'cut_short', 'not said to have failed');
  local.stopAt = null;
  assert.ok(local.items.has(GONE) && local.items.has(KEY), 'both written, as a stop between the two leaves them');

  const next = await worker();
  await next.migrate();
  assert.equal(local.items.has(KEY), false, 'the paper the user removed stays removed');
  assert.deepEqual(local.items.get(GONE).version, 3, 'its deletion still goes to the server');
}

test('a removal whose record deletion fails while the worker goes on is undone: the paper stays, as the user is told', async () => {
  await syncedPaper();
  const lib = await worker();
  await lib.migrate();
  let failed = false;
  // The record's deletion fails once (a storage error), the worker goes on.
  local.stopAt = (keys) => !failed && (failed = keys.includes(KEY));
  await assert.rejects(lib.remove(paper.id), (err) => err.code !== 'cut_short' && /the worker stopped/.test(err.message));
  local.stopAt = null;
  assert.equal(local.items.has(GONE), false, 'no tombstone left to finish it later');

  const next = await worker();
  await next.migrate();
  assert.deepEqual(local.items.get(KEY).tags, ['thesis'], 'the paper the user was told is not removed is still there');
  assert.equal(local.items.has(GONE), false);
});

test('a save cut short between the record and the tombstone\'s deletion keeps the paper', async () => {
  await syncedPaper();
  const lib = await worker();
  await lib.migrate();
  await lib.remove(paper.id);
  assert.ok(local.items.has(GONE) && !local.items.has(KEY));
  local.stopAt = (keys) => keys.includes(GONE); // saved again; the tombstone's deletion never happens
  await assert.rejects(lib.save(paper, { tldr: 'We do it.' }));
  local.stopAt = null;
  assert.ok(local.items.has(GONE) && local.items.has(KEY));

  const next = await worker();
  await next.migrate();
  assert.equal(local.items.has(GONE), false, 'the stale tombstone goes');
  assert.deepEqual(local.items.get(KEY).tags, ['thesis'], 'the paper saved again stays, with its tags');
});

test('an older version\'s tombstone (no mark) beside a record leaves the record', async () => {
  await syncedPaper();
  local.items.set(GONE, { id: paper.id, version: 3 });
  const lib = await worker();
  await lib.migrate();
  assert.ok(local.items.has(KEY));
  assert.equal(local.items.has(GONE), false);
});

test('a paper whose authors or key phrases are not lists of text is refused, and nothing is stored', async () => {
  const lib = await worker();
  await lib.migrate();
  await assert.rejects(lib.save({ ...paper, authors: 'A. Author' }, { tldr: '' }), /authors and key phrases must be lists of text/);
  await assert.rejects(lib.save(paper, { tldr: '', keyphrases: 'one' }), /lists of text/);
  await assert.rejects(lib.save({ ...paper, authors: [{ name: 'A. Author' }] }, {}), /lists of text/);
  assert.equal(local.items.has(KEY), false);
  await lib.save({ ...paper, authors: null }, { tldr: '', keyphrases: null }); // absent: empty lists
  assert.deepEqual([local.items.get(KEY).authors, local.items.get(KEY).keyphrases], [[], []]);
});

test('an edit that reaches update after a pull removed the paper brings it back on its old version; no change does not', async () => {
  await syncedPaper();
  const lib = await worker();
  await lib.migrate();
  const rec = local.items.get(KEY);
  // What sync.js applyPull does with another device's removal of a paper with no edit here.
  lib.removedByPull(rec);
  local.items.delete(KEY);
  await assert.rejects(lib.update(paper.id, { note: rec.note }), /removed on another device/);
  assert.equal(local.items.has(KEY), false, 'nothing typed: it stays removed');
  await lib.update(paper.id, { note: 'typed as it went' });
  const back = local.items.get(KEY);
  assert.deepEqual([back.note, back.tags, back.version, Object.keys(back.sync.dirty)], ['typed as it went', ['thesis'], 3, ['note']],
    'the push sends the note on version 3 and meets the removal');
  await lib.remove(paper.id);
  await assert.rejects(lib.update(paper.id, { note: 'late' }), /is not saved/, 'a removal here is not undone by a late edit');

  // Signed out, or rebased onto another account's library, before the edit came: it brings nothing back.
  await lib.save(paper, {});
  lib.removedByPull(local.items.get(KEY));
  local.items.delete(KEY);
  lib.forgetPulled();
  await assert.rejects(lib.update(paper.id, { note: 'after sign-out' }), /is not saved/);
  assert.equal(local.items.has(KEY), false, 'another library\'s removal stays out');
});

test('a page\'s paper beyond the server\'s limits is saved cut to them, not refused', async () => {
  const { LIMITS } = await import('./pull-validate.js');
  const lib = await worker();
  await lib.migrate();
  // A collaboration's author list, an abstract and a TL;DR with no sentence end, as real pages and the summarizer
  // make them.
  const words = (n) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const big = {
    ...paper, title: words(400), abstract: words(4000),
    authors: Array.from({ length: LIMITS.authors + 200 }, (_, i) => `Author ${i}`).concat(['X'.repeat(LIMITS.author + 5)]),
  };
  const phrases = Array.from({ length: LIMITS.keyphrases + 5 }, (_, i) => `phrase ${i}`);
  phrases.unshift('p'.repeat(LIMITS.keyphrase + 1));
  const rec = await lib.save(big, { tldr: words(600), keyphrases: phrases });
  const stored = local.items.get(KEY);
  assert.equal(stored.title, rec.title);
  assert.ok(stored.title.length <= LIMITS.title && stored.title.endsWith('…'), 'title cut, the cut marked');
  const kept = stored.title.slice(0, -1);
  assert.ok(big.title.startsWith(kept) && big.title[kept.length] === ' ', 'title cut after a whole word');
  assert.ok(stored.abstract.length <= LIMITS.abstract && stored.abstract.endsWith('…'));
  assert.ok(stored.tldr.length <= LIMITS.tldr && stored.tldr.endsWith('…'));
  assert.equal(stored.authors.length, LIMITS.authors, 'the first 1000 authors');
  assert.equal(stored.authors[0], 'Author 0');
  assert.equal(stored.keyphrases.length, LIMITS.keyphrases, 'the first 100 phrases that fit');
  assert.equal(stored.keyphrases[0], 'phrase 0', 'a phrase too long to be one is dropped, not cut');
  // What fits is stored as it is.
  await lib.remove(paper.id);
  const small = await lib.save(paper, { tldr: 'We do it.', keyphrases: ['one'] });
  assert.deepEqual([small.title, small.tldr, small.keyphrases], [paper.title, 'We do it.', ['one']]);
});

test('a value of the wrong kind, or typed beyond the server\'s rules, is refused with why, and never stored', async () => {
  const { LIMITS } = await import('./pull-validate.js');
  const lib = await worker();
  await lib.migrate();
  const refused = [
    [{ ...paper, url: 42 }, {}, /url: not text/],
    [{ ...paper, url: 'javascript:alert(1)' }, {}, /url: not an absolute http\(s\) URL/],
    [{ ...paper, pdf_url: { href: 'https://x.org/a.pdf' } }, {}, /pdf_url: not text/],
    [{ ...paper, title: 'A\u0000title' }, {}, /title: has control characters/],
    [{ ...paper, abstract: ['not', 'text'] }, {}, /abstract: not text/],
  ];
  // the server's "title: must not be empty", after its trim
  await assert.rejects(lib.save({ ...paper, title: ' \u00a0\n' }, {}), /needs an id and a title/);
  for (const [p, summary, why] of refused) {
    await assert.rejects(lib.save(p, summary), (err) => /^papergist cannot store this: /.test(err.message) && why.test(err.message), String(why));
  }
  assert.equal(local.items.has(KEY), false, 'nothing stored');

  await lib.save(paper, { tldr: 'We do it.' });
  await lib.update(paper.id, { note: 'kept' });
  await assert.rejects(lib.update(paper.id, { note: 'n'.repeat(LIMITS.note + 1) }), /note: longer than 100000 characters/);
  await assert.rejects(lib.update(paper.id, { note: 7 }), /note: not text/);
  await assert.rejects(lib.update(paper.id, { tags: ['t'.repeat(LIMITS.tag + 1)] }), /tags: one is longer than 64/);
  await assert.rejects(lib.update(paper.id, { read: 'yes' }), /read: not true or false/);
  assert.deepEqual([local.items.get(KEY).note, local.items.get(KEY).tags, local.items.get(KEY).read], ['kept', [], false]);
});

test('a library of the version that kept date and venue on this device gives them to sync at the next start', async () => {
  const stored = {
    id: 'doi:10.1/x', title: 'Dated', authors: ['A. Author'], abstract: '', url: 'https://example.org/x', pdf_url: '', tldr: '',
    keyphrases: [], tags: ['t'], note: 'n', read: false, saved_at: '2026-01-01T00:00:00Z', version: 4,
    meta: { doi: '10.1/x', published: '2019-06-02', venue: 'Nature' }, sync: { dirty: { note: 9 } },
  };
  local.items.set('paper:doi:10.1/x', structuredClone(stored));
  local.items.set('library:schema', 2);
  const lib = await worker();
  assert.equal(await lib.migrate(), 1);
  const rec = local.items.get('paper:doi:10.1/x');
  assert.deepEqual([rec.published, rec.venue, rec.meta], ['2019-06-02', 'Nature', { doi: '10.1/x' }]);
  assert.deepEqual(Object.keys(rec.sync.dirty).sort(), ['note', 'published', 'venue']);
  assert.equal(rec.sync.dirty.note, 9, 'the pending note edit is as it was');
  assert.equal(rec.version, 4);
  assert.equal(await (await worker()).migrate(), 0, 'once');
});

test('a removal cut short under the version that kept date and venue on this device still wins after the upgrade', async () => {
  const stored = {
    id: 'doi:10.1/x', title: 'Dated', authors: ['A. Author'], abstract: '', url: 'https://example.org/x', pdf_url: '', tldr: '',
    keyphrases: [], tags: ['t'], note: 'n', read: false, saved_at: '2026-01-01T00:00:00Z', version: 4,
    meta: { doi: '10.1/x', published: '2019-06-02', venue: 'Nature' }, sync: { dirty: {} },
  };
  local.items.set('paper:doi:10.1/x', structuredClone(stored));
  // removed 5 s ago; the worker stopped before the record's deletion
  local.items.set('gone:doi:10.1/x', { id: 'doi:10.1/x', version: 4, at: Date.now() * 1000 - 5_000_000 });
  local.items.set('library:schema', 2);
  const lib = await worker();
  await lib.migrate();
  assert.equal(local.items.has('paper:doi:10.1/x'), false, 'the removed paper stays removed');
  assert.equal(local.items.get('gone:doi:10.1/x').version, 4, 'its removal still goes to the server');
});
