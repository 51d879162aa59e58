// A saved paper's record: the wire item plus local fields, which edits are marked for the next push, and the upgrade
// of records stored by the extension before this shape (testdata/records-v1.json, captured from that extension).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  NAMES, fromItem, adoptClean, markDirty, dirtyFields, same, valueOf, upgrade, isCurrent, splitPaper, MAX_VENUE, lessFull,
} from './record.js';
import { LIMITS } from '../background/pull-validate.js';

const item = {
  id: 'arxiv:1706.03762', title: 'Attention Is All You Need', authors: ['A. Vaswani'], abstract: 'We propose.',
  url: 'https://arxiv.org/abs/1706.03762', pdf_url: '', tldr: 'Transformers.', keyphrases: ['attention'],
  tags: ['nlp'], note: 'classic', read: true, saved_at: '2026-01-02T03:04:05Z', updated_at: '2026-01-02T03:04:05Z', version: 7,
};

const { records: v1 } = JSON.parse(readFileSync(new URL('./testdata/records-v1.json', import.meta.url), 'utf8'));

/** The JSON names of a Go struct's fields in shared/syncproto/syncproto.go, in order. */
function wireNames(struct) {
  const src = readFileSync(new URL('../../shared/syncproto/syncproto.go', import.meta.url), 'utf8');
  const body = src.match(new RegExp(`type ${struct} struct \\{([\\s\\S]*?)\\n\\}`))[1];
  return [...body.matchAll(/json:"([a-z_]+)/g)].map((m) => m[1]);
}

test('the synced fields are the ones syncproto.Change sets, and a record holds every field of syncproto.Item', () => {
  // lifted says how some of a change's values came (sync.js pushBatch), it is no field of the item
  assert.deepEqual([...NAMES].sort(), wireNames('Change').filter((n) => !['id', 'base_version', 'lifted'].includes(n)).sort());
  const rec = fromItem({ id: 'x', version: 1, updated_at: '2026-01-01T00:00:00Z', dispute: { fields: ['note'], values: {}, at: '' } });
  assert.deepEqual(wireNames('Item').filter((n) => !Object.hasOwn(rec, n)), []);
});

test('a record made from an item is the item, with no local edits', () => {
  const rec = fromItem(item);
  assert.deepEqual(rec, { ...item, published: '', venue: '', meta: {}, sync: { dirty: {} } }, 'an item from an older server has them empty');
  assert.deepEqual(fromItem({ ...item, published: '2017-06', venue: 'NeurIPS' }), { ...item, published: '2017-06', venue: 'NeurIPS', meta: {}, sync: { dirty: {} } });
  assert.deepEqual(dirtyFields(rec), []);
  assert.equal(fromItem({ ...item, shelf: 'b' }).shelf, 'b', 'a field this version does not know is kept');
});

test('missing fields read as empty values, in records and items alike', () => {
  assert.deepEqual(valueOf({}, 'tags'), []);
  assert.equal(valueOf({}, 'read'), false);
  assert.equal(valueOf({}, 'note'), '');
  assert.equal(valueOf(fromItem({ id: 'x', version: 1 }), 'title'), '');
});

test('an edit marks only the fields it changed, each edit with a mark never given before', () => {
  const prev = fromItem(item);
  const next = structuredClone(prev);
  next.note = 'changed';
  next.tags = ['nlp']; // same set
  markDirty(prev, next);
  assert.deepEqual(Object.keys(next.sync.dirty), ['note']);
  const first = next.sync.dirty.note;
  const again = structuredClone(next);
  again.note = 'changed twice';
  markDirty(next, again);
  assert.ok(again.sync.dirty.note > first, 'edited again: a new mark');
  // acknowledged (a push's answer clears the mark it sent), then edited again: a mark unlike the one acknowledged,
  // which a stored batch replayed later would otherwise acknowledge, losing this edit
  const acked = structuredClone(again);
  delete acked.sync.dirty.note;
  const third = structuredClone(acked);
  third.note = 'changed a third time';
  markDirty(acked, third);
  assert.ok(![first, again.sync.dirty.note].includes(third.sync.dirty.note), 'a mark is never given twice');
  assert.ok(Number.isSafeInteger(third.sync.dirty.note), 'marks stay exact as JSON numbers');
  assert.deepEqual(Object.keys(markDirty(undefined, fromItem(item)).sync.dirty).sort(), [...NAMES].sort(), 'a new paper: every field');
});

test('adoptClean takes the server value of every field not edited here', () => {
  const rec = fromItem(item);
  rec.note = 'mine';
  rec.sync.dirty = { note: 1 };
  adoptClean(rec, { ...item, note: 'theirs', tags: ['nlp', 'transformers'], updated_at: '2026-02-01T00:00:00Z' });
  assert.equal(rec.note, 'mine');
  assert.deepEqual(rec.tags, ['nlp', 'transformers']);
  assert.equal(rec.updated_at, '2026-02-01T00:00:00Z');
});

test('same compares tags as sets and times as instants', () => {
  assert.ok(same('tags', ['b', 'a'], ['a', 'b']));
  assert.ok(same('saved_at', '2026-01-02T03:04:05Z', '2026-01-02T04:04:05+01:00'));
  assert.ok(!same('note', 'a', 'b'));
  assert.ok(same('note', undefined, null));
});

test('splitPaper keeps the item fields of a page paper and puts the rest in meta', () => {
  const { fields, meta } = splitPaper({ id: 'arxiv:1', title: 'T', authors: ['A'], url: 'u', arxiv_id: '1', version: 'v2', locator: {} });
  assert.deepEqual(fields, { title: 'T', authors: ['A'], url: 'u', abstract: '', pdf_url: '', published: '', venue: '' });
  assert.deepEqual(meta, { arxiv_id: '1', version: 'v2', locator: {} });
  const dated = splitPaper({ id: 'doi:10.1/x', title: 'T', published: '2019-06-02', venue: 'Nature', doi: '10.1/x' });
  assert.deepEqual([dated.fields.published, dated.fields.venue, dated.meta], ['2019-06-02', 'Nature', { doi: '10.1/x' }], 'both on the wire');
  const odd = splitPaper({ id: 'doi:10.1/x', title: 'T', published: 'June 2019' });
  assert.deepEqual([odd.fields.published, odd.meta], ['', { published: 'June 2019' }], 'a date the server would refuse stays on this device');
});


/** The old shape of a record, written back from the new one: what the test holds upgrade() to lose nothing of. */
function downgrade(rec) {
  const { id, title, authors, abstract, url, pdf_url, tldr, keyphrases, tags, note, read, saved_at, version, dispute, meta, sync } = rec;
  const old = {
    id, paper: { id, title, authors, abstract, url, pdf_url, ...meta }, tldr, keyphrases, tags, note, read,
    savedAt: saved_at, version, dirty: sync.dirty,
  };
  if (!abstract && !Object.hasOwn(meta, 'abstract')) delete old.paper.abstract;
  if (dispute !== undefined) old.dispute = dispute;
  if (sync.conflict !== undefined) old.conflict = sync.conflict;
  if (sync.error !== undefined) old.syncError = sync.error;
  return old;
}

test('every record the old extension stored upgrades to the item shape and loses nothing', () => {
  assert.deepEqual(Object.keys(v1).sort(), ['conflict', 'conflict_deleted', 'dispute', 'pending', 'signed_out', 'sync_error', 'synced']);
  for (const [name, old] of Object.entries(v1)) {
    assert.equal(isCurrent(old), false, name);
    const rec = upgrade(structuredClone(old));
    assert.ok(isCurrent(rec), name);
    assert.deepEqual(downgrade(rec), old, `${name}: every value is in the new record`);
    assert.equal(rec.paper, undefined, name);
    assert.equal(rec.savedAt, undefined, name);
    for (const n of NAMES) assert.equal(typeof rec[n], typeof EMPTY_OF[n], `${name}.${n}`);
  }
});
const EMPTY_OF = { title: '', authors: [], abstract: '', url: '', pdf_url: '', tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: '',
  published: '', venue: '' };

test('upgraded records keep what sync needs: pending edits, conflicts, disputes, refusals', () => {
  const pending = upgrade(structuredClone(v1.pending));
  assert.deepEqual(dirtyFields(pending).sort(), ['note', 'read', 'tags']);
  assert.deepEqual([pending.note, pending.tags, pending.read, pending.version], ['pending edit', ['pending'], true, 3]);
  const signedOut = upgrade(structuredClone(v1.signed_out));
  assert.deepEqual(dirtyFields(signedOut).sort(), NAMES.filter((n) => n !== 'published' && n !== 'venue').sort(),
    'a paper saved signed out goes up whole (it had no date or venue)');
  assert.deepEqual(signedOut.meta, { arxiv_id: '2511.80073', categories: ['cs.CL'], locator: { href: 'https://arxiv.org/abs/2511.80073' } });
  const conflict = upgrade(structuredClone(v1.conflict));
  assert.deepEqual(conflict.sync.conflict.fields, ['note']);
  assert.deepEqual([conflict.note, valueOf(conflict.sync.conflict.server, 'note')], ['note from the desktop', 'note from the laptop']);
  assert.equal(upgrade(structuredClone(v1.conflict_deleted)).sync.conflict.server, null);
  assert.deepEqual(upgrade(structuredClone(v1.dispute)).dispute.fields, ['note']);
  assert.match(upgrade(structuredClone(v1.sync_error)).sync.error, /note/);
});

test('upgrade is idempotent: a record in the new shape is returned as it is', () => {
  for (const old of Object.values(v1)) {
    const once = upgrade(structuredClone(old));
    assert.equal(upgrade(once), once);
    assert.deepEqual(upgrade(structuredClone(once)), once);
  }
  const rec = fromItem(item);
  assert.equal(upgrade(rec), rec);
});

test('a record from before sync (no version, no edit marks) upgrades as never synced', () => {
  const rec = upgrade({
    id: 'arxiv:2401.1', paper: { id: 'arxiv:2401.1', title: 'Old', authors: ['A'], url: 'https://arxiv.org/abs/2401.1', locator: {} },
    tldr: 'An old TL;DR.', keyphrases: [], tags: ['old'], note: '', read: false, savedAt: '2026-01-02T03:04:05.000Z',
  });
  assert.deepEqual(rec, {
    id: 'arxiv:2401.1', title: 'Old', authors: ['A'], abstract: '', url: 'https://arxiv.org/abs/2401.1', pdf_url: '',
    tldr: 'An old TL;DR.', keyphrases: [], tags: ['old'], note: '', read: false, saved_at: '2026-01-02T03:04:05.000Z',
    version: 0, meta: { locator: {} }, sync: { dirty: {} }, published: '', venue: '',
  });
});

// Records of the versions that kept published and venue in meta: synced, pending, never synced.
const v2 = (over = {}) => ({
  ...item, meta: { arxiv_id: '1706.03762', published: '2017-06-12', venue: ' NeurIPS 2017 ', locator: {} }, sync: { dirty: {} },
  ...over,
});

test('published and venue move from meta to the wire fields, marked to push, other fields\' sync state untouched', () => {
  const synced = upgrade(v2());
  assert.ok(isCurrent(synced));
  assert.deepEqual([synced.published, synced.venue], ['2017-06-12', 'NeurIPS 2017']);
  assert.deepEqual(synced.meta, { arxiv_id: '1706.03762', locator: {} });
  assert.deepEqual(dirtyFields(synced).sort(), ['published', 'venue']);
  assert.equal(synced.sync.dirty.published, synced.sync.dirty.venue, 'one edit');
  assert.equal(synced.version, 7);
  assert.equal(upgrade(synced), synced, 'once');

  const conflict = { fields: ['note'], server: null, version: 7, at: '' };
  const pending = upgrade(v2({ sync: { dirty: { note: 5, tags: 6 }, conflict, error: 'x' } }));
  assert.deepEqual([pending.sync.dirty.note, pending.sync.dirty.tags, pending.sync.conflict, pending.sync.error], [5, 6, conflict, 'x']);
  assert.deepEqual(dirtyFields(pending).sort(), ['note', 'published', 'tags', 'venue']);

  const unsynced = upgrade(v2({ version: 0, sync: { dirty: Object.fromEntries(NAMES.filter((n) => n !== 'published' && n !== 'venue').map((n) => [n, 1])) } }));
  assert.deepEqual(dirtyFields(unsynced).sort(), [...NAMES].sort(), 'a paper never synced goes up whole, date and venue too');

  const none = upgrade(v2({ meta: { arxiv_id: '1706.03762' } }));
  assert.deepEqual([none.published, none.venue, dirtyFields(none)], ['', '', []], 'nothing to push');

  const odd = upgrade(v2({ meta: { published: 'June 2017', venue: 'v'.repeat(501) } }));
  assert.deepEqual([odd.published, odd.venue, dirtyFields(odd)], ['', '', []], 'what the server would refuse is not pushed');
  assert.deepEqual(odd.meta, { published: 'June 2017', venue: 'v'.repeat(501) }, '… and not lost');

  const old = upgrade({ id: 'doi:10.1/x', paper: { id: 'doi:10.1/x', title: 'T', authors: [], url: '', published: '2019-06', venue: 'Mind' },
    tldr: '', keyphrases: [], tags: [], note: '', read: false, savedAt: '2026-01-01T00:00:00Z', version: 4, dirty: {} });
  assert.deepEqual([old.published, old.venue, dirtyFields(old).sort(), old.meta], ['2019-06', 'Mind', ['published', 'venue'], {}],
    'from the first shape too');
});

test('the upgrade marks as lifts (sync.lifted, with the lift\'s own dirty mark) only the dates and venues it moved, in both shapes', () => {
  const both = upgrade(v2({ sync: { dirty: { note: 5 } } }));
  assert.deepEqual(Object.keys(both.sync.lifted).sort(), ['published', 'venue']);
  for (const f of ['published', 'venue']) assert.equal(both.sync.lifted[f], both.sync.dirty[f], `${f}: the lift's mark`);
  assert.equal(both.sync.dirty.note, 5, 'the note edit is no lift');
  const one = upgrade(v2({ meta: { published: '2017-06', venue: '' } }));
  assert.deepEqual([one.sync.lifted, one.sync.dirty], [{ published: one.sync.dirty.published }, { published: one.sync.dirty.published }],
    'an empty venue is not lifted');
  assert.equal(upgrade(v2({ meta: { published: 'June 2017' } })).sync.lifted, undefined, 'nothing lifted, no lift marks');

  const old = upgrade({ id: 'doi:10.1/x', paper: { id: 'doi:10.1/x', title: 'T', authors: [], url: '', published: '2019-06' },
    tldr: '', keyphrases: [], tags: [], note: 'n', read: false, savedAt: '2026-01-01T00:00:00Z', version: 4, dirty: { note: 3 } });
  assert.deepEqual(old.sync.lifted, { published: old.sync.dirty.published }, 'from the first shape too; no venue, no venue lift');
  assert.equal(old.sync.dirty.note, 3);
  const none = upgrade({ id: 'doi:10.1/y', paper: { id: 'doi:10.1/y', title: 'T', authors: [], url: '' }, savedAt: '', dirty: {} });
  assert.equal(none.sync.lifted, undefined);
});

test('a save of a lifted field marks it anew and drops its lift mark; the other lift stays', () => {
  const up = upgrade(v2());
  const liftMark = up.sync.lifted.venue;
  const next = markDirty(up, { ...structuredClone(up), published: '2017' });
  assert.notEqual(next.sync.dirty.published, up.sync.dirty.published);
  assert.deepEqual(next.sync.lifted, { venue: liftMark });
  assert.deepEqual(up.sync.lifted, { published: liftMark, venue: liftMark }, 'the old record untouched');
  const both = markDirty(next, { ...structuredClone(next), published: '2018', venue: 'Mind' });
  assert.equal(both.sync.lifted, undefined, 'no lift left, no lift marks');
});

test('fields upgrade() does not know are kept, never dropped', () => {
  const rec = upgrade({
    id: 'arxiv:2401.2', paper: { id: 'arxiv:2401.2', title: 'T', authors: [], url: '', locator: {}, doi: '10.1/x', shelf: 3 },
    tldr: '', keyphrases: [], tags: [], note: '', read: false, savedAt: 'last Tuesday', version: 2, dirty: { note: 1 },
    pinned: true, title: 'a stray title', sync: 'not an object',
  });
  assert.deepEqual(rec.meta, { locator: {}, doi: '10.1/x', shelf: 3 });
  assert.equal(rec.pinned, true);
  assert.deepEqual(rec.legacy, { title: 'a stray title', sync: 'not an object' });
  assert.deepEqual([rec.title, rec.saved_at, rec.sync.dirty], ['T', 'last Tuesday', { note: 1 }]);
  const odd = upgrade({ id: 'x', paper: 'just a title', dirty: [1], savedAt: '2026-01-01T00:00:00Z' });
  assert.deepEqual(odd.legacy, { paper: 'just a title', dirty: [1] });
  assert.deepEqual(odd.sync, { dirty: {} });
});

test('a venue goes on the wire trimmed, as the server trims it; one the server refuses stays on this device', () => {
  const nl = splitPaper({ id: 'doi:10.1/x', title: 'T', venue: 'Nature\n' });
  assert.deepEqual([nl.fields.venue, nl.meta], ['Nature', {}], 'a trailing newline is trimmed, not kept in meta');
  const lifted = upgrade({ ...v2({ meta: { venue: ' Nature\r\n' } }) });
  assert.deepEqual([lifted.venue, lifted.meta.venue], ['Nature', undefined]);
  const inside = splitPaper({ id: 'doi:10.1/x', title: 'T', venue: 'Na\nture' });
  assert.deepEqual([inside.fields.venue, inside.meta], ['', { venue: 'Na\nture' }]);
  assert.equal(splitPaper({ id: 'doi:10.1/x', title: 'T', venue: 'v'.repeat(MAX_VENUE) }).fields.venue.length, MAX_VENUE);
  assert.equal(splitPaper({ id: 'doi:10.1/x', title: 'T', venue: 'v'.repeat(MAX_VENUE + 1) }).fields.venue, '');
  assert.equal(LIMITS.venue, MAX_VENUE, 'one limit: what a pull accepts is what a save sends');
});

test('lessFull follows shared/syncproto/testdata/less-full.json, as the server does', () => {
  const vectors = JSON.parse(readFileSync(new URL('../../shared/syncproto/testdata/less-full.json', import.meta.url), 'utf8'));
  assert.ok(vectors.length > 0);
  for (const v of vectors) assert.equal(lessFull(v.field, v.a, v.b), v.less, `${v.field}: ${JSON.stringify(v.a)} less full than ${JSON.stringify(v.b)}`);
});
