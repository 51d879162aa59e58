// The first module the service worker evaluates (service-worker.js imports it before any other): it asks Chrome
// for the engine's offscreen document before the other modules run their start-up (storage, IndexedDB, menus), so
// that the document fetches and compiles the wasm meanwhile. In a trace of Chromium's start (under load), the
// worker's modules evaluated for 485 ms and the microtasks of its first storage and IndexedDB replies ran for
// 100 ms more before the document was asked for, 1.3 s after the worker's thread started.
import { ensureEngine } from './engine.js';

/** Opens the engine unless it is open; failures are logged, and the next page's analysis tries again. */
export const openEngine = () => ensureEngine().catch((err) => console.error('papergist: engine', err));

openEngine();
