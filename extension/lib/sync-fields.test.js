// How a local record's synced fields map to the server's item, and which edits are marked for the next push.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NAMES, fromItem, adoptClean, markDirty, dirtyFields, same, itemValue, get } from './sync-fields.js';

const item = {
  id: 'arxiv:1706.03762', title: 'Attention Is All You Need', authors: ['A. Vaswani'], abstract: 'We propose.',
  url: 'https://arxiv.org/abs/1706.03762', pdf_url: '', tldr: 'Transformers.', keyphrases: ['attention'],
  tags: ['nlp'], note: 'classic', read: true, saved_at: '2026-01-02T03:04:05Z', updated_at: '2026-01-02T03:04:05Z', version: 7,
};

test('a record made from an item gives back every field of it, clean', () => {
  const rec = fromItem(item);
  for (const name of NAMES) assert.deepEqual(get(rec, name), itemValue(item, name), name);
  assert.equal(rec.version, 7);
  assert.deepEqual(dirtyFields(rec), []);
});

test('missing item fields read as empty values', () => {
  assert.deepEqual(itemValue({}, 'tags'), []);
  assert.equal(itemValue({}, 'read'), false);
  assert.equal(itemValue({}, 'note'), '');
});

test('an edit marks only the fields it changed, and counts repeated edits', () => {
  const prev = fromItem(item);
  const next = structuredClone(prev);
  next.note = 'changed';
  next.tags = ['nlp']; // same set
  markDirty(prev, next);
  assert.deepEqual(next.dirty, { note: 1 });
  const again = structuredClone(next);
  again.note = 'changed twice';
  markDirty(next, again);
  assert.deepEqual(again.dirty, { note: 2 });
  assert.deepEqual(Object.keys(markDirty(undefined, fromItem(item)).dirty).sort(), [...NAMES].sort(), 'a new paper: every field');
});

test('adoptClean takes the server value of every field not edited here', () => {
  const rec = fromItem(item);
  rec.note = 'mine';
  rec.dirty = { note: 1 };
  adoptClean(rec, { ...item, note: 'theirs', tags: ['nlp', 'transformers'] });
  assert.equal(rec.note, 'mine');
  assert.deepEqual(rec.tags, ['nlp', 'transformers']);
});

test('same compares tags as sets and times as instants', () => {
  assert.ok(same('tags', ['b', 'a'], ['a', 'b']));
  assert.ok(same('saved_at', '2026-01-02T03:04:05Z', '2026-01-02T04:04:05+01:00'));
  assert.ok(!same('note', 'a', 'b'));
  assert.ok(same('note', undefined, null));
});
