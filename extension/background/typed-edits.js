// Text the user types in the popup (a paper's note, its tags) comes over one port (PORT.TYPED), so that closing
// the popup never loses it: closing (Escape, a click elsewhere) fires no change event and stops the popup's
// timers. The popup posts a draft at every input, and the same message with apply: true after the typing pause
// or when the field loses focus; the drafts not applied when the port closes are applied then. One port keeps
// drafts and applies in the order they were typed.
// Text the library refuses (a tag over 64 characters, a note over the limit, a full disk) is kept with why
// (typed-refused.js) until that field of that paper is saved: the popup may have closed before the refusal, and it
// shows the kept text in the field, with the reason, when it opens again.
import * as library from './library.js';
import { errorInfo } from '../lib/messages.js';
import * as refusedText from './typed-refused.js';

/**
 * {seq, id, field, patch, apply}: patch is the library.update patch of the field's text as typed; apply: true
 * applies it now and answers {seq, error?} on the port.
 * @typedef {{seq: number, id: string, field: string, patch: {tags?: string[], note?: string}, apply: boolean}} Typed
 */

/** For the tests: how many popups connected since the worker started. */
export const stats = { ports: 0 };

/** @param {chrome.runtime.Port} port a popup's ({keep: true} messages only keep the worker running) */
export function typedEdits(port) {
  stats.ports++;
  /** @type {Map<string, Typed>} the last draft of each paper's field, not applied yet */
  const drafts = new Map();
  port.onMessage.addListener((/** @type {Typed} */ m) => {
    if (!m || typeof m.id !== 'string' || typeof m.field !== 'string') return;
    const key = `${m.field}\n${m.id}`;
    if (!m.apply) {
      drafts.set(key, m);
      return;
    }
    drafts.delete(key);
    apply(m).then(() => ({ seq: m.seq }), (err) => ({ seq: m.seq, error: errorInfo(err) }))
      .then((reply) => {
        try {
          port.postMessage(reply);
        } catch {
          // the popup closed meanwhile
        }
      });
  });
  port.onDisconnect.addListener(() => {
    for (const m of drafts.values()) apply(m).catch(() => {}); // refused: kept, with why (keep)
    drafts.clear();
  });
}

/** The applies of every port, one after another, each with its keep: a refusal is kept or cleared in typing order. */
let tail = Promise.resolve();

/** Applies typed text, and keeps it with why when it is refused (else forgets what was kept of that field). */
function apply(/** @type {Typed} */ m) {
  // Text kept after a refusal goes against the value it was typed on: another device's value synced in since is
  // not replaced but met as a conflict the user settles (library.update's base).
  const run = tail.then(() => refusedText.baseOf(m)).then((base) => library.update(m.id, m.patch || {},
    base === undefined ? {} : { base: { [m.field]: base } }));
  tail = run.then(() => keep(m, null), (err) => keep(m, err))
    .catch((err) => console.warn('papergist: keeping a refused typed edit', err));
  return run;
}

/** Keeps or clears the field's refusal (typed-refused.js), inside library.exclusive as every library write. */
function keep(/** @type {Typed} */ m, /** @type {unknown} */ err) {
  return library.exclusive(() => refusedText.keep(m, err));
}
