// Live sync: while signed in, one long poll (GET /v1/sync/wait) is open. The server answers it as soon as another
// device writes to the library, and the engine then runs a round (sync.js), so a change shows here within a
// round trip. Otherwise the server answers after WAIT_S seconds with "no change", which tells this device it is
// current, and the next wait goes out. A fetch that answers within 30 s keeps the MV3 service worker alive,
// and each answer is followed by extension API calls, so the worker stays up while signed in at the cost of one
// request per WAIT_S; should it stop anyway, the engine's alarms and the next look (popup, listing) start the
// loop again, and the rounds at start, after edits and on the alarm remain the fallback.
import * as account from './account.js';
import { syncNow, syncedSince, endedOnServer, lastRoundFailed, backoffEnd } from './sync.js';
import { CHECKED_KEY, NETWORK_LOGIN } from '../lib/messages.js';
import { retryDelay } from './backoff.js';

/** Seconds the server holds a wait without a change: under the 30 s after which Chrome stops a fetching worker. */
const WAIT_S = 25;
/** Network time allowed on top of the wait before the fetch is abandoned. */
const FETCH_SLACK_MS = 4000;
/** The pause after a change that a round did not pull (never spin). */
const MIN_BACKOFF_MS = 2000;
/** Opening the popup or a listing runs a round unless the library was known current this recently. */
const LOOK_GAP_MS = 5000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @type {Promise<void>|null} the running loop */
let loop = null;
/** Whether a wait is open and the one before it answered: any change then reaches this device by itself, so
 * the library is current now. */
let healthy = false;

/** Ends the loop's pause after a failed wait early (see serverReached); null while it is not pausing so. */
let retryNow = /** @type {(() => void)|null} */ (null);

/**
 * A sync round just got its answers from the server: a wait that failed (a 500 during a deploy, say) and is
 * pausing before it tries again, for up to 5 minutes, goes out now, so that other devices' changes arrive live
 * again at once rather than on the next alarm. Not after a refusal of the waits themselves (429), nor from a
 * page or popup opening, which would beat the pause at the rate pages load.
 */
export function serverReached() {
  retryNow?.();
}

/** Starts the loop unless it runs. It ends by itself when signed out, offline, or on another library. */
export function listen() {
  loop ??= run().finally(() => {
    loop = null;
    healthy = false;
  });
  return loop;
}

/** @returns {boolean} whether the library is being listened to right now */
export const listening = () => healthy;

/** Records that the library was current just now (the popup's "Synced" needs a check within the last minute). */
export function markChecked() {
  return chrome.storage.local.set({ [CHECKED_KEY]: new Date().toISOString() });
}

/**
 * Waits ms, or less should a round reach the server meanwhile (serverReached) when interruptible.
 * @param {number} ms @param {boolean} interruptible
 */
async function pause(ms, interruptible) {
  await new Promise((/** @type {(v?: unknown) => void} */ resolve) => {
    const timer = setTimeout(resolve, ms);
    if (interruptible) {
      retryNow = () => {
        clearTimeout(timer);
        resolve();
      };
    }
  });
  retryNow = null;
}

async function run() {
  let failures = 0;
  let answered = false;
  // Started during a failed round's back-off (Chrome stops an idle worker, and the next event starts another):
  // the first wait goes out with the round's retry, not at every start, and its answer runs a round (as after a
  // failed wait) whatever it says, so that what waits is pushed at the back-off's end.
  const until = await backoffEnd();
  if (until > Date.now()) {
    await pause(until - Date.now(), true);
    failures = 1;
  }
  for (;;) {
    const a = await account.session();
    const since = a ? await syncedSince(a) : null;
    if (since === null || navigator.onLine === false) return; // the first round, or 'online', starts it again
    try {
      healthy = answered && failures === 0;
      const { status, data } = await account.api('GET', `/v1/sync/wait?since=${since}&timeout=${WAIT_S}`, {
        expect: a.deviceId, timeout: WAIT_S * 1000 + FETCH_SLACK_MS,
      });
      healthy = false;
      if (status === 200 && !(data && Number.isSafeInteger(data.version))) {
        // Over http, a network login page's own JSON: backed off as its web page is (account.js request), not a
        // round each time, which met the same page and paused the loop 3 s at most, as for no connection.
        const foreign = account.foreignAnswer(a.server, status, data, 'wait');
        if (foreign.offline) throw foreign;
      }
      if (status === 200 || failures) {
        // Changed elsewhere, or the server is back after a failure: a round pulls (and pushes what waited). An
        // automatic one: after a failed round, not before its retry (the waits may answer while pulls meet a 503).
        const st = await syncNow({ auto: true });
        if (st.state === 'signed-out') return;
        // A round that ended well with a paper the server refuses also reads "error": not a reason to back off.
        if (st.state === 'offline' || (st.state === 'error' && (await lastRoundFailed()))) {
          // A login page that met the round, by the status's code: backed off as when it meets the wait, not asked
          // again within a second as a server that cannot be reached at all. Whatever met it, the next wait goes out
          // no sooner than the round's retry (a proxy's 503 in the round would otherwise be asked every 3 s).
          throw roundFailure(st, await backoffEnd());
        }
        if (status === 200 && (await syncedSince(a)) === since) await sleep(MIN_BACKOFF_MS); // never spin
      } else {
        await markChecked();
      }
      failures = 0;
      answered = true;
    } catch (err) {
      healthy = false;
      if (err.code === 'signed_out') {
        if (err.byServer) await endedOnServer(err.message).catch((e) => console.warn('papergist: sync', e));
        return;
      }
      failures++;
      // A server not reached at all is asked again within 3 s: refused connections cost nothing, and a device must
      // hear of the others' edits within seconds of the server coming back.
      await pause(Math.max(retryDelay(err, failures, { quick: true }), (err.until || 0) - Date.now()), err.status !== 429);
    }
  }
}

/**
 * The loop's error for a round that failed, from its status: offline or not, a network login page in the way
 * (backed off as when the wait meets it, up to 5 minutes: the user's to clear), and the round's retry, which the next
 * wait does not come before.
 * @param {{state: string, error?: string, code?: string}} st the round's status @param {number} until ms since the epoch
 */
export function roundFailure(st, until) {
  return Object.assign(new Error(st.error || st.state), { offline: st.state === 'offline', gateway: st.code === NETWORK_LOGIN,
    code: st.code, until });
}

/**
 * The user looks at the library (the popup opened, a listing loaded): a round unless a wait is open or the library
 * was current a moment ago; and the loop is started should the worker have been stopped. An open wait tells of
 * changes as they come, but not that its connection is still alive: the library stays marked current as of the
 * last answer (at most WAIT_S ago while the waits answer), which is what the popup's "Synced" claims.
 */
export async function looked() {
  if (!healthy && (await account.session())) {
    const { [CHECKED_KEY]: at } = await chrome.storage.local.get(CHECKED_KEY);
    if (!(Date.now() - Date.parse(at) < LOOK_GAP_MS)) await syncNow({ auto: true });
  }
  listen();
}
