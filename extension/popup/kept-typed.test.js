import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notSavedLine } from './kept-typed.js';

const error = { code: 'invalid', message: 'papergist cannot store this: tags: one is longer than 64 characters or has control characters' };
const rec = (fields) => /** @type {any} */ ({ id: 'arxiv:2403.00001', tags: [], note: '', read: false, version: 3, sync: { dirty: {} }, ...fields });

test('kept refused text says "Not saved" with why, and that the field changed on another device once it has', () => {
  const tags = /** @type {any} */ ({ id: 'arxiv:2403.00001', field: 'tags', patch: { tags: ['x'.repeat(65)] }, error, at: '', base: ['ml'] });
  const why = 'Not saved: papergist cannot store this: tags: one is longer than 64 characters or has control characters';
  assert.equal(notSavedLine(tags, rec({ tags: ['ml'] })), why, 'unchanged since');
  assert.equal(notSavedLine(tags, rec({ tags: ['ml'], note: 'other field' })), why, 'another field changed: not said');
  assert.equal(notSavedLine(tags, rec({ tags: ['ml', 'theory'] })), `${why} — the tags have changed on another device since; saving will ask which to keep.`);
  const note = /** @type {any} */ ({ id: 'arxiv:2403.00001', field: 'note', patch: { note: 'long' }, error: { code: 'invalid', message: 'too long' }, at: '', base: '' });
  assert.equal(notSavedLine(note, rec({ note: 'desktop: short note' })), 'Not saved: too long — the note has changed on another device since; saving will ask which to keep.');
  assert.equal(notSavedLine(note, rec({})), 'Not saved: too long');
  // Kept before the base was recorded: nothing to compare with, nothing claimed.
  const { base, ...old } = note;
  assert.equal(base, '');
  assert.equal(notSavedLine(/** @type {any} */ (old), rec({ note: 'desktop: short note' })), 'Not saved: too long');
});
