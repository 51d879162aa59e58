// Where the wasm engine runs in Firefox, which the build puts in place of host.js (scripts/build-extension.sh).
// Firefox has no offscreen documents, and it needs none: its background is an event page with a DOM, so the
// engine module Chrome loads in the offscreen document (offscreen/offscreen.js) runs here, and its handlers are
// called in place, as a runtime message would reach them. The page is unloaded when idle, engine and all.
import { deliver, TARGET } from '../lib/messages.js';
import '../offscreen/offscreen.js'; // registers its handlers (dispatch) and starts loading the wasm

/** The engine loads with this page; nothing to open. */
export function ensureHost() {
  return Promise.resolve();
}

/**
 * Delivers a message for the engine (target: offscreen) to the handlers offscreen.js registered in this page.
 * @param {{target: string, type: string, [key: string]: any}} msg
 */
export function toHost(msg) {
  return deliver(TARGET.OFFSCREEN, msg);
}
