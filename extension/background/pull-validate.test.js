// node --test: pulled items against the server's rules, from the vectors the Go tests run too, plus what only the
// client checks (versions, a page with good and bad items).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkItem, checkPull, LIMITS } from './pull-validate.js';

const shared = JSON.parse(readFileSync(new URL('../../shared/syncproto/testdata/pull-items.json', import.meta.url), 'utf8'));

/** A vector's item with its fills applied. */
function itemOf(v) {
  const item = { ...v.item };
  for (const [k, [prefix, unit, n]] of Object.entries(v.fill || {})) item[k] = prefix + unit.repeat(n);
  for (const [k, [unit, n]] of Object.entries(v.fill_list || {})) item[k] = Array(n).fill(unit);
  return item;
}

test('the field limits are shared/syncproto\'s', () => {
  assert.deepEqual({ ...LIMITS }, shared.limits);
});

test('checkItem agrees with the server on every shared vector', () => {
  assert.ok(shared.vectors.length > 0);
  for (const v of shared.vectors) {
    const item = itemOf(v);
    if (!v.ok) {
      assert.throws(() => checkItem(item), undefined, v.name);
      continue;
    }
    const got = checkItem(item);
    for (const [field, want] of Object.entries(v.normalized || {})) assert.deepEqual(got[field], want, `${v.name}: ${field}`);
  }
});

const good = (i, over = {}) => ({
  id: `arxiv:2401.0000${i}`, title: `Paper ${i}`, authors: [], abstract: '', url: '', pdf_url: '', tldr: '', keyphrases: [],
  tags: [], note: '', read: false, saved_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', version: i, ...over,
});

test('a stored item has exactly the Item fields, whatever else came', () => {
  const raw = JSON.parse(`{"id": "arxiv:2401.00001", "title": "T", "saved_at": "2026-01-01T00:00:00Z", "version": 2,
    "__proto__": {"polluted": true}, "constructor": 1, "extra": "x"}`);
  const item = checkItem(raw);
  assert.deepEqual(Object.keys(item).sort(), ['abstract', 'authors', 'id', 'keyphrases', 'note', 'pdf_url', 'published', 'read',
    'saved_at', 'tags', 'title', 'tldr', 'updated_at', 'url', 'venue', 'version']);
  assert.equal(Object.getPrototypeOf(item), Object.prototype);
  assert.equal(/** @type {any} */ ({}).polluted, undefined);
});

test('versions must be whole numbers above zero', () => {
  for (const version of [0, -1, 1.5, '3', null, 2 ** 53]) assert.throws(() => checkItem(good(1, { version })), /version/, String(version));
});

test('a pull page keeps the good items and reports the bad ones', () => {
  const page = {
    version: 9,
    items: [
      good(1),
      good(2, { id: '__proto__' }),
      good(3, { title: { $gt: '' } }),
      good(4, { note: 'x'.repeat(3_000_000) }),
      good(5, { tags: Array.from({ length: 20_000 }, (_, i) => `t${i}`) }),
      null,
      good(6, { tags: ['B', 'a'] }),
    ],
    deleted: [{ id: 'arxiv:2401.00007', version: 8 }, { id: '__proto__', version: 8 }, { id: 'arxiv:2401.00008', version: 'x' }],
  };
  const { items, deleted, skipped } = checkPull(page);
  assert.deepEqual(items.map((i) => i.id), ['arxiv:2401.00001', 'arxiv:2401.00006']);
  assert.deepEqual(items[1].tags, ['a', 'b']);
  assert.deepEqual(deleted, [{ id: 'arxiv:2401.00007', version: 8 }]);
  assert.deepEqual(skipped.map((s) => [s.id, s.error.split(':')[0]]), [
    ['__proto__', 'id'], ['arxiv:2401.00003', 'title'], ['arxiv:2401.00004', 'note'], ['arxiv:2401.00005', 'tags'],
    ['', 'not an item'], ['__proto__', 'id'], ['arxiv:2401.00008', 'version'],
  ]);
});

test('a dispute keeps known fields, each value by its field\'s rule, and nothing else', () => {
  const item = checkItem(good(1, {
    dispute: { fields: ['note', 'tags'], values: { note: 'from B', tags: [' NLP ', 'nlp'], title: 'not named' }, at: '2026-01-02T00:00:00Z', x: 1 },
  }));
  assert.deepEqual(item.dispute, { fields: ['note', 'tags'], values: { note: 'from B', tags: ['nlp'] }, at: '2026-01-02T00:00:00Z' });
  assert.equal(checkItem(good(1)).dispute, undefined);
  for (const dispute of [
    'x', [], { fields: [] }, { fields: ['__proto__'] }, { fields: ['note'], values: { note: { $gt: '' } } },
    { fields: ['read'], values: { read: 'yes' } }, { fields: ['note'], values: { note: 'n'.repeat(LIMITS.note + 1) } },
  ]) assert.throws(() => checkItem(good(1, { dispute })), /dispute|note|read/, JSON.stringify(dispute).slice(0, 80));
});
