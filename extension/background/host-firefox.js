// Where the wasm engine runs in Firefox, which the build puts in place of host.js (scripts/build-extension.sh).
// Firefox has no offscreen documents, and it needs none: its background is an event page with a DOM, so the
// engine module Chrome loads in the offscreen document (offscreen/offscreen.js) runs here, and its handlers are
// called in place, as a runtime message would reach them. The page is unloaded when idle, engine and all.
import { deliver, TARGET } from '../lib/messages.js';
import '../offscreen/offscreen.js'; // registers its handlers (dispatch) and starts loading the wasm
import { setWarmUpRounds } from '../offscreen/wasm.js';

// Chrome's 120 warm-up rounds are for its code cache, which keeps optimized code across browser starts.
// Firefox keeps none here: it caches compiled wasm only for modules fetched over HTTP(S), and not when it tiers
// up lazily. So the rounds only pay the module's first-call costs (the first round is the slow one); more of
// them held this page's main thread and a core while the first page after browser start arrived: with 10,
// `make bench-extension`'s first 200-paper page took a median 298 ms against 395 ms with 120 (10 starts each,
// alternated, load 6-10 on 2 cores), its message waiting 46 ms for this page against 74 ms.
setWarmUpRounds(10);

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
