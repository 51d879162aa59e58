// The saved papers by PDF URL (pdf-index.js): read once, a chunk at a time, and kept in step with storage's changes.
import { test, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

/** @type {Record<string, any>} */
let items = {};
/** @type {any[]} each read's keys (null: every item) */
let reads = [];
/** @type {(() => void)|null} runs right after a read, as a change landing just after it would */
let afterRead = null;
/** @type {((changes: Record<string, any>, area: string) => void)[]} */
const listeners = [];

globalThis.chrome = /** @type {any} */ ({
  storage: {
    local: {
      async get(keys) {
        reads.push(keys);
        const want = keys === null ? Object.keys(items) : keys;
        const got = Object.fromEntries(want.filter((k) => k in items).map((k) => [k, structuredClone(items[k])]));
        afterRead?.();
        return got;
      },
      async getKeys() {
        return Object.keys(items);
      },
    },
    onChanged: { addListener: (fn) => listeners.push(fn) },
  },
});

/** Writes or removes (value undefined) one stored item and tells the listeners, as chrome.storage does. */
function write(key, value, area = 'local') {
  const oldValue = items[key];
  if (value === undefined) delete items[key];
  else items[key] = value;
  for (const fn of listeners) fn({ [key]: { oldValue, newValue: value } }, area);
}

const paper = (i, pdf = `https://example.org/${i}.pdf`) => ({ id: `arxiv:2401.${String(i).padStart(5, '0')}`, title: `Paper ${i}`,
  pdf_url: pdf, saved_at: '2026-01-01T00:00:00Z', version: 1, sync: { dirty: {} } });

/** @type {typeof import('./pdf-index.js')} */
let pdfIndex;
before(async () => {
  pdfIndex = await import('./pdf-index.js');
});
beforeEach(() => {
  items = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`paper:${paper(i).id}`, paper(i)]));
  items['sync:state'] = { since: 3 };
  reads = [];
  afterRead = null;
  pdfIndex.reset();
});

test('the first lookup reads the library in chunks; the next ones read nothing', async () => {
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/700.pdf'), 'arxiv:2401.00700');
  assert.equal(reads.length, 3, 'three chunks of at most 500');
  assert.ok(reads.every((keys) => Array.isArray(keys) && keys.length <= 500), 'never the whole library in one read');
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/none.pdf'), null);
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/3.pdf'), 'arxiv:2401.00003');
  assert.equal(await pdfIndex.savedFromPDF(''), null);
  assert.equal(reads.length, 3, 'no read after the first');
});

test('saves, removals and a changed PDF URL reach the index without another read', async () => {
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/new.pdf'), null);
  write(`paper:${paper(5000).id}`, paper(5000, 'https://example.org/new.pdf'));
  write(`paper:${paper(7).id}`, undefined);
  write(`paper:${paper(8).id}`, paper(8, 'https://example.org/moved.pdf'));
  write('sync:state', { since: 4 });
  write(`paper:${paper(9).id}`, undefined, 'session'); // another area: not the library
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/new.pdf'), 'arxiv:2401.05000');
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/7.pdf'), null);
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/8.pdf'), null);
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/moved.pdf'), 'arxiv:2401.00008');
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/9.pdf'), 'arxiv:2401.00009');
  assert.equal(reads.length, 3);
});

test('a change made while the library is read is in the index', async () => {
  afterRead = () => {
    if (reads.length !== 1) return;
    write(`paper:${paper(2).id}`, undefined); // in the chunk just read: the change takes it out
    write(`paper:${paper(1100).id}`, undefined); // in a chunk not read yet: the read does not see it
    write(`paper:${paper(6000).id}`, paper(6000)); // after the keys were listed: the change adds it
  };
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/2.pdf'), null);
  assert.equal(reads.length, 3);
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/1100.pdf'), null);
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/6000.pdf'), 'arxiv:2401.06000');
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/3.pdf'), 'arxiv:2401.00003');
});

test('a failed read is tried again at the next lookup', async () => {
  const get = chrome.storage.local.get;
  chrome.storage.local.get = async () => { throw new Error('storage unavailable'); };
  await assert.rejects(pdfIndex.savedFromPDF('https://example.org/1.pdf'), /storage unavailable/);
  chrome.storage.local.get = get;
  assert.equal(await pdfIndex.savedFromPDF('https://example.org/1.pdf'), 'arxiv:2401.00001');
});
