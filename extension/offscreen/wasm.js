// The wasm host: loads the Go module (extractor + summarizer, see wasm/main.go) once and calls it. It needs
// no offscreen document: on Chrome the offscreen document imports it (it outlives the service worker, which
// would otherwise pay the instantiation on every wake-up); a background page could import it as it is.
import '../wasm/wasm_exec.js';

/** @typedef {import('../lib/messages.js').AnalyzeRequest} AnalyzeRequest */

/**
 * What the host has done since it started: when each step of loading the module ended (ms since the host's
 * time origin; compiled: the module compiled and instantiated, started: the Go runtime up, warm: warm-up
 * done) and how many calls into Go it made.
 */
export const stats = { compiled: 0, started: 0, warm: 0, goCalls: 0 };

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

async function instantiate(file, exportName, env) {
  const go = new globalThis.Go();
  go.env = { ...go.env, ...env };
  const ready = new Promise((resolve) => {
    globalThis[`${exportName}Ready`] = resolve;
  });
  // Streaming: compilation starts with the first bytes read. (Chrome no longer stores a compiled
  // WebAssembly.Module in IndexedDB, and keeps no code cache for extension files.)
  const { instance } = await WebAssembly.instantiateStreaming(fetch(chrome.runtime.getURL(file)), go.importObject);
  if (file === PAGE_MODULE) stats.compiled = performance.now();
  go.run(instance); // resolves only when Go exits, which it never does
  await ready;
  return globalThis[exportName];
}

const PAGE_MODULE = 'wasm/papergist.wasm';

/** The page module, started and warmed up once: see warmUp in wasm/bridge. */
let page = null;

/** Starts loading the page module unless it is loading, and resolves once it is warm. */
export function pageModule() {
  page ??= loadGo(PAGE_MODULE, 'papergist', {
    // Collect less often: pages are parsed in bursts and the heap is dropped between them, so fewer GC
    // cycles buy speed for a few MB. (Read by the Go runtime at start, like the GOGC variable.)
    GOGC: '400',
  }).then((mod) => {
    stats.started = performance.now();
    mod.warmUp();
    stats.warm = performance.now();
    return mod;
  }, (err) => {
    page = null;
    throw err;
  });
  return page;
}

/**
 * Analyzes one page state (see Analyze in wasm/bridge): one call into Go.
 * @param {AnalyzeRequest} req
 * @returns {Promise<string>} the JSON envelope: {ok: true, data: Analysis} or {ok: false, error: {code, message}}
 */
export async function analyzeJSON(req) {
  const mod = await pageModule();
  stats.goCalls++;
  return mod.analyze(req);
}
