// `make bench-extension`: time from DOMContentLoaded to all cards shown, measured in headless Chromium (or
// Firefox ESR with PAPERGIST_BROWSER=firefox) by the content script itself (data-papergist-ms on <html>), on
// generated 50- and 200-paper arXiv listings. Cold: a freshly started service worker (stopped through CDP; in
// Firefox the idle event page unloaded, and the engine with it), a page never seen (other papers), summary
// caches cleared. Warm: the same worker, the page seen before, loaded again right away, a few seconds after the
// browser started, while the engine is still warming up; it is shown from the background's early answer, what it
// answered the same page before. Settled: the same page once more, SETTLE_MS later. Seen, worker stopped: once
// more after the background was stopped, as the browser stops it when idle (the early answer then comes from session
// storage; in Firefox the engine went with the event page). First:
// the first page after the browser starts, when the offscreen document (Firefox: the event page) must load the wasm
// module; the same for a 200-paper listing of real abstracts (../shared's SciTLDR train split). Last, with a library of LIBRARY saved papers: the first page after browser start, and a new page after
// the background stopped. Medians of RUNS runs (env BENCH_RUNS, default 5).
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { EXTENSION, ROOT } from './lib/browser.js';
import { Session } from './lib/browsers.js';
import { arxivListing, syntheticPaper } from './lib/fixtures.js';

const RUNS = Number(process.env.BENCH_RUNS || 5);
/** The saved papers of the last measurement, a large reader's library. */
const LIBRARY = 5000;
/** The pause before the settled load (ms): time for the engine's warm-up (about 1 s of rounds) to run. */
const SETTLE_MS = 3000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Every run's figure, sorted: one bench run on a shared 2-CPU machine varies by half its median between runs. */
const runsOf = (xs) => `runs ${[...xs].sort((a, b) => a - b).map((x) => x.toFixed(0)).join(', ')}`;

/**
 * The size of file gzipped as make test-go checks issue 15's limit: by gzip -9. Node's zlib, Chromium's fork,
 * finds fewer matches at level 9 and packs the listing wasm about 10 KB larger (1,505,976 bytes against
 * 1,495,876 at dc124fa), so its figure is not the goal's.
 */
function gzipSize(file) {
  try {
    return `${execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 26 }).length} bytes gzip -9`;
  } catch (err) {
    return `gzip -9 size not measured (${err.code ?? err.message})`;
  }
}

/** The content script's per-phase timings of the last measurements (data-papergist-timing). */
let phases = [];

/**
 * A promise, in the page, that resolves once the cards are shown (data-papergist on <html>): a MutationObserver
 * on that attribute, so the harness sends the page nothing but this line while it waits. Playwright's
 * waitForFunction sends the page its 330 KB injected script first, which a trace of the warm 50-paper page showed
 * taking the page's main thread for 158 ms, right when the background's reply was due.
 */
// A page whose analysis failed says so at once (data-papergist="error", its code in data-papergist-error): the
// promise resolves to that code, and waitShown throws it, instead of waiting out its time.
const SHOWN = `new Promise((resolve) => {
  const root = document.documentElement;
  const settled = () => ['shown', 'done', 'error'].includes(root.getAttribute('data-papergist'));
  const answer = () => (root.getAttribute('data-papergist') === 'error' ? root.getAttribute('data-papergist-error') || 'error' : true);
  if (settled()) return resolve(answer());
  new MutationObserver((_, o) => settled() && (o.disconnect(), resolve(answer()))).observe(root, { attributeFilter: ['data-papergist'] });
})`;

/**
 * Waits until the tab shows its cards, by SHOWN: over CDP in Chromium (Runtime.evaluate), BiDi in Firefox. Throws
 * at once, with the error's code, when the page says its analysis failed.
 */
async function waitShown(tab, timeout) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no cards after ${timeout} ms`)), timeout); });
  let cdp = null;
  try {
    let got;
    if (tab.kind === 'firefox') {
      got = await Promise.race([tab.evaluate(SHOWN), late]);
    } else {
      cdp = await tab.page.context().newCDPSession(tab.page);
      got = (await Promise.race([cdp.send('Runtime.evaluate', { expression: SHOWN, awaitPromise: true, returnByValue: true }), late])).result.value;
    }
    if (got !== true) throw new Error(`the page's analysis failed: ${got} (data-papergist="error")`);
    return got;
  } finally {
    clearTimeout(timer);
    await cdp?.detach().catch(() => {});
  }
}

async function shownMs(browser, url, count) {
  const page = await browser.open(url);
  await waitShown(page, 30_000);
  const [ms, cards, timing] = await page.evaluate(() => [
    Number(document.documentElement.getAttribute('data-papergist-ms')),
    Number(document.documentElement.getAttribute('data-papergist-cards')),
    document.documentElement.getAttribute('data-papergist-timing'),
  ]);
  if (process.env.BENCH_VERBOSE) console.log(`  ${url}: ${ms} ms ${timing}`);
  phases.push(JSON.parse(timing || '{}'));
  await page.close();
  if (cards !== count) throw new Error(`${url}: ${cards} cards for ${count} papers`);
  return ms;
}

// Firefox unloads an idle event page after this long (ms; 30 s by default): long enough that a busy engine is
// not unloaded mid-page on this shared machine, short enough for cold runs
const browser = await new Session({ prefs: { 'extensions.background.idle.timeout': 4000 } }).start();
try {
  const wasmFile = path.join(EXTENSION, 'wasm/papergist.wasm');
  const wasm = await readFile(wasmFile);
  console.log(`bench-extension: wasm ${wasm.length} bytes, ${gzipSize(wasmFile)} (the size goal, checked by make test-go)`);
  const rows = [];
  let page = 0;
  /** A listing of n papers never shown before in this browser, with the abstracts given if any (else generated). */
  const freshListing = (n, abstracts = null) => {
    page++;
    const url = `https://arxiv.org/list/cs.CL/new?skip=${page * 1000}&show=${n}`;
    // arXiv IDs of a month of its own (yymm.nnnnn), so that no paper was seen on an earlier page
    const yymm = `${20 + Math.floor(page / 12)}${String(1 + (page % 12)).padStart(2, '0')}`;
    const papers = Array.from({ length: n }, (_, i) => syntheticPaper(page * 1000 + i, { id: `${yymm}.${String(i).padStart(5, '0')}`,
      ...(abstracts ? { abstract: abstracts[(page * n + i) % abstracts.length] } : {}) }));
    browser.serve(url, arxivListing(papers));
    return url;
  };
  /** The first page after the browser starts (a new listing of n papers): its time and where it went. */
  const firstAfterStart = async (n, abstracts = null) => {
    await browser.restart();
    phases = [];
    const ms = await shownMs(browser, freshListing(n, abstracts), n);
    return { ms, phases: phases[0] };
  };
  for (const n of [50, 200]) {
    const first = [];
    const firstPhases = [];
    const cold = [];
    const warm = [];
    const coldPhases = [];
    const warmPhases = [];
    const settled = [];
    const settledPhases = [];
    const stopped = [];
    const stoppedPhases = [];
    for (let r = 0; r < RUNS; r++) {
      const f = await firstAfterStart(n);
      first.push(f.ms);
      firstPhases.push(f.phases);
      await browser.clearSessionStorage();
      await browser.stopBackground();
      const url = freshListing(n);
      phases = [];
      cold.push(await shownMs(browser, url, n));
      warm.push(await shownMs(browser, url, n));
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      settled.push(await shownMs(browser, url, n));
      await browser.stopBackground();
      stopped.push(await shownMs(browser, url, n));
      coldPhases.push(phases[0]);
      warmPhases.push(phases[1]);
      settledPhases.push(phases[2]);
      stoppedPhases.push(phases[3]);
    }
    rows.push({ n, first: median(first), firstRuns: first, cold: median(cold), warm: median(warm), settled: median(settled),
      stopped: median(stopped), coldPhases, warmPhases, settledPhases, stoppedPhases, firstPhases });
  }
  const name = browser.kind === 'firefox' ? 'Firefox ESR' : 'Chromium';
  console.log(`bench-extension: DOMContentLoaded → all cards shown, real headless ${name}, median of`, RUNS, 'runs');
  const bg = browser.kind === 'firefox' ? 'event page' : 'worker';
  console.log(`  papers   cold (fresh ${bg}, new page)   warm (page seen)   settled (${SETTLE_MS / 1000} s later)   seen, ${bg} stopped   first page after browser start`);
  for (const r of rows) {
    console.log(`  ${String(r.n).padStart(6)}   ${r.cold.toFixed(0).padStart(24)} ms   ${r.warm.toFixed(0).padStart(13)} ms   ${r.settled.toFixed(0).padStart(16)} ms   ${r.stopped.toFixed(0).padStart(bg.length + 11)} ms   ${r.first.toFixed(0).padStart(27)} ms`);
  }
  const keys = ['analyze', 'toBackground', 'background', 'fromBackground', 'engine', 'go', 'extract', 'summarize', 'digest', 'cards'];
  const phaseLine = (list, ks = keys) => ks.map((k) => `${k} ${median(list.map((p) => p[k] ?? 0)).toFixed(0)}`).join(', ');
  console.log('  where the time goes (medians, ms; analyze = the round trip to the background: toBackground + background (its handler) +');
  console.log('  fromBackground, the deliveries measured by wall clock, which include waiting for the page\'s main thread; engine = its trip to the');
  console.log('  wasm host, go = the one call into Go, which runs extract, summarize and digest; cards = placing and drawing them):');
  const firstKeys = ['analyze', 'toBackground', 'background', 'fromBackground', 'engineOpen', 'engine', 'hostQueue', 'hostWait', 'compile', 'goStart', 'warmUp', 'go', 'hostBack', 'extract', 'summarize', 'digest', 'cards'];
  // A page seen lately is shown from the background's early answer (content/index.js), without waiting for the
  // reply: analyze is then the wait for that answer after DOMContentLoaded, came when it came (negative: before);
  // toWorker, worker, toPage: from the content script's asking to the background hearing, to its posting the answer,
  // to the answer coming (wall clocks of two processes).
  const earlyKeys = ['analyze', 'came', 'toWorker', 'worker', 'toPage', 'cards'];
  const seenLine = (list) => {
    const early = list.filter((p) => p.early);
    const rest = list.filter((p) => !p.early);
    return [early.length ? `from the early answer ${early.length} of ${list.length}: ${phaseLine(early, earlyKeys)}` : '',
      rest.length ? `from the reply ${rest.length} of ${list.length}: ${phaseLine(rest)}` : ''].filter(Boolean).join('; ');
  };
  for (const r of rows) {
    console.log(`  ${String(r.n).padStart(6)} first: ${phaseLine(r.firstPhases, firstKeys)}`);
    console.log(`  ${String(r.n).padStart(6)} cold: ${phaseLine(r.coldPhases)}`);
    console.log(`  ${String(r.n).padStart(6)} warm: ${seenLine(r.warmPhases)}`);
    console.log(`  ${String(r.n).padStart(6)} settled: ${seenLine(r.settledPhases)}`);
    console.log(`  ${String(r.n).padStart(6)} seen, ${bg} stopped: ${seenLine(r.stoppedPhases)}`);
  }
  const r50 = rows[0];
  const r200 = rows[1];
  const met = (ms, goal) => (ms <= goal ? 'met' : 'NOT met');
  console.log(`  goal for 50 papers: warm ≤ 100 ms (right after the cold page: ${met(r50.warm, 100)}; settled: ${met(r50.settled, 100)}), cold ≤ 400 ms (${met(r50.cold, 400)})`);
  const within = (xs, goal) => `${xs.filter((x) => x <= goal).length} of ${xs.length} runs within it`;
  console.log(`  goal for 200 papers: first page after browser start ≤ 400 ms (${met(r200.first, 400)}: ${within(r200.firstRuns, 400)}; ${runsOf(r200.firstRuns)} ms)`);
  console.log('  (first: hostQueue = the request waiting for the host\'s thread, busy instantiating or starting the wasm module (its start');
  console.log('  runs on that thread: Go\'s runtime and package initialization) or in another call into Go, such as a warm-up round (the');
  console.log('  request\'s reading in included); hostWait = then waiting for the module in the handler; the module took compile + goStart');
  console.log('  + warmUp in the host since it started; hostBack = the answer\'s way back)');

  // The generated abstracts are three short sentences; real ones (../shared's SciTLDR train split) are longer and
  // run summarizer code the generated ones do not (TeX, citations, acronyms, quotes), some of it in baseline code
  // at browser start: Chrome's code cache keeps what V8 had optimized when it was written, during the first
  // start's warm-up (offscreen/wasm.js), and V8 still optimized 48-67 functions (Analyzer.analyze, Paper.Normalize,
  // compress.ObjectPointsBack among them; 178-240 KB of code) during each such first page (V8's
  // --trace-wasm-compilation-times, 5 starts).
  const realFile = path.resolve(ROOT, '../shared/eval/scitldr/train.jsonl');
  const real = await readFile(realFile, 'utf8').then((text) => text.trim().split('\n').map((l) => JSON.parse(l).source.join(' ')), () => null);
  if (real) {
    const realFirst = [];
    const realPhases = [];
    for (let r = 0; r < RUNS; r++) {
      const f = await firstAfterStart(200, real);
      realFirst.push(f.ms);
      realPhases.push(f.phases);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
    console.log(`  200 papers with real abstracts (SciTLDR train), first page after browser start: ${median(realFirst).toFixed(0)} ms`,
      `(goal ≤ 400 ms: ${met(median(realFirst), 400)}, ${within(realFirst, 400)}; ${runsOf(realFirst)} ms; ${phaseLine(realPhases, firstKeys)})`);
  } else {
    console.log(`  200 papers with real abstracts: skipped, ${realFile} not found (the team's ../shared folder)`);
  }

  // A reader's library is large: a page's reply must not wait for it to be read (the saved IDs, the For-you index).
  await browser.inExtension(async (n) => {
    const abstract = 'We study how a large library is read at start. '.repeat(25); // about 1,200 characters, as arXiv's
    const put = {};
    for (let i = 0; i < n; i++) {
      const id = `arxiv:2401.${String(i).padStart(5, '0')}`;
      put[`paper:${id}`] = { id, title: `Saved paper ${i} on large libraries`, authors: ['Ada Lovelace', 'Alan Turing'], abstract,
        url: `https://arxiv.org/abs/${id.slice(6)}`, tldr: 'We study how a large library is read.', keyphrases: ['large library'],
        tags: ['bench'], note: '', read: false, saved_at: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString() };
    }
    await chrome.storage.local.set(put);
  }, LIBRARY);
  const bigFirst = [];
  const bigStopped = [];
  for (let r = 0; r < RUNS; r++) {
    await browser.restart();
    bigFirst.push(await shownMs(browser, freshListing(50), 50));
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await browser.stopBackground();
    bigStopped.push(await shownMs(browser, freshListing(50), 50));
  }
  console.log(`  with ${LIBRARY.toLocaleString('en')} saved papers, a new 50-paper listing: first page after browser start ${median(bigFirst).toFixed(0)} ms,`,
    `after the ${bg} stopped ${median(bigStopped).toFixed(0)} ms`);
} finally {
  await browser.dispose();
}
