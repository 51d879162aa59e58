// The conflict view names each field a conflict can hold in words, never by its wire name ("published").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LABELS } from './conflict.js';
import { NAMES } from '../lib/record.js';

test('every field a conflict can name has a label', () => {
  for (const name of NAMES) assert.ok(LABELS[name], `no label for ${name}`);
  assert.equal(LABELS.published, 'Publication date');
  assert.equal(LABELS.venue, 'Venue');
});
