// The early answers to pages seen lately (recent-pages.js): what a page is answered at its next load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecentPages, MAX_PAGES, MAX_STORED, MAX_HTML, MAX_STORED_HTML, STORED_PREFIX, ORDER_KEY } from './recent-pages.js';
import { answers } from '../lib/messages.js';

const entry = (id) => ({ paper: { id, title: `Paper ${id}`, authors: [], url: `https://arxiv.org/abs/${id}`, locator: {} },
  summary: { tldr: `We study ${id}.`, keyphrases: [] }, abstract: 'page' });
const analysis = (...ids) => ({ site: 'arxiv', entries: ids.map(entry), topics: [{ label: 'topic', paper_ids: ids }] });
const normal = (url) => ({ url, incognito: false });

test('a page seen is answered with its entries, topics, and the saved states of now', async () => {
  const saved = new Set(['2401.00001']);
  const recent = new RecentPages(async () => saved);
  const html = '<html>listing</html>';
  recent.remember(normal('https://arxiv.org/list/a'), html, analysis('2401.00001', '2401.00002'));
  saved.add('2401.00002'); // saved since
  saved.delete('2401.00001');
  const got = await recent.answerFor(normal('https://arxiv.org/list/a'));
  assert.ok(got);
  assert.equal(answers(got, { url: 'https://arxiv.org/list/a', html }), true);
  assert.deepEqual(got.analysis.entries.map((e) => e.paper.id), ['2401.00001', '2401.00002']);
  assert.deepEqual(got.analysis.topics, [{ label: 'topic', paper_ids: ['2401.00001', '2401.00002'] }]);
  assert.deepEqual(got.analysis.saved, ['2401.00002']);
  assert.equal(await recent.answerFor(normal('https://arxiv.org/list/b')), null, 'a page not seen');
});

test('a later state of a page replaces the earlier one', async () => {
  const recent = new RecentPages(async () => new Set());
  recent.remember(normal('https://arxiv.org/list/a'), '<p>1</p>', analysis('1'));
  recent.remember(normal('https://arxiv.org/list/a'), '<p>1 2</p>', analysis('1', '2'));
  const got = await recent.answerFor(normal('https://arxiv.org/list/a'));
  assert.equal(got?.html, '<p>1 2</p>');
  assert.deepEqual(got?.analysis.entries.map((e) => e.paper.id), ['1', '2']);
});

test('a page over MAX_HTML is not remembered, and an earlier state of it is forgotten', async () => {
  const recent = new RecentPages(async () => new Set());
  recent.remember(normal('https://arxiv.org/list/a'), '<p>1</p>', analysis('1'));
  recent.remember(normal('https://arxiv.org/list/a'), `<p>${'1 '.repeat(MAX_HTML)}</p>`, analysis('1'));
  assert.equal(await recent.answerFor(normal('https://arxiv.org/list/a')), null);
  recent.remember(normal('https://arxiv.org/list/b'), `<p>${'x'.repeat(MAX_HTML - 7)}</p>`, analysis('2'));
  assert.ok(await recent.answerFor(normal('https://arxiv.org/list/b')), 'a page of MAX_HTML is');
});

test('a private window and a normal one never hear each other\'s pages', async () => {
  const recent = new RecentPages(async () => new Set());
  recent.remember({ url: 'https://arxiv.org/list/a', incognito: true }, '<p></p>', analysis('1'));
  assert.equal(await recent.answerFor(normal('https://arxiv.org/list/a')), null);
  assert.ok(await recent.answerFor({ url: 'https://arxiv.org/list/a', incognito: true }));
});

test('only the latest pages are kept, and a page seen again counts as latest', async () => {
  const recent = new RecentPages(async () => new Set());
  for (let i = 0; i < MAX_PAGES; i++) recent.remember(normal(`https://arxiv.org/list/${i}`), '<p></p>', analysis(String(i)));
  recent.remember(normal('https://arxiv.org/list/0'), '<p></p>', analysis('0')); // seen again
  recent.remember(normal('https://arxiv.org/list/new'), '<p></p>', analysis('new'));
  assert.equal(recent.pages.size, MAX_PAGES);
  assert.ok(await recent.answerFor(normal('https://arxiv.org/list/0')));
  assert.equal(await recent.answerFor(normal('https://arxiv.org/list/1')), null, 'the oldest went');
  assert.ok(await recent.answerFor(normal('https://arxiv.org/list/new')));
});

/** chrome.storage.session as a Map, structured-cloned both ways; quota: the most bytes of JSON it holds. */
function fakeStore(quota = Infinity) {
  const items = new Map();
  const size = () => [...items.values()].reduce((n, v) => n + JSON.stringify(v).length, 0);
  return {
    items,
    async get(key) {
      return items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
    },
    async set(obj) {
      const before = new Map(items);
      for (const [k, v] of Object.entries(obj)) items.set(k, structuredClone(v));
      if (size() > quota) {
        items.clear();
        for (const [k, v] of before) items.set(k, v);
        throw new Error('QUOTA_BYTES quota exceeded');
      }
    },
    async remove(keys) {
      for (const k of keys) items.delete(k);
    },
  };
}

test('a page is answered from the store once the worker that saw it is gone', async () => {
  const store = fakeStore();
  const html = '<html>listing</html>';
  await new RecentPages(async () => new Set(), store).remember(normal('https://arxiv.org/list/a'), html, analysis('1', '2'));
  const fresh = new RecentPages(async () => new Set(['2']), store); // a new worker: nothing in memory
  const got = await fresh.answerFor(normal('https://arxiv.org/list/a'));
  assert.ok(got);
  assert.equal(answers(got, { url: 'https://arxiv.org/list/a', html }), true);
  assert.deepEqual(got.analysis.saved, ['2']);
  assert.equal(await fresh.answerFor(normal('https://arxiv.org/list/b')), null);
});

test('the store keeps only the latest pages, and a private window\'s none', async () => {
  const store = fakeStore();
  const recent = new RecentPages(async () => new Set(), store);
  for (let i = 0; i <= MAX_STORED; i++) await recent.remember(normal(`https://arxiv.org/list/${i}`), '<p></p>', analysis(String(i)));
  await recent.remember({ url: 'https://arxiv.org/list/private', incognito: true }, '<p></p>', analysis('p'));
  const pages = [...store.items.keys()].filter((k) => k.startsWith(STORED_PREFIX));
  assert.equal(pages.length, MAX_STORED);
  assert.ok(!pages.some((k) => k.includes('private')), 'a private window\'s page was stored');
  assert.equal(store.items.get(ORDER_KEY).length, MAX_STORED);
  const fresh = new RecentPages(async () => new Set(), store);
  assert.equal(await fresh.answerFor(normal('https://arxiv.org/list/0')), null, 'the oldest went');
  assert.ok(await fresh.answerFor(normal(`https://arxiv.org/list/${MAX_STORED}`)));
});

test('over the quota, the store keeps none of its pages and the memory still answers', async () => {
  const store = fakeStore(2_000);
  const recent = new RecentPages(async () => new Set(), store);
  await recent.remember(normal('https://arxiv.org/list/small'), '<p></p>', analysis('1'));
  const big = analysis(...Array.from({ length: 40 }, (_, i) => `big${i}`));
  await assert.rejects(recent.remember(normal('https://arxiv.org/list/big'), '<p></p>', big), /quota/);
  assert.deepEqual([...store.items.keys()].filter((k) => k.startsWith('early')), []);
  assert.ok(await recent.answerFor(normal('https://arxiv.org/list/big')), 'still in memory');
  await recent.remember(normal('https://arxiv.org/list/next'), '<p></p>', analysis('2')); // later writes go on
  assert.ok(store.items.has(`${STORED_PREFIX}normal https://arxiv.org/list/next`));
});

test('a page over MAX_STORED_HTML is answered from memory only; the store keeps the others, not its earlier state', async () => {
  const store = fakeStore(10_000_000); // chrome.storage.session's quota
  const recent = new RecentPages(async () => new Set(), store);
  const listing = `<p>${'x'.repeat(300_000)}</p>`; // a 200-paper listing
  for (let i = 0; i < MAX_STORED - 1; i++) await recent.remember(normal(`https://arxiv.org/list/${i}`), listing, analysis(String(i)));
  await recent.remember(normal('https://arxiv.org/list/long'), '<p>first state</p>', analysis('a'));
  const long = `<p>${'y'.repeat(MAX_STORED_HTML)}</p>`;
  await recent.remember(normal('https://arxiv.org/list/long'), long, analysis('a', 'b'));
  assert.equal((await recent.answerFor(normal('https://arxiv.org/list/long')))?.html, long, 'in memory');
  assert.ok(!store.items.has(`${STORED_PREFIX}normal https://arxiv.org/list/long`), 'its earlier state left the store');
  assert.deepEqual(store.items.get(ORDER_KEY), Array.from({ length: MAX_STORED - 1 }, (_, i) => `normal https://arxiv.org/list/${i}`));
  const fresh = new RecentPages(async () => new Set(), store); // the worker stopped
  assert.equal(await fresh.answerFor(normal('https://arxiv.org/list/long')), null);
  for (let i = 0; i < MAX_STORED - 1; i++) assert.ok(await fresh.answerFor(normal(`https://arxiv.org/list/${i}`)), `page ${i}`);
  // a page of exactly MAX_STORED_HTML is stored
  await recent.remember(normal('https://arxiv.org/list/edge'), 'z'.repeat(MAX_STORED_HTML), analysis('e'));
  assert.ok(store.items.has(`${STORED_PREFIX}normal https://arxiv.org/list/edge`));
});

test('a page answered again as before is not written again; a changed answer is, and the store keeps it as text', async () => {
  const store = fakeStore();
  const writes = [];
  const set = store.set.bind(store);
  store.set = async (obj) => {
    writes.push(Object.keys(obj).filter((k) => k.startsWith(STORED_PREFIX)));
    return set(obj);
  };
  const a = normal('https://arxiv.org/list/a');
  const recent = new RecentPages(async () => new Set(), store);
  await recent.remember(a, '<p>1</p>', analysis('1'));
  assert.equal(typeof store.items.get(`${STORED_PREFIX}normal https://arxiv.org/list/a`), 'string', 'one string: one copy for chrome.storage');
  await recent.remember(a, '<p>1</p>', analysis('1')); // reloaded: the same page, the same answer
  assert.deepEqual(writes, [[`${STORED_PREFIX}normal https://arxiv.org/list/a`]], 'the same page was written again');
  await recent.remember(normal('https://arxiv.org/list/b'), '<p>2</p>', analysis('2'));
  await recent.remember(a, '<p>1</p>', analysis('1')); // the same again, no longer the latest: only the order moves
  assert.deepEqual(writes.at(-1), []);
  assert.deepEqual(store.items.get(ORDER_KEY), ['normal https://arxiv.org/list/b', 'normal https://arxiv.org/list/a']);
  const summarized = analysis('1');
  summarized.entries[0].summary.tldr = 'We study 1 with its abstract.';
  await recent.remember(a, '<p>1</p>', summarized); // the same page, a new answer
  assert.deepEqual(writes.at(-1), [`${STORED_PREFIX}normal https://arxiv.org/list/a`]);
  // a new worker reads it back, and a reload as before writes nothing
  const fresh = new RecentPages(async () => new Set(), store);
  const got = await fresh.answerFor(a);
  assert.equal(got?.analysis.entries[0].summary.tldr, 'We study 1 with its abstract.');
  const before = writes.length;
  await fresh.remember(a, '<p>1</p>', summarized);
  assert.equal(writes.length, before);
});

test('a page an earlier version stored as an object is still answered', async () => {
  const store = fakeStore();
  await store.set({ [`${STORED_PREFIX}normal https://arxiv.org/list/a`]: { html: '<p>1</p>', ...analysis('1') },
    [ORDER_KEY]: ['normal https://arxiv.org/list/a'] });
  const got = await new RecentPages(async () => new Set(['1']), store).answerFor(normal('https://arxiv.org/list/a'));
  assert.equal(answers(got, { url: 'https://arxiv.org/list/a', html: '<p>1</p>' }), true);
  assert.deepEqual(got?.analysis.saved, ['1']);
});
