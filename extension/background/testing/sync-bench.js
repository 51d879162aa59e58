// By hand, under nice: node background/testing/sync-bench.js [papers]. One sync round over a large library (default 5,000
// papers, each with a 1 kB abstract) after one edit, in the fake browser of the node tests (this folder): its time
// and how many times it read the whole library. The fake copies every value it returns, as chrome.storage does.
import { stats } from './fake-chrome.js';
import { fakeServer } from './fake-server.js';
import './signed-in.js';
const server = fakeServer();
const sync = await import('../sync.js');
const library = await import('../library.js');
sync.start();

const N = Number(process.argv[2] || 5000);
const rec = (i) => ({
  id: `arxiv:2401.${String(i).padStart(5, '0')}`, title: `Paper ${i} on a subject`, authors: ['A. Author', 'B. Author', 'C. Author'],
  abstract: `An abstract of paper ${i}, about as long as one. `.repeat(20), url: `https://arxiv.org/abs/2401.${i}`, pdf_url: '',
  tldr: `TL;DR of ${i}.`, keyphrases: ['one phrase', 'two phrase'], tags: ['t'], note: '', read: false,
  saved_at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), version: 1, meta: {}, sync: { dirty: {} },
});
await sync.syncNow();
const papers = Array.from({ length: N }, (_, i) => rec(i));
const v = server.seed(papers.map(({ meta: _m, sync: _s, ...item }) => item));
const put = Object.fromEntries(papers.map((p) => [`paper:${p.id}`, { ...p, version: v }]));
await chrome.storage.local.set(put);
await new Promise((r) => setTimeout(r, 50));
await sync.syncNow(); // the worker's first round over the library
const times = [];
const reads = [];
for (let k = 0; k < 7; k++) {
  await library.update(rec(k).id, { note: `note ${k}` });
  const r0 = stats.wholeReads;
  const t0 = performance.now();
  await sync.syncNow();
  times.push(performance.now() - t0);
  reads.push(stats.wholeReads - r0);
  await new Promise((r) => setTimeout(r, 400)); // the edit's own debounced round and recount pass
}
times.sort((a, b) => a - b);
console.log(`${N} papers: a round after one edit: median ${times[3].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)}), whole-library reads per round: ${reads.join(' ')}; pushes ${server.requests.filter((r) => r === 'POST /v1/sync').length}`);
process.exit(0);
