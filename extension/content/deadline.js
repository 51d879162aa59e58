// The content script's own limit on a page's analysis: the background answers within its engine limit (20 s of
// the engine answering nothing, background/engine.js), but a background that hangs elsewhere (a storage call that
// never returns) would leave the page "loading" for good. Past this deadline the page fails as on any other error
// (content/main.js failed: a notice where the page is known to have papers, else the badge).
import { AppError } from '../lib/messages.js';
import { withLimit } from '../lib/limit.js';

/**
 * How long a page waits for its analysis, in ms: well above the engine's limit, since the engine's limit counts
 * only time in which it answered nothing, and pages queued behind others (many tabs opening at once) take longer.
 */
export const PAGE_DEADLINE_MS = 60_000;

/**
 * The promise, or a rejection with {code: "timeout"} once ms have passed without it settling.
 * @template T @param {Promise<T>} promise @param {number} ms @returns {Promise<T>}
 */
export function withDeadline(promise, ms) {
  return withLimit(promise, ms, () => { throw new AppError('timeout', `no answer to the page within ${ms} ms`); });
}
