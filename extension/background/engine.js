// The engine as the background sees it: analyze(request) runs the wasm's one call per page state. The wasm host
// (offscreen/wasm.js) runs where host.js says: Chrome's offscreen document, opened at worker start; in Firefox
// the background page itself.
import { MSG, TARGET, unwrap } from '../lib/messages.js';
import { ensureHost, toHost } from './host.js';

/** @typedef {import('../lib/messages.js').AnalyzeRequest} AnalyzeRequest */
/** @typedef {import('../lib/messages.js').Analysis} Analysis */

/**
 * What the engine has done, for the tests that count trips (see service-worker.js): trips and goCalls are page
 * analyses, libraryTrips the changes of the For-you library index (for-you.js), never one per page;
 * compiledEarly whether the engine's module was compiled as its document opened (offscreen/compile.js); retries
 * the analyses sent again because their document went away unnoticed (each waited for host.js to find out);
 * pagesLoading the pages the engine heard were loading (pageLoading), as of its last analysis.
 */
export const engineStats = { trips: 0, goCalls: 0, libraryTrips: 0, compiledEarly: false, retries: 0, pagesLoading: 0 };

/**
 * How long the engine may stay silent on an analysis, in ms, counted from its handing to an open document (its
 * opening and its module's start not included), not counting time in which the engine answered other pages (host.js:
 * a busy engine is not stuck): then it fails with {code: "timeout"}, which the page says (content/notice.js), and a
 * stuck document is closed for the next page (host.js). The one try again after a document gone gets a whole window
 * of its own. Far above the slowest first page after browser start seen on a loaded machine (2.6 s, load 12-29 on 2
 * cores): it is for an engine that will not answer. The page's own deadline (content/deadline.js) bounds the whole.
 * The tests set it lower through globalThis.papergistLimits (service-worker.js).
 */
export const engineLimits = { analyzeMs: 20_000 };

/** Opens the engine's host (Chrome: the offscreen document) unless it is open. */
export const ensureEngine = ensureHost;

/**
 * Analyzes one page state: one trip to the wasm host, one call into Go (see Analyze in wasm/bridge).
 * @param {AnalyzeRequest} request
 * @returns {Promise<Analysis>} throws an AppError with the bridge's code
 */
export async function analyze(request) {
  const t0 = performance.now();
  await ensureEngine();
  const t1 = performance.now();
  engineStats.trips++;
  const msg = { target: TARGET.OFFSCREEN, type: MSG.ENGINE_ANALYZE, request };
  let reply = await toHost(msg, engineLimits.analyzeMs);
  // The document went away since the last page (it crashed), which the channel learns only by this request going
  // unanswered: once more, on a document opened again, with a whole limit of its own (however long this one waited
  // in the engine's queue). An analysis can be repeated; a library change cannot.
  if (!reply.ok && reply.error?.code === 'engine_stopped') {
    engineStats.retries++;
    reply = await toHost(msg, engineLimits.analyzeMs);
  }
  const { json, wait, go, queued, doneAt, stats } = unwrap(reply, MSG.ENGINE_ANALYZE);
  const back = performance.timeOrigin + performance.now() - doneAt;
  engineStats.goCalls = stats.goCalls;
  engineStats.compiledEarly = stats.compiledEarly;
  engineStats.pagesLoading = stats.pagesLoading;
  /** @type {Analysis} */
  const analysis = unwrap(JSON.parse(json), 'analyze');
  // engineOpen: the offscreen document ready; engine: the trip, of which hostQueue waiting for the host's thread
  // (instantiating or starting the module, or in another call into Go: a warm-up round, another page, the library;
  // the request's reading in included), hostWait then for the module's start, go in Go, and hostBack the answer's
  // way back (wall clocks of two threads, so roughly).
  analysis.timing = { ...analysis.timing, engineOpen: t1 - t0, engine: performance.now() - t1, hostQueue: queued,
    hostWait: wait, go, hostBack: Math.max(0, back), compile: stats.compile, goStart: stats.goStart, warmUp: stats.warmUp };
  return analysis;
}

/**
 * Tells the engine that a page of a supported site has started loading, so that its warm-up makes way for the
 * page (see pageLoading in offscreen/wasm.js). Nothing waits for it.
 */
export function pageLoading() {
  toHost({ target: TARGET.OFFSCREEN, type: MSG.ENGINE_PAGE_LOADING })
    .then((reply) => unwrap(reply, MSG.ENGINE_PAGE_LOADING))
    .catch((err) => console.warn('papergist: engine', err));
}

/**
 * The papers of a page or feed (an arXiv API answer, a paper's landing page), each with its summary: the
 * entries of one analysis.
 * @param {string} html @param {string} url @returns {Promise<import('../lib/messages.js').Entry[]>}
 */
export async function entriesOf(html, url) {
  return (await analyze({ html, url })).entries;
}

/**
 * Summaries of papers known without a page (a PDF's metadata), in order, through the same call; a paper with
 * neither title nor abstract gets an empty one (see Analyze's papers in wasm/bridge).
 * @param {import('../lib/messages.js').Paper[]} papers @returns {Promise<import('../lib/messages.js').Summary[]>}
 */
export async function summaries(papers) {
  return papers.length ? (await analyze({ papers })).entries.map((e) => e.summary) : [];
}
