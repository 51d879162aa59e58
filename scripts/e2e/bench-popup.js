// `make bench-popup`: the popup over 5,000 saved papers (env BENCH_POPUP_PAPERS) in headless Chromium.
// First render: navigation start → the list drawn (the popup's performance mark), median of RUNS openings.
// Search: measured in the page with performance.now() from the input event to the results drawn (the
// handler has run and data-rendered changed) and to the next frame (layout included), over QUERIES.
import { Browser } from './lib/browser.js';
import { savedPaper, seedLibrary } from './lib/library.js';
import { openPopup, searchTimes, median } from './lib/popup-timing.js';

const N = Number(process.env.BENCH_POPUP_PAPERS || 5000);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const QUERIES = ['retrieval', 'speech part 12', 'author4321', 'grace', 'to-read diffusion', 'marker970', 'arxiv:2512.1',
  'nodes', 'graphs at scale', 'zzz-no-match', 'lastname 4999', 'program synthesis 7', 'reward', 'part 1', 'translation 3',
  'appendix', 'scale', 'hopper 250', 'r', 'on diffusion at scale, part 4']; // 20, from one match to every paper

const fmt = (x) => x.toFixed(1);

const browser = await new Browser().start();
try {
  const papers = Array.from({ length: N }, (_, i) => savedPaper(i));
  await seedLibrary(browser, papers, { state: 'synced', pending: 0, conflicts: 0, at: new Date().toISOString() });
  const firsts = [];
  const outside = [];
  const reads = [];
  const draws = [];
  for (let r = 0; r < RUNS; r++) {
    const { page, first, read, draw, outside: seen } = await openPopup(browser);
    firsts.push(first);
    reads.push(read);
    draws.push(draw);
    outside.push(seen);
    await page.close();
  }
  const { page: popup } = await openPopup(browser);
  const rows = await searchTimes(popup, [...QUERIES, '']);
  const searches = rows.slice(0, QUERIES.length);
  if (process.env.BENCH_VERBOSE) for (const r of rows) console.log(`  ${JSON.stringify(r.query)}: ${fmt(r.drawn)} / ${fmt(r.frame)} ms, ${r.count}`);
  console.log(`bench-popup: ${N} saved papers, headless Chromium`);
  console.log(`  first render (navigation → list drawn): median ${median(firsts).toFixed(0)} ms of ${RUNS} openings` +
    ` (max ${Math.max(...firsts).toFixed(0)} ms; goto → rendered seen by the test ${median(outside).toFixed(0)} ms)`);
  console.log(`    of which chrome.storage.local.get(null) ${median(reads).toFixed(0)} ms, indexing and drawing ${median(draws).toFixed(0)} ms`);
  const drawn = searches.map((r) => r.drawn);
  const frame = searches.map((r) => r.frame);
  console.log(`  search over ${QUERIES.length} queries, input event → results drawn: p50 ${fmt(median(drawn))} ms, max ${fmt(Math.max(...drawn))} ms`);
  console.log(`  search, input event → next frame (layout included): p50 ${fmt(median(frame))} ms, max ${fmt(Math.max(...frame))} ms`);
  console.log(`  goal: search under 50 ms (${Math.max(...frame) < 50 ? 'met' : 'NOT met'})`);
} finally {
  await browser.dispose();
}
