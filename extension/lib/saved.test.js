// node --test: the tag rule against the vectors the Go server's NormalizeTags runs too, and the library's readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalizeTags, trimSpace, byCodePoint, savedIdList, listInChunks } from './saved.js';

const vectors = JSON.parse(readFileSync(new URL('../../shared/syncproto/testdata/tags.json', import.meta.url), 'utf8'));

test('normalizeTags follows shared/syncproto/testdata/tags.json', () => {
  assert.ok(vectors.length > 0);
  for (const v of vectors) assert.deepEqual(normalizeTags(v.in), v.want, v.name);
});

test('trimSpace trims what Go trims', () => {
  assert.equal(trimSpace('\u0085\u00a0 a b\u3000\n'), 'a b');
  assert.equal(trimSpace('\ufeffa'), '\ufeffa');
});

test('byCodePoint orders astral characters after the BMP', () => {
  assert.deepEqual(['\ud83d\ude00', '\uff21', 'a'].sort(byCodePoint), ['a', '\uff21', '\ud83d\ude00']);
});

// The library's readers that must not read it whole at once: the saved IDs (keys only, with getKeys), the
// chunks of listInChunks (one read per chunk), which the For-you and PDF indexes read it in, each against a fake
// chrome.storage.local.
const library = {
  'paper:arxiv:2401.00001': { id: 'arxiv:2401.00001', title: 'One', saved_at: '2026-01-03T00:00:00Z' },
  'paper:arxiv:2401.00002': { id: 'arxiv:2401.00002', title: 'Two', saved_at: '2026-01-02T00:00:00Z' },
  'paper:doi:10.1000/x': { id: 'doi:10.1000/x', title: 'Three', saved_at: '2026-01-01T00:00:00Z' },
  'gone:arxiv:2301.00009': { id: 'arxiv:2301.00009' },
  'sync:state': { since: 4 },
};

/** A chrome.storage.local over items that records each read's keys (null: all). */
function localArea(items, { getKeys }) {
  const reads = [];
  const area = {
    async get(keys) {
      reads.push(keys);
      const want = keys === null ? Object.keys(items) : keys;
      return Object.fromEntries(want.filter((k) => k in items).map((k) => [k, structuredClone(items[k])]));
    },
  };
  if (getKeys) area.getKeys = async () => Object.keys(items);
  globalThis.chrome = /** @type {any} */ ({ storage: { local: area } });
  return reads;
}

test('savedIdList lists the saved IDs from the keys alone, and from every item without getKeys', async (t) => {
  t.after(() => delete globalThis.chrome);
  const want = ['arxiv:2401.00001', 'arxiv:2401.00002', 'doi:10.1000/x'];
  let reads = localArea(library, { getKeys: true });
  assert.deepEqual((await savedIdList()).sort(), want);
  assert.deepEqual(reads, [], 'no item read');
  reads = localArea(library, { getKeys: false });
  assert.deepEqual((await savedIdList()).sort(), want);
  assert.deepEqual(reads, [null]);
});

test('listInChunks reads the saved papers a chunk at a time, each once', async (t) => {
  t.after(() => delete globalThis.chrome);
  const reads = localArea(library, { getKeys: true });
  const chunks = [];
  for await (const chunk of listInChunks(2)) chunks.push(chunk.map((p) => p.id));
  assert.deepEqual(chunks.map((c) => c.length), [2, 1]);
  assert.deepEqual(chunks.flat().sort(), ['arxiv:2401.00001', 'arxiv:2401.00002', 'doi:10.1000/x']);
  assert.equal(reads.length, 2, 'one read per chunk');
  assert.ok(reads.every((keys) => Array.isArray(keys) && keys.length <= 2 && keys.every((k) => k.startsWith('paper:'))));
});

test('listInChunks yields one empty chunk for an empty library, and chunks of every item without getKeys', async (t) => {
  t.after(() => delete globalThis.chrome);
  localArea({ 'sync:state': {} }, { getKeys: true });
  const empty = [];
  for await (const chunk of listInChunks(2)) empty.push(chunk);
  assert.deepEqual(empty, [[]]);
  localArea(library, { getKeys: false });
  const chunks = [];
  for await (const chunk of listInChunks(2)) chunks.push(chunk.map((p) => p.id));
  assert.deepEqual(chunks, [['arxiv:2401.00001', 'arxiv:2401.00002'], ['doi:10.1000/x']], 'newest first, as list gives them');
});
