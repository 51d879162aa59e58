// The wasm host: loads the Go module (extractor + summarizer, see wasm/main.go) once and calls it. It needs
// no offscreen document: on Chrome the offscreen document imports it (it outlives the service worker, which
// would otherwise pay the instantiation on every wake-up); a background page could import it as it is.
import '../wasm/wasm_exec.js';
import { composed } from '../lib/nfc.js';
import { AppError } from '../lib/messages.js';
import { withLimit } from '../lib/limit.js';

/** @typedef {import('../lib/messages.js').AnalyzeRequest} AnalyzeRequest */

/**
 * What the host has done since it started: how long each step of loading the page module took (ms; compile:
 * fetched, compiled and instantiated, goStart: the Go runtime up, warmUp: see bridge.WarmUp), whether the module
 * was the one compile.js started compiling with the document, how many large warm-up rounds read their whole
 * listing (largeWarmUps, see largeRounds), and how many calls into Go it made (goCalls: page analyses;
 * libraryCalls: changes of the For-you library index; pagesLoading: pages that said they were loading, see
 * pageLoading).
 */
export const stats = { compile: 0, goStart: 0, warmUp: 0, largeWarmUps: 0, goCalls: 0, libraryCalls: 0, compiledEarly: false, pagesLoading: 0 };

/** @type {Map<string, Promise<any>>} the Go modules loaded or loading, by file */
const modules = new Map();

/**
 * Loads the Go module in file once and resolves to the API it sets on globalThis[exportName]; a module calls
 * globalThis[exportName + 'Ready']() once its exports are set. A failed load is tried again on the next call.
 * @param {string} file the module's path in the extension @param {string} exportName
 * @param {Record<string, string>} [env] Go environment variables
 */
export function loadGo(file, exportName, env = {}) {
  if (!modules.has(file)) {
    modules.set(file, instantiate(file, exportName, env).catch((err) => {
      modules.delete(file);
      throw err;
    }));
  }
  return modules.get(file);
}

/** Writes the strings the modules read (see instantiate). */
const encoder = new TextEncoder();

async function instantiate(file, exportName, env) {
  const go = new globalThis.Go();
  go.env = { ...go.env, ...env };
  const ready = new Promise((resolve) => {
    globalThis[`${exportName}Ready`] = resolve;
  });
  // The page module's compilation may have started with the offscreen document (compile.js): taken once, so
  // that a load that failed is tried again from the start.
  const host = /** @type {any} */ (globalThis);
  const early = file === PAGE_MODULE ? host.papergistCompile : undefined;
  if (early) host.papergistCompile = undefined;
  const t0 = early ? early.at : performance.now();
  const instance = early
    ? await WebAssembly.instantiate(/** @type {WebAssembly.Module} */ (await early.module), go.importObject)
    : (await WebAssembly.instantiateStreaming(moduleResponse(file), go.importObject)).instance;
  const t1 = performance.now();
  // For the module's reading of strings (str in wasm/main.go): s's UTF-8 written at ptr in its memory, at most cap
  // bytes; the count written, or -1 - s.length when it does not all fit.
  globalThis[`${exportName}EncodeInto`] = (/** @type {string} */ s, /** @type {number} */ ptr, /** @type {number} */ cap) => {
    const { read, written } = encoder.encodeInto(s, new Uint8Array(/** @type {any} */ (instance.exports.mem).buffer, ptr, cap));
    return read === s.length ? written : -1 - s.length;
  };
  go.run(instance); // resolves only when Go exits, which it never does
  // A module that never says it is ready fails its callers, and the next call loads it again (loadGo), instead of
  // every page waiting for it for ever; far above the slowest start seen (the module up 2.6 s after a loaded
  // machine's browser start).
  const limitMs = moduleLimits.startMs;
  await withLimit(ready, limitMs, () => { throw new AppError('timeout', `${file} did not start within ${limitMs} ms`); });
  if (file === PAGE_MODULE) Object.assign(stats, { compile: t1 - t0, goStart: performance.now() - t1, compiledEarly: Boolean(early) });
  return globalThis[exportName];
}

/** How long a module may take to start once instantiated, in ms (see instantiate); the unit tests set it lower. */
export const moduleLimits = { startMs: 15_000 };

/** The page module's file; offscreen/compile.js fetches the same one, as ../wasm/papergist.wasm. */
const PAGE_MODULE = 'wasm/papergist.wasm';

/**
 * The module file as a wasm response, for streaming compilation (it starts with the first bytes read). Fetched
 * from its extension URL as it is: Chrome keeps the machine code V8 optimized for a module compiled from a URL in
 * its code cache, for extension files too, and the next browser start's first page runs it (a 200-paper listing's
 * Go call took 190–270 ms so, against 610–740 ms for the same module unpacked from a gzipped file, which has no
 * URL to cache by). Nothing can be kept in IndexedDB: Chrome no longer stores a compiled WebAssembly.Module there.
 * @param {string} file @returns {Promise<Response>}
 */
export function moduleResponse(file) {
  return fetch(chrome.runtime.getURL(file));
}


/** The page module, loading or loaded. */
let page = null;
/** Calls waiting for the page module or running: the warm-up steps aside for them. */
let busy = 0;
/**
 * After a page's analysis the warm-up waits this long (ms): the page is still laying itself out and placing its
 * cards, and on a machine with few cores a round would take a core from it. `make bench-extension` in Chromium,
 * 3 runs of each alternated (load 4-6): the warm 50-paper page's median 128 ms without the pause, 109 with it.
 */
let afterPageMs = 500;
/** When the last page analysis ended, or a page last started loading (performance.now()). */
let lastPage = -Infinity;
/**
 * How long the warm-up waits at most for the analysis of a page that said it was loading (ms), counted from then:
 * a page's content script sends it at DOMContentLoaded, but a page closed before that never does.
 */
let loadingPageMs = 3_000;
/**
 * When the oldest page that said it was loading, with no page analyzed since, did so (performance.now()); or null.
 * @type {number|null}
 */
let loadingSince = null;
/** How long the warm-up still waits after the last page, or for a loading page's analysis (ms; 0 or less: no longer). */
const pauseLeft = () => Math.max(lastPage + afterPageMs, loadingSince === null ? -Infinity : loadingSince + loadingPageMs)
  - performance.now();
/**
 * A page of a supported site has started loading (background/service-worker.js hears its early-answer port at
 * document start): the warm-up waits afterPageMs from now (its first round excepted while no page has called Go,
 * see warmUp), as after a page's analysis, so that the page is parsed, hears its early answer and places its cards
 * with the machine's cores, not beside a round that only readies code for later pages. On a machine with 2 cores
 * a round held one of them while the page loaded: the warm 50-paper page reloaded 3 s after the cold one (the
 * warm-up still under way) heard its early answer after DOMContentLoaded. And until a page is analyzed (loadingPageMs
 * at most): the first page after browser start took longer than the pause to be parsed and sent, and a trace of one
 * (200 real abstracts) had the rounds, with V8's optimizing of what they ran, take a third of the browser's CPU time
 * while the page's message went to the worker, and the page's analysis wait for the round under way.
 */
export function pageLoading() {
  stats.pagesLoading++;
  const now = performance.now();
  lastPage = Math.max(lastPage, now);
  // A page that said so before and whose hold is over (closed before it sent) holds nothing: this one starts its own.
  if (loadingSince === null || now - loadingSince >= loadingPageMs) loadingSince = now;
}

/**
 * Warm-up rounds after the module starts, each a 10-paper listing (bridge.WarmUpPapers): V8 optimizes a function
 * once it has run enough, and a 200-paper listing analyzed right after them costs a fraction of what it costs in
 * baseline code. Rounds are short, since a page that arrives during one waits for it: the host starts with the
 * browser (see background/engine.js), and at browser start the first page may come before the rounds are done.
 * Firefox's host sets fewer (setWarmUp).
 */
let warmUpRounds = 120;

/**
 * Large warm-up rounds after the short ones, each a long listing (bridge.WarmUpLargePapers), for the next browser
 * start. Chrome keeps the optimized code of a module compiled from its URL (moduleResponse) in the profile's wasm
 * code cache, but Chromium 156 writes it only once V8 has optimized 1,000,000 bytes of the module's code (V8's
 * --wasm-caching-hard-threshold; the other trigger, a quiet spell after less, wrote nothing in any of our starts).
 * The short rounds and 50-paper listings stop just under it (979,676 bytes in 205 functions): Chrome kept nothing,
 * and every start ran its first page in baseline code (50-paper listing: Go 450-580 ms). Only a 200-paper listing
 * crossed it, which is why the bench's first 200-paper pages were faster than its first 50-paper ones. Large
 * rounds make hot what long listings run much (1,081,308 bytes with 3 of them): Chrome writes the entry (1.3 MB)
 * in the first start, and the next start's first 50-paper page runs optimized code (Go 141-288 ms). It is written
 * once, with what V8 had optimized when the megabyte was reached: no later start optimizes another megabyte, so
 * what the first start optimized after the write, and what later starts make hot (the entry carries V8's tiering
 * budgets), is optimized again in every start (70-140 functions, 0.2-0.4 MB, in Chromium 156). A page that
 * arrives during one waits for it (about 0.1 s), once per browser start. Firefox keeps no compiled wasm for an
 * extension, so its host sets none (setWarmUp).
 */
let largeRounds = 3;
/** The papers of a large round: bridge.WarmUpLargePapers. */
const LARGE_ROUND_PAPERS = 200;

/**
 * Sets how many warm-up rounds run once the module has started (rounds short, largeRounds long), how long they
 * pause after a page's analysis, and how long at most they wait for the analysis of a page that said it was loading
 * (loadingPageMs; left out, it stays as it is); takes effect if called before that (a host calls it as it loads, and
 * the module starts after its fetch).
 * @param {{rounds: number, largeRounds: number, afterPageMs: number, loadingPageMs?: number}} opts
 */
export function setWarmUp({ rounds, largeRounds: large, afterPageMs: pause, loadingPageMs: loading = loadingPageMs }) {
  warmUpRounds = rounds;
  largeRounds = large;
  afterPageMs = pause;
  loadingPageMs = loading;
}

/** Starts loading the page module unless it is loading; resolves once Go has started. */
export function pageModule() {
  page ??= loadGo(PAGE_MODULE, 'papergist', {
    // Collect less often: pages are parsed in bursts and the heap is dropped between them, so fewer GC
    // cycles buy speed for a few MB. (Read by the Go runtime at start, like the GOGC variable.)
    GOGC: '400',
  }).then((mod) => {
    warmUp(mod);
    return mod;
  }, (err) => {
    page = null;
    throw err;
  });
  return page;
}

/**
 * Warms the module up (see WarmUp in wasm/bridge) one round per task, so that a page that arrives meanwhile
 * waits for one round at most; rounds wait while pages are being analyzed, and for afterPageMs after each.
 * Until a page has called Go, the first round does not wait for a page that is loading (pageLoading): it runs the
 * page path once, which the page's own call would otherwise do in its place at browser start (V8 compiles each
 * function at its first call, on this thread, and most are not in Chrome's code cache), so it readies the very
 * page the pause is for; a page that comes meanwhile waits for it. `make bench-extension`'s first 200-paper page
 * after browser start, 72 starts of each build alternated (load 1.5-10 on 2 cores): the page's Go call a median
 * 240 → 181 ms (Mann-Whitney p 0.02); the page 532 → 462 ms, within that noise (p 0.11). Once a page has called
 * Go, the path is ready, and the first round waits out the pause after it like the others.
 */
async function warmUp(mod) {
  for (let i = 0; i < warmUpRounds + largeRounds; i++) {
    const early = () => i === 0 && stats.goCalls === 0;
    do await idle(early());
    while (busy || (!early() && pauseLeft() > 0));
    const t = performance.now();
    if (i < warmUpRounds) mod.warmUp(1);
    else stats.largeWarmUps += mod.warmUp(1, LARGE_ROUND_PAPERS) === LARGE_ROUND_PAPERS ? 1 : 0;
    stats.warmUp += performance.now() - t;
  }
}

/**
 * Resolves when the document has nothing more urgent to do: a background-priority task, which Chrome runs after
 * the pending messages (a plain setTimeout may run first), else a short timeout. Not delayed for the pause after
 * a loading page when early (the first round before any page's call, see warmUp).
 */
function idle(early = false) {
  // Waiting for a loading page's analysis, which may come at any time: looked at again every 100 ms.
  const delay = busy ? 50 : early ? 0 : Math.max(0, loadingSince === null ? pauseLeft() : Math.min(pauseLeft(), 100));
  const scheduler = /** @type {any} */ (globalThis).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'background', delay });
  return new Promise((resolve) => setTimeout(resolve, Math.max(delay, 4)));
}

/**
 * Analyzes one page state (see Analyze in wasm/bridge): one call into Go.
 * @param {AnalyzeRequest} req
 * @returns {Promise<{json: string, wait: number, go: number}>} json: the envelope, {ok: true, data: Analysis}
 *   or {ok: false, error: {code, message}}; wait: ms waiting for the module, go: ms in the call
 */
export async function analyzeJSON(req) {
  const t0 = performance.now();
  busy++;
  loadingSince = null;
  try {
    const mod = await pageModule();
    const t1 = performance.now();
    stats.goCalls++;
    // Composed (NFC) here, once for the whole answer: the module leaves that to the browser (shared/paper/nfc_js.go).
    const json = composed(mod.analyze(req));
    return { json, wait: t1 - t0, go: performance.now() - t1 };
  } finally {
    busy--;
    lastPage = performance.now();
  }
}

/**
 * Changes the For-you library index (see Library in wasm/bridge): one call into Go.
 * @param {string} json a bridge.LibraryRequest @returns {Promise<string>} the envelope of a bridge.LibraryState
 */
export async function libraryJSON(json) {
  busy++;
  try {
    const mod = await pageModule();
    stats.libraryCalls++;
    return mod.library(json);
  } finally {
    busy--;
  }
}
