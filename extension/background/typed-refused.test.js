// Refused typed text (REFUSED_KEY) has one writer, typed-refused.js: two modules editing one object (typed-edits.js
// keeping an entry, library.js forgetting by IDs) could each write back what the other had just changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';

test('only typed-refused.js writes the refused typed text', async () => {
  const dir = new URL('./', import.meta.url);
  const writers = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.js') || name.endsWith('.test.js') || name === 'typed-refused.js') continue;
    const src = await readFile(new URL(name, dir), 'utf8');
    if (/import[^;]*\bREFUSED_KEY\b|typed:refused/.test(src)) writers.push(name);
  }
  assert.deepEqual(writers, [], 'these background modules touch REFUSED_KEY themselves');
});
