// Text the user types in the popup (a paper's note, its tags) comes over one port (PORT.TYPED), so that closing
// the popup never loses it: closing (Escape, a click elsewhere) fires no change event and stops the popup's
// timers. The popup posts a draft at every input, and the same message with apply: true after the typing pause
// or when the field loses focus; the drafts not applied when the port closes are applied then. One port keeps
// drafts and applies in the order they were typed.
// Text the library refuses (a tag over 64 characters, a note over the limit, a full disk) is kept with why under
// REFUSED_KEY until that field of that paper is saved: the popup may have closed before the refusal, and it shows
// the kept text in the field, with the reason, when it opens again.
import * as library from './library.js';
import { errorInfo, REFUSED_KEY } from '../lib/messages.js';
import { keyOf } from '../lib/saved.js';

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
  const run = tail.then(() => library.update(m.id, m.patch || {}));
  tail = run.then(() => keep(m, null), (err) => keep(m, err))
    .catch((err) => console.warn('papergist: keeping a refused typed edit', err));
  return run;
}

/** How many refused texts are kept, the latest: the rest are of papers long removed. */
const MAX_KEPT = 50;

/**
 * Inside library.exclusive, as library.remove forgets what is kept of the paper it removes (forgetTyped). Text
 * refused for a paper not saved (removed before its apply) is not kept: a save of the paper later would show it.
 * @param {Typed} m @param {unknown} err the refusal, or null when m was saved
 */
function keep(m, err) {
  return library.exclusive(async () => {
    const key = `${m.field}\n${m.id}`;
    const { [REFUSED_KEY]: kept = {}, [keyOf(m.id)]: saved } = await chrome.storage.local.get([REFUSED_KEY, keyOf(m.id)]);
    const refused = Boolean(err && saved);
    if (!refused && !Object.hasOwn(kept, key)) return;
    delete kept[key]; // the latest last
    if (refused) {
      kept[key] = { id: m.id, field: m.field, patch: m.patch, error: errorInfo(err), at: new Date().toISOString() };
      console.warn('papergist: typed text refused, kept for the popup', err);
    }
    await chrome.storage.local.set({ [REFUSED_KEY]: Object.fromEntries(Object.entries(kept).slice(-MAX_KEPT)) });
  });
}
