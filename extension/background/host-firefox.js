// Where the wasm engine runs in Firefox, which the build puts in place of host.js (scripts/build-extension.sh).
// Firefox has no offscreen documents, and it needs none: its background is an event page with a DOM, so the
// engine module Chrome loads in the offscreen document (offscreen/offscreen.js) runs here, and its handlers are
// called in place, as a runtime message would reach them. The page is unloaded when idle, engine and all.
import { deliver, TARGET } from '../lib/messages.js';
import { withLimit } from '../lib/limit.js';
import '../offscreen/offscreen.js'; // registers its handlers (dispatch) and starts loading the wasm
import { setWarmUp } from '../offscreen/wasm.js';

// Chrome's 120 warm-up rounds are for its code cache, which keeps optimized code across browser starts.
// Firefox keeps none here: it caches compiled wasm only for modules fetched over HTTP(S), and not when it tiers
// up lazily. Past the first rounds (the first pays the module's first-call costs) they mostly held this page's
// main thread and a core while the first page after browser start arrived. `make bench-extension`'s first
// 200-paper page, alternating builds over 7 starts each (load 1-4 on 2 cores): median 272 ms with 30 rounds,
// 301 ms with 10, 368 ms with 120; its message waited 39 ms for this page with 30 against 59 ms with 120. On
// a quieter machine (load under 2, 10 starts each) 30 and 120 were alike: 338 and 332 ms.
// No pause after a page: 30 rounds are soon done, and a pause only moved them into the next page's time (the warm
// 50-paper page right after the cold one, `make bench-extension`, 2 runs of each alternated: medians 103 and 88 ms
// without it, 130 and 121 with 500 ms).
setWarmUp({ rounds: 30, largeRounds: 0, afterPageMs: 0, loadingPageMs: 0 });

/** The engine loads with this page; nothing to open. */
export function ensureHost() {
  return Promise.resolve();
}

/**
 * Delivers a message for the engine (target: offscreen) to the handlers offscreen.js registered in this page, and
 * resolves to its reply; one not there within limitMs (the module's start awaited) is answered {code: "timeout"}.
 * The module's start has a limit of its own (offscreen/wasm.js), after which the next call starts it again.
 * @param {{target: string, type: string, [key: string]: any}} msg @param {number} [limitMs]
 */
export function toHost(msg, limitMs = Infinity) {
  return withLimit(deliver(TARGET.OFFSCREEN, msg), limitMs,
    () => ({ ok: false, error: { code: 'timeout', message: `the engine did not answer ${msg.type} within ${limitMs} ms` } }));
}
