// The wasm engine as the service worker sees it: calls go to the offscreen document, created on first use.
import { MSG, TARGET } from '../lib/messages.js';

const URL_ = 'offscreen/offscreen.html';
/** @type {Promise<void>|null} */
let open = null;

/** Creates the offscreen document unless it exists; it survives worker stops, so ask Chrome first. */
export function ensureEngine() {
  open ??= (async () => {
    const url = chrome.runtime.getURL(URL_);
    const found = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
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
 * Calls a bridge function (see wasm/bridge) in the offscreen document and returns its data.
 * @param {'extract'|'summarize'|'digest'} name
 * @param {...string} args
 */
export async function call(name, ...args) {
  await ensureEngine();
  const reply = await chrome.runtime.sendMessage({ target: TARGET.OFFSCREEN, type: MSG.WASM_CALL, name, args });
  if (!reply) throw new Error(`${name}: the engine did not answer`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
