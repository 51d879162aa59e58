// `make bench-extension`: time from DOMContentLoaded to all cards shown, measured in headless Chromium
// by the content script itself (data-papergist-ms on <html>), on generated 50- and 200-paper arXiv
// listings. Cold: a freshly started service worker (stopped through CDP) with its summary cache cleared.
// Warm: the same worker, the page seen before. Prints medians of RUNS runs (env BENCH_RUNS, default 5).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { Browser, openListing, EXTENSION } from './lib/browser.js';
import { arxivListing, syntheticPaper } from './lib/fixtures.js';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function shownMs(browser, url, count) {
  const page = await openListing(browser.context, url, 'shown', 30_000);
  const [ms, cards, timing] = await page.evaluate(() => [
    Number(document.documentElement.getAttribute('data-papergist-ms')),
    Number(document.documentElement.getAttribute('data-papergist-cards')),
    document.documentElement.getAttribute('data-papergist-timing'),
  ]);
  if (process.env.BENCH_VERBOSE) console.log(`  ${url}: ${ms} ms ${timing}`);
  await page.close();
  if (cards !== count) throw new Error(`${url}: ${cards} cards for ${count} papers`);
  return ms;
}

async function clearCaches(browser) {
  const w = await browser.serviceWorker();
  await w.evaluate(() => chrome.storage.session.clear());
}

const browser = await new Browser().start();
try {
  const wasm = await readFile(path.join(EXTENSION, 'wasm/papergist.wasm'));
  console.log(`bench-extension: wasm ${(wasm.length / 1e6).toFixed(2)} MB, ${(gzipSync(wasm).length / 1e6).toFixed(2)} MB gzipped`);
  const rows = [];
  for (const n of [50, 200]) {
    const url = `https://arxiv.org/list/cs.CL/new?skip=0&show=${n}`;
    browser.serve(url, arxivListing(Array.from({ length: n }, (_, i) => syntheticPaper(i))));
    await shownMs(browser, url, n); // first load of the profile: installs caches, not measured
    const cold = [];
    const coldCached = [];
    const warm = [];
    for (let r = 0; r < RUNS; r++) {
      await clearCaches(browser);
      await browser.stopServiceWorker();
      cold.push(await shownMs(browser, url, n));
      await browser.stopServiceWorker();
      coldCached.push(await shownMs(browser, url, n));
      warm.push(await shownMs(browser, url, n));
    }
    rows.push({ n, cold: median(cold), coldCached: median(coldCached), warm: median(warm) });
  }
  console.log('bench-extension: DOMContentLoaded → all cards shown, real headless Chromium, median of', RUNS, 'runs');
  console.log('  papers   cold (fresh worker)   cold (worker fresh, summaries cached)   warm');
  for (const r of rows) {
    console.log(`  ${String(r.n).padStart(6)}   ${r.cold.toFixed(0).padStart(10)} ms   ${r.coldCached.toFixed(0).padStart(28)} ms   ${r.warm.toFixed(0).padStart(6)} ms`);
  }
  const r50 = rows[0];
  console.log(`  goal for 50 papers: warm ≤ 100 ms (${r50.warm <= 100 ? 'met' : 'NOT met'}), cold ≤ 400 ms (${r50.cold <= 400 ? 'met' : 'NOT met'})`);
} finally {
  await browser.dispose();
}
