// How long sync waits before it asks the server again after failures in a row: the rounds' retries (sync.js) and
// the long poll's pauses (sync-live.js) share one formula.
import { NETWORK_LOGIN } from '../lib/messages.js';

const MIN_MS = 2000;
/** Server trouble is asked again within a minute at most, so that sync is live again soon after it is back. */
const SERVER_TROUBLE_MAX_MS = 60_000;
/** Other failures (the server's 500, no answer in time) back off further. */
const OTHER_MAX_MS = 5 * 60_000;
/** A Retry-After is kept to up to this; no back-off ends later (a stored end beyond it is a clock set backwards). */
export const RETRY_AFTER_MAX_MS = 5 * 60_000;
/** A server that cannot be reached at all (a refused connection, which costs it nothing) is asked within 3 s. */
const REFUSED_MAX_MS = 3000;

/**
 * Whether the server itself answered that it cannot serve now: its 429 or 503, or a proxy's or gateway's 502-504
 * page in its place, or any answer with a Retry-After. Only these keep automatic rounds waiting (sync.js); a
 * connection that failed or timed out may be the user's own network, and a change of it is worth a round at once.
 * @param {{status?: number, gateway?: boolean, code?: string, retryAfter?: number}} err
 */
export function serverTrouble(err) {
  if (err.retryAfter > 0) return true;
  if (err.gateway) return err.code !== NETWORK_LOGIN; // a network login page is the user's to clear
  return [429, 502, 503, 504].includes(err.status);
}

/**
 * The wait after the failures-th failure in a row, in ms: 2 s doubling, with ± 20 % jitter that stays inside the
 * cap (1 minute for server trouble, 5 minutes for other errors), or the Retry-After if longer, plus 0-20 % so that
 * devices told the same second do not all come back in it (up to 5 minutes).
 * quick: a connection that failed without an answer is retried within 3 s (the long poll's).
 * @param {{offline?: boolean, gateway?: boolean, status?: number, code?: string, retryAfter?: number}} err
 * @param {number} failures @param {{rand?: number, quick?: boolean}} [opts] rand: the jitter, in [0, 1)
 */
export function retryDelay(err, failures, { rand = Math.random(), quick = false } = {}) {
  const jitter = 0.8 + rand * 0.4;
  if (quick && err.offline && !err.gateway && !err.status) return Math.min(REFUSED_MAX_MS, 1000 * 2 ** (failures - 1)) * jitter;
  const cap = serverTrouble(err) ? SERVER_TROUBLE_MAX_MS : OTHER_MAX_MS;
  const delay = Math.min(MIN_MS * 2 ** (failures - 1), cap / 1.2) * jitter;
  return err.retryAfter > 0 ? Math.max(delay, Math.min(RETRY_AFTER_MAX_MS, err.retryAfter * (1 + rand * 0.2))) : delay;
}
