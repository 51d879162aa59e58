// The Go module (extractor + summarizer). It is instantiated once per service-worker life, eagerly at
// startup, because the worker loses all Go state whenever Chrome stops it.
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
  const ready = new Promise((resolve) => {
    globalThis.papergistReady = resolve;
  });
  const { instance } = await WebAssembly.instantiateStreaming(
    fetch(chrome.runtime.getURL('wasm/papergist.wasm')),
    go.importObject,
  );
  go.run(instance); // resolves only when Go exits, which it never does
  await ready;
  return globalThis.papergist;
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
