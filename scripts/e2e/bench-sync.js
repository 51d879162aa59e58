// `make bench-sync`: a library of N papers (env BENCH_SYNC_PAPERS, default 5,000) syncs to a fresh browser
// profile. The account is filled through the real backend's API with papers the size of real ones (a
// 1,000-character abstract, a TL;DR, key phrases, tags and a note on some); then a new headless Chromium signs
// in and the time until its status says synced with every paper stored is printed, then how the popup copes:
// time to its first render and search latency (input → results shown, measured in the page) over 5,000 papers.
import { Browser } from './lib/browser.js';
import { Backend } from './lib/backend.js';
import { signIn, storage } from './lib/sync.js';
import { openPopup, searchTimes, median } from './lib/popup-timing.js';

const N = Number(process.env.BENCH_SYNC_PAPERS || 5000);
const PASSWORD = 'benchmark password 1';
const words = 'model data training language retrieval graph vision reasoning benchmark robust sparse attention'.split(' ');
const text = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');

function item(i) {
  return {
    id: `arxiv:25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`,
    base_version: 0,
    title: `Study ${i} of ${text(i, 6)}`,
    authors: [`Author ${i}`, 'Grace Hopper', 'Alan Turing'],
    abstract: `${text(i, 140)}.`,
    url: `https://arxiv.org/abs/25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`,
    tldr: `We show that ${text(i + 1, 18)}.`,
    keyphrases: [text(i, 2), text(i + 3, 2), text(i + 5, 1)],
    tags: i % 3 ? ['to read'] : ['to read', `topic ${i % 17}`],
    note: i % 5 ? '' : `Note on paper ${i}: ${text(i + 2, 20)}`,
    read: i % 4 === 0,
  };
}

const backend = await new Backend().start();
const browser = new Browser({ grantHosts: ['http://127.0.0.1/*'] });
try {
  const email = 'bench@example.org';
  const { access_token: token } = await backend.register(email, PASSWORD);
  for (let at = 0; at < N; at += 500) {
    const changes = Array.from({ length: Math.min(500, N - at) }, (_, k) => item(at + k));
    const { status } = await backend.api('POST', '/v1/sync', {
      token, headers: { 'Idempotency-Key': `seed-${at}` }, body: { changes, deletions: [] },
    });
    if (status !== 200) throw new Error(`seeding: HTTP ${status}`);
  }

  await browser.start();
  const t0 = performance.now();
  await signIn(browser, backend.url, email, PASSWORD, { deviceName: 'bench' });
  // Only the status is polled: reading 5,000 records every few ms would itself slow the worker down.
  const w = await browser.serviceWorker();
  let status = null;
  for (;;) {
    status = await w.evaluate(async () => (await chrome.storage.local.get('sync:status'))['sync:status']);
    if (status && status.state === 'synced') break;
    if (status && (status.state === 'error' || status.state === 'offline')) throw new Error(`sync failed: ${status.error}`);
    if (performance.now() - t0 > 300_000) throw new Error(`not synced after 5 minutes: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const syncMs = performance.now() - t0;
  const count = Object.keys(await storage(browser)).filter((k) => k.startsWith('paper:')).length;
  if (count !== N) throw new Error(`synced, but ${count} papers stored, not ${N}`);
  console.log(`bench-sync: ${N} papers to a fresh profile in ${(syncMs / 1000).toFixed(2)} s (sign-in to synced, ${(N / (syncMs / 1000)).toFixed(0)} papers/s)`);

  const { page: popup, first } = await openPopup(browser);
  console.log(`bench-sync: the popup over the ${N} synced papers: first render ${first.toFixed(0)} ms`);
  const queries = ['study 4', 'retrieval', 'topic 3', 'note on paper 12', 'grace', 'zzz-none', 'sparse attention', 'arxiv:2503', 'to read', 'author 4999'];
  const frames = (await searchTimes(popup, queries)).map((r) => r.frame);
  const max = Math.max(...frames);
  console.log(`bench-sync: popup search over ${N} papers, input → next frame: p50 ${median(frames).toFixed(1)} ms, ` +
    `max ${max.toFixed(1)} ms (goal < 50 ms: ${max < 50 ? 'met' : 'NOT met'})`);
} finally {
  await browser.dispose().catch(() => {});
  await backend.dispose();
}
