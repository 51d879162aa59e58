// The Go module (extractor + summarizer), instantiated once in the offscreen document, which outlives the
// service worker: Chrome stops an idle worker, and a worker would pay the instantiation on every wake-up.
import '../wasm/wasm_exec.js';

/** @type {Promise<any>|null} */
let api = null;

/** Starts loading the module if it is not loading yet, and resolves to globalThis.papergist. */
export function wasmReady() {
  if (!api) {
    api = load().catch((err) => {
      api = null; // let the next call try again
      throw err;
    });
  }
  return api;
}

async function load() {
  const go = new globalThis.Go();
  // Collect less often: pages are parsed in bursts and the heap is dropped between them, so fewer GC
  // cycles buy speed for a few MB. (Read by the Go runtime at start, like the GOGC variable.)
  go.env = { ...go.env, GOGC: '400' };
  const ready = new Promise((resolve) => {
    globalThis.papergistReady = resolve;
  });
  const { instance } = await WebAssembly.instantiateStreaming(
    fetch(chrome.runtime.getURL('wasm/papergist.wasm')),
    go.importObject,
  );
  go.run(instance); // resolves only when Go exits, which it never does
  await ready;
  warmUp(globalThis.papergist);
  return globalThis.papergist;
}

/**
 * Runs the extractor and summarizer once on a small listing, right after instantiation, while the page
 * that woke the worker is still loading: V8 first runs wasm from baseline code and optimizes the hot
 * functions only once they have run, so the first real page would otherwise pay for the slow tier.
 */
function warmUp(mod) {
  const item = (i) => `<dt><a href="/abs/2501.0000${i}" title="Abstract">arXiv:2501.0000${i}</a></dt>
    <dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Warm-up paper ${i}</div>
    <div class="list-authors"><a href="/a/${i}">Ada Lovelace</a>, <a href="/b/${i}">Alan Turing</a></div>
    <p class="mathjax">We study warm-up. We propose a method that is fast. It improves results by ${i} points.</p></div></dd>`;
  const page = `<!doctype html><html><head><title>warm-up</title><meta name="citation_title" content="x"></head>
    <body><div id="dlpage"><dl id="articles">${Array.from({ length: 40 }, (_, i) => item(i)).join('')}</dl></div></body></html>`;
  try {
    for (let i = 0; i < 3; i++) {
      const res = JSON.parse(mod.extract(page, 'https://arxiv.org/list/cs.CL/new'));
      const papers = (res.data && res.data.papers) || [];
      mod.summarize(JSON.stringify(papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract || '' }))));
      mod.digest(JSON.stringify(papers));
    }
  } catch (err) {
    console.warn('papergist: warm-up', err);
  }
}

/**
 * Calls a bridge function (see wasm/bridge) and returns its data, throwing its error.
 * @param {'extract'|'summarize'|'digest'} name
 * @param {...string} args
 */
export async function call(name, ...args) {
  const mod = await wasmReady();
  const env = JSON.parse(mod[name](...args));
  if (!env.ok) throw new Error(`${name}: ${env.error}`);
  return env.data;
}
