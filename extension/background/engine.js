// The engine as the background sees it: analyze(request) runs the wasm's one call per page state. On Chrome the
// wasm host (offscreen/wasm.js) lives in an offscreen document, created at worker start; a browser with
// background pages could import the host here instead and call it directly.
import { MSG, TARGET, unwrap } from '../lib/messages.js';

/** @typedef {import('../lib/messages.js').AnalyzeRequest} AnalyzeRequest */
/** @typedef {import('../lib/messages.js').Analysis} Analysis */

const URL_ = 'offscreen/offscreen.html';
/** @type {Promise<void>|null} */
let open = null;

/** What the engine has done, for the tests that count trips (see service-worker.js). */
export const engineStats = { trips: 0, goCalls: 0 };

/** Creates the offscreen document unless it exists; it survives worker stops, so ask Chrome first. */
export function ensureEngine() {
  open ??= (async () => {
    const url = chrome.runtime.getURL(URL_);
    const contextTypes = [/** @type {chrome.runtime.ContextType} */ ('OFFSCREEN_DOCUMENT')];
    const found = /** @type {chrome.runtime.ExtensionContext[]} */ (await chrome.runtime.getContexts({ contextTypes, documentUrls: [url] }));
    if (found.length) return;
    await chrome.offscreen.createDocument({
      url: URL_,
      reasons: ['DOM_PARSER'],
      justification: 'Runs the papergist WebAssembly extractor, which parses the HTML of paper listings.',
    }).catch((err) => {
      if (!/single offscreen/i.test(String(err && err.message))) throw err; // created meanwhile
    });
  })().catch((err) => {
    open = null;
    throw err;
  });
  return open;
}

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
  const { json, wait, go, stats } = unwrap(await chrome.runtime.sendMessage({ target: TARGET.OFFSCREEN, type: MSG.ENGINE_ANALYZE, request }), MSG.ENGINE_ANALYZE);
  engineStats.goCalls = stats.goCalls;
  /** @type {Analysis} */
  const analysis = unwrap(JSON.parse(json), 'analyze');
  // engineOpen: the offscreen document ready; engine: the trip, of which hostWait for the module, go in Go.
  analysis.timing = { ...analysis.timing, engineOpen: t1 - t0, engine: performance.now() - t1, hostWait: wait, go,
    compile: stats.compile, goStart: stats.goStart, warmUp: stats.warmUp };
  return analysis;
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
 * Summaries of papers known without a page (a PDF's metadata), in order, through the same call.
 * @param {import('../lib/messages.js').Paper[]} papers @returns {Promise<import('../lib/messages.js').Summary[]>}
 */
export async function summaries(papers) {
  const titled = papers.filter((p) => p && typeof p.title === 'string' && p.title.trim());
  const got = titled.length ? (await analyze({ papers: titled })).entries.map((e) => e.summary) : [];
  // A paper without a title (a PDF that shows none) has nothing to summarize.
  let i = 0;
  return papers.map((p) => (titled.includes(p) ? got[i++] : { tldr: '', keyphrases: [] }));
}
