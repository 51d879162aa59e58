// The popup's search index over saved papers: every word must match, conflicts first, then newest first, kept in
// step with storage change batches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LibraryIndex, haystack, terms } from './search-index.js';

const rec = (id, savedAt, extra = {}, sync = {}) => ({
  id, title: `Title of ${id}`, authors: ['Ada Lovelace'], abstract: '', url: `https://x/${id}`, pdf_url: '',
  tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: savedAt, version: 0,
  meta: { locator: {} }, sync: { dirty: {}, ...sync }, ...extra,
});

test('terms are the lower-cased words of a query', () => {
  assert.deepEqual(terms('  Dense  RETRIEVAL '), ['dense', 'retrieval']);
  assert.deepEqual(terms(''), []);
});

test('a haystack holds title, authors, tags, note, TL;DR, key phrases and ID', () => {
  const h = haystack(rec('arxiv:1', '2026-01-01T00:00:00Z', { tags: ['NLP'], note: 'Read Me', tldr: 'Short', keyphrases: ['kp one'] }));
  for (const w of ['title of arxiv:1', 'ada lovelace', 'nlp', 'read me', 'short', 'kp one', 'arxiv:1']) assert.ok(h.includes(w), w);
  assert.equal(haystack({ id: 'x' }).includes('undefined'), false, 'a record without a title still indexes');
});

test('search: every word, conflicts first, newest first, applied changes', () => {
  const idx = new LibraryIndex();
  idx.load({
    'paper:a': rec('a', '2026-01-01T00:00:00Z', { tags: ['retrieval'] }),
    'paper:b': rec('b', '2026-03-01T00:00:00Z', { note: 'dense retrieval notes' }),
    'paper:c': rec('c', '2026-02-01T00:00:00Z', { note: 'dense' }, { conflict: { fields: ['note'], server: null, version: 2, at: '' } }),
    'sync:status': { state: 'synced' },
  });
  assert.equal(idx.size, 3, 'only paper keys');
  assert.equal(idx.conflictCount, 1);
  assert.deepEqual(idx.all().map((r) => r.id), ['b', 'c', 'a']);
  assert.deepEqual(idx.search('').map((r) => r.id), ['c', 'b', 'a']);
  assert.deepEqual(idx.search('retrieval').map((r) => r.id), ['b', 'a']);
  assert.deepEqual(idx.search('DENSE retrieval').map((r) => r.id), ['b']);
  assert.deepEqual(idx.search('dense').map((r) => r.id), ['c', 'b']);

  const changed = idx.apply({
    'paper:a': { newValue: rec('a', '2026-04-01T00:00:00Z', { tags: ['retrieval'] }) },
    'paper:c': { oldValue: {} },
    'sync:status': { newValue: {} },
  });
  assert.deepEqual(changed.sort(), ['a', 'c']);
  assert.equal(idx.has('c'), false);
  assert.equal(idx.conflictCount, 0);
  assert.deepEqual(idx.search('retrieval').map((r) => r.id), ['a', 'b'], 'a re-saved paper moves up');
});

test('a record an older version stored (nested paper, savedAt, top-level conflict) is shown as it is meant', () => {
  const idx = new LibraryIndex();
  idx.load({
    'paper:new': rec('new', '2026-02-01T00:00:00Z'),
    'paper:old': { id: 'old', paper: { id: 'old', title: 'An old record', authors: ['Grace Hopper'], url: 'https://x/old', locator: {} },
      tldr: '', keyphrases: [], tags: ['kept'], note: '', read: false, savedAt: '2026-03-01T00:00:00Z', version: 3, dirty: {},
      conflict: { fields: ['note'], server: null, version: 4, at: '' } },
  });
  assert.deepEqual(idx.all().map((r) => r.id), ['old', 'new'], 'ordered by its save time');
  assert.equal(idx.conflictCount, 1);
  assert.deepEqual(idx.search('hopper kept').map((r) => [r.id, r.title]), [['old', 'An old record']]);
});

test('search ignores accents either way: nunez finds Núñez, and Schölkopf finds Scholkopf', () => {
  const idx = new LibraryIndex();
  idx.load({
    'paper:a': rec('a', '2026-01-01T00:00:00Z', { authors: ['José Núñez', 'Bernhard Schölkopf'] }),
    'paper:b': rec('b', '2026-02-01T00:00:00Z', { note: 'ask Scholkopf about the kernel trick', tags: ['café'] }),
    // decomposed (NFD) as some pages give it
    'paper:c': rec('c', '2026-03-01T00:00:00Z', { title: 'Re\u0301sume\u0301 of Ångström units' }),
  });
  assert.deepEqual(idx.search('nunez').map((r) => r.id), ['a']);
  assert.deepEqual(idx.search('NÚÑEZ').map((r) => r.id), ['a']);
  assert.deepEqual(idx.search('schölkopf').map((r) => r.id), ['b', 'a']);
  assert.deepEqual(idx.search('cafe').map((r) => r.id), ['b']);
  assert.deepEqual(idx.search('résumé angstrom').map((r) => r.id), ['c']);
  assert.deepEqual(idx.search('arxiv:1').map((r) => r.id), [], 'IDs and other text still match as they are');
});

test('a record whose lists are not lists is indexed and shown with lists, its storage untouched', () => {
  const idx = new LibraryIndex();
  const bad = rec('b', '2026-01-02T00:00:00Z', { authors: 'Ada Lovelace', tags: 'thesis', keyphrases: null });
  idx.load({ 'paper:a': rec('a', '2026-01-01T00:00:00Z'), 'paper:b': bad });
  assert.deepEqual(idx.search('lovelace thesis').map((s) => s.id), ['b']);
  const shown = idx.get('b');
  assert.deepEqual([shown.authors, shown.tags, shown.keyphrases], [['Ada Lovelace'], ['thesis'], []]);
  assert.equal(bad.authors, 'Ada Lovelace');
  assert.equal(idx.get('a'), idx.get('a'), 'a sound record is the stored one');
  idx.apply({ 'paper:c': { newValue: rec('c', '2026-01-03T00:00:00Z', { authors: [1, 'Grace Hopper'] }) } });
  assert.deepEqual(idx.get('c').authors, ['1', 'Grace Hopper']);
});
