// Where the wasm engine runs, the one place Chrome and Firefox differ (see engine.js). Chrome: an offscreen
// document, which outlives the service worker, reached by runtime messages. The Firefox build replaces this file
// with host-firefox.js (scripts/build-extension.sh); both export the same two functions.
const URL_ = 'offscreen/offscreen.html';
/** @type {Promise<void>|null} */
let open = null;

/** Creates the offscreen document unless it exists; it survives worker stops, so ask Chrome first. */
export function ensureHost() {
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
 * Delivers a message for the engine (target: offscreen) and resolves to its reply.
 * @param {{target: string, type: string, [key: string]: any}} msg
 */
export function toHost(msg) {
  return chrome.runtime.sendMessage(msg);
}
