// The offscreen document: runs the wasm module for the service worker, and keeps it (and the pages it has
// read) while the worker is stopped and started again.
import { MSG, TARGET, dispatch } from '../lib/messages.js';
import { hash } from '../lib/hash.js';
import { call, wasmReady } from './wasm.js';
import { pdfHandlers } from './pdf.js';

wasmReady().catch((err) => console.error('papergist: wasm', err));

/**
 * Extraction results by page URL and a hash of its HTML: a page seen again unchanged (back, reload,
 * another tab) skips the extractor. Abstracts and summaries are filled later from their own caches.
 * @type {Map<string, any>}
 */
const pages = new Map();
const MAX_PAGES = 24;

async function extractCached(html, url) {
  const key = `${url}\n${html.length}:${hash(html)}`;
  let res = pages.get(key);
  if (res) {
    pages.delete(key); // most recently used last
  } else {
    res = await call('extract', html, url);
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value);
  }
  pages.set(key, res);
  return res;
}

dispatch(TARGET.OFFSCREEN, {
  ...pdfHandlers, // the PDF module, loaded on its first call
  [MSG.WASM_CALL]: async ({ name, args }) => {
    if (!['extract', 'summarize', 'digest'].includes(name) || !Array.isArray(args)) throw new Error(`bad wasm call ${name}`);
    return { data: name === 'extract' ? await extractCached(args[0], args[1]) : await call(name, ...args) };
  },
});
