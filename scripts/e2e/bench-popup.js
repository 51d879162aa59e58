// `make bench-popup`: the popup over 5,000 saved papers (env BENCH_POPUP_PAPERS) in headless Chromium.
// First render: navigation start → the list drawn (the popup's performance marks), median of RUNS openings,
// from the first screen the popup remembered (popup/first-screen.js) and, apart, with nothing remembered.
// Search: measured in the page with performance.now() from the input event to the results drawn (the
// handler has run and data-rendered changed) and to the next frame (layout included), over QUERIES.
import { Browser } from './lib/browser.js';
import { savedPaper, seedLibrary } from './lib/library.js';
import { openPopup, firstScreenRemembered, searchTimes, median } from './lib/popup-timing.js';

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
  // Openings with nothing remembered (the first after an update or a first sync), then the usual ones.
  const cold = { firsts: [], reads: [] };
  const warm = { firsts: [], wholes: [], outside: [] };
  for (let r = 0; r < RUNS; r++) {
    await firstScreenRemembered(browser, { forget: true });
    const { page, first, read } = await openPopup(browser);
    cold.firsts.push(first);
    cold.reads.push(read);
    await page.close();
  }
  for (let r = 0; r < RUNS; r++) {
    await firstScreenRemembered(browser);
    const { page, first, whole, outside, firstScreen } = await openPopup(browser);
    if (!firstScreen) throw new Error('the popup drew no first screen from what it remembered');
    warm.firsts.push(first);
    warm.wholes.push(whole);
    warm.outside.push(outside);
    await page.close();
  }
  const { page: popup } = await openPopup(browser);
  const rows = await searchTimes(popup, [...QUERIES, '']);
  const searches = rows.slice(0, QUERIES.length);
  if (process.env.BENCH_VERBOSE) for (const r of rows) console.log(`  ${JSON.stringify(r.query)}: ${fmt(r.drawn)} / ${fmt(r.frame)} ms, ${r.count}`);
  console.log(`bench-popup: ${N} saved papers, headless Chromium`);
  const ms = (xs) => `median ${median(xs).toFixed(0)} ms of ${xs.length} (max ${Math.max(...xs).toFixed(0)} ms)`;
  console.log(`  first render (navigation → list drawn): ${ms(warm.firsts)}, from its first screen, read before the rest`);
  console.log(`    the whole library drawn: ${ms(warm.wholes)} (goto → drawn seen by the test: median ${median(warm.outside).toFixed(0)} ms)`);
  console.log(`  nothing remembered (the first opening after an update or a first sync): first render ${ms(cold.firsts)},` +
    ` of which the storage reads ${median(cold.reads).toFixed(0)} ms`);
  const drawn = searches.map((r) => r.drawn);
  const frame = searches.map((r) => r.frame);
  console.log(`  search over ${QUERIES.length} queries, input event → results drawn: p50 ${fmt(median(drawn))} ms, max ${fmt(Math.max(...drawn))} ms`);
  console.log(`  search, input event → next frame (layout included): p50 ${fmt(median(frame))} ms, max ${fmt(Math.max(...frame))} ms`);
  console.log(`  goal: search under 50 ms (${Math.max(...frame) < 50 ? 'met' : 'NOT met'})`);
} finally {
  await browser.dispose();
}
