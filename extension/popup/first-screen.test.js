// The popup's first screen: which papers it reads before the whole library, and what it remembers for the next
// opening. The popup itself is tested in a real browser (scripts/e2e/tests/popup.test.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LibraryIndex } from './search-index.js';
import { MAX_NEW, REMEMBERED, REMEMBER_KEY, firstScreenIds, forgetMoved, toRemember } from './first-screen.js';

const rec = (id, savedAt, sync = {}) => ({
  id, title: `Title of ${id}`, authors: [], abstract: '', url: '', pdf_url: '', tldr: '', keyphrases: [], tags: [],
  note: '', read: false, saved_at: savedAt, version: 0, meta: { locator: {} }, sync: { dirty: {}, ...sync },
});
const day = (i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString();
const keys = (ids) => ['sync:status', REMEMBER_KEY, ...ids.map((id) => `paper:${id}`), 'gone:x'];

test('nothing remembered, or something malformed: the whole library first', () => {
  for (const r of [undefined, null, 'x', {}, { top: ['a'] }, { top: 'a', ids: [] }, { top: [1], ids: [] }]) {
    assert.equal(firstScreenIds(r, keys(['a'])), null, JSON.stringify(r));
  }
});

test('the remembered papers still saved, then the papers saved since; the others are not read', () => {
  const remembered = { top: ['c', 'b', 'a'], ids: ['a', 'b', 'c', 'old1', 'old2'] };
  // b removed, new1 and new2 saved since
  assert.deepEqual(firstScreenIds(remembered, keys(['old2', 'new1', 'a', 'c', 'old1', 'new2'])), ['c', 'a', 'new1', 'new2']);
  assert.deepEqual(firstScreenIds(remembered, keys([])), [], 'an emptied library reads nothing');
});

test('too many papers new since (a first sync): the whole library first', () => {
  const remembered = { top: ['a'], ids: ['a'] };
  const fresh = Array.from({ length: MAX_NEW + 1 }, (_, i) => `n${i}`);
  assert.equal(firstScreenIds(remembered, keys(['a', ...fresh])), null);
  assert.equal(firstScreenIds(remembered, keys(['a', ...fresh.slice(1)])).length, MAX_NEW + 1);
});

test('what is remembered: the beginning of the list and every ID, written only when it changed', () => {
  const ordered = Array.from({ length: REMEMBERED + 20 }, (_, i) => rec(`p${i}`, day(500 - i)));
  const r = toRemember(undefined, ordered);
  assert.deepEqual(r.top, ordered.slice(0, REMEMBERED).map((s) => s.id));
  assert.deepEqual(r.ids, ordered.map((s) => s.id));
  assert.equal(toRemember(r, ordered), null, 'unchanged');
  assert.equal(toRemember({ ...r, ids: [...r.ids].reverse() }, ordered), null, 'the IDs are a set');
  assert.notEqual(toRemember(r, ordered.slice(1)), null, 'a paper removed');
  assert.notEqual(toRemember(r, [ordered[1], ordered[0], ...ordered.slice(2)]), null, 'the order changed');
  assert.notEqual(toRemember({ top: r.top, ids: [...r.ids.slice(1), 'x'] }, ordered), null, 'another paper');
});

test('the first screen read so is the list the whole library gives, after saves and removals', () => {
  // A library of 300; remembered at one opening; then papers saved, removed, and one outside the first
  // screen edited; the next opening's first screen must begin as the whole list does.
  const all = Array.from({ length: 300 }, (_, i) => rec(`p${i}`, day(i)));
  const store = (papers) => Object.fromEntries(papers.map((p) => [`paper:${p.id}`, p]));
  const full = new LibraryIndex();
  full.load(store(all));
  const remembered = toRemember(undefined, full.search(''));

  const now = [...all.filter((p) => !['p299', 'p290', 'p10', 'p280'].includes(p.id)), rec('n1', day(400)), rec('n2', day(350)),
    { ...rec('p280', day(280)), note: 'edited' }];
  const byId = store(now);
  const ids = firstScreenIds(remembered, Object.keys(byId));
  const first = new LibraryIndex();
  first.load(Object.fromEntries(ids.map((id) => [`paper:${id}`, byId[`paper:${id}`]])));
  const whole = new LibraryIndex();
  whole.load(byId);
  assert.deepEqual(first.search('').slice(0, 50), whole.search('').slice(0, 50));
  assert.equal(first.get('p280').note, 'edited', 'the records are read as they are now');
  assert.equal(ids.length, REMEMBERED - 2 + 2, 'the remembered still saved, and the two new: not the whole library');
});

test('a paper that moved (the background says which) is read as new at the next opening', () => {
  const remembered = { top: ['c', 'b'], ids: ['a', 'b', 'c', 'old'] };
  assert.equal(forgetMoved(remembered, ['new']), null, 'not remembered: nothing to forget');
  assert.equal(forgetMoved(undefined, ['a']), null);
  const next = forgetMoved(remembered, ['old', 'b']);
  assert.deepEqual(next, { top: ['c'], ids: ['a', 'c'] });
  assert.deepEqual(firstScreenIds(next, keys(['a', 'b', 'c', 'old'])), ['c', 'b', 'old']);
});
