// node --test: the tag rule against the vectors the Go server's NormalizeTags runs too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalizeTags, trimSpace, byCodePoint } from './saved.js';

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
