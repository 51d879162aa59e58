// sessionItems reads only the items under its prefix, with getKeys or, where the browser lacks it, from all.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { sessionItems } from './session-items.js';

const items = { 'tab:1': 'arxiv:1', 'tab:2': 'arxiv:2', 'page:1': { doc: ['arxiv:1'] }, 'early:normal https://x': { big: true } };
afterEach(() => {
  delete globalThis.chrome;
});

/** A chrome.storage.session that records which keys were read. */
function session({ getKeys }) {
  const read = [];
  const area = {
    async get(keys) {
      const want = keys === null ? Object.keys(items) : keys;
      read.push(...want);
      return Object.fromEntries(want.filter((k) => k in items).map((k) => [k, items[k]]));
    },
  };
  if (getKeys) area.getKeys = async () => Object.keys(items);
  globalThis.chrome = /** @type {any} */ ({ storage: { session: area } });
  return read;
}

test('with getKeys, only the prefix\'s items are read', async () => {
  const read = session({ getKeys: true });
  assert.deepEqual(await sessionItems('tab:'), { 'tab:1': 'arxiv:1', 'tab:2': 'arxiv:2' });
  assert.deepEqual(read, ['tab:1', 'tab:2']);
  assert.deepEqual(await sessionItems('none:'), {});
});

test('without getKeys, all are read and the prefix\'s kept', async () => {
  session({ getKeys: false });
  assert.deepEqual(await sessionItems('page:'), { 'page:1': { doc: ['arxiv:1'] } });
});
