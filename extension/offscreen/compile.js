// The offscreen document's first script, a classic one, so that it runs as soon as the document is parsed: it
// starts fetching and compiling the page module (from its extension URL, as moduleResponse in wasm.js does, for
// Chrome's code cache) while the engine's modules load, instead of after them. At browser start those took
// 220-760 ms; the module was then ready a median 210 ms sooner (8 starts each, alternated). wasm.js takes the
// compiled module from here.
/** @type {any} */ (globalThis).papergistCompile = {
  at: performance.now(),
  module: WebAssembly.compileStreaming(fetch('../wasm/papergist.wasm')),
};
// Only wasm.js reports a failure (and then loads the module again itself).
/** @type {any} */ (globalThis).papergistCompile.module.catch(() => {});
