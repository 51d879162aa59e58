// The sync account: the server's URL, sign-in, tokens and devices. The session (tokens included) lives in the
// extension origin's IndexedDB (idb-keyval): neither web pages nor content scripts can open it, unlike
// chrome.storage.local, which content scripts can read. The access token is refreshed a minute before it
// expires, one refresh at a time. Requests go only to the configured server, whose origin the options page
// asks host permission for at sign-in.
import { createStore, get, set, del } from '../vendor/idb-keyval.js';
import { DEFAULT_SERVER, parseServer } from '../lib/server-url.js';
import { NETWORK_SIGN_IN, NETWORK_LOGIN, GATEWAY_PAGE } from '../lib/messages.js';

const SERVER_KEY = 'sync:server'; // chrome.storage.local: the server to sign in to (not a secret)
const REFRESH_EARLY_MS = 60_000;
const TIMEOUT_MS = 20_000;

const store = createStore('papergist-account', 'session');

/**
 * The signed-in session. accessExp is in ms since the epoch.
 * @typedef {{server: string, email: string, deviceId: string, deviceName: string, access: string,
 *   accessExp: number, refresh: string}} Session
 */

/**
 * An error from the server or the network. offline: the server could not be reached; code: the API's, or
 * papergist's own where the server sent none (signed_out, NETWORK_LOGIN).
 */
export class SyncError extends Error {
  /**
   * @param {string} message
   * @param {{status?: number, code?: string, offline?: boolean, byServer?: boolean, gateway?: boolean,
   *   retryAfter?: number}} [info] byServer: the server ended this login (signed_out), as opposed to a sign-out or
   *   another sign-in here; gateway: a proxy or gateway in between answered for the server (its 502-504 page);
   *   retryAfter: the answer's Retry-After, in ms (0: none)
   */
  constructor(message, info = {}) {
    super(message);
    this.status = info.status || 0;
    this.code = info.code || '';
    this.offline = Boolean(info.offline);
    this.byServer = Boolean(info.byServer);
    this.gateway = Boolean(info.gateway);
    this.retryAfter = info.retryAfter || 0;
  }
}

/**
 * The papergist server's own error: every error it sends is {"error": {"code": "<a code>", "message": …}}
 * (backend/httpapi/errors.go). Another web app's JSON error ({"message": "Not Found"}, or an "error" object
 * without a string code) is not one.
 * @param {any} data the parsed body @returns {{code: string, message?: string}|null}
 */
export function ownError(data) {
  const e = data && typeof data === 'object' ? data.error : null;
  return e && typeof e === 'object' && typeof e.code === 'string' && e.code ? e : null;
}

/** The server's 401 names its realm (errors.go), and a proxy that replaces the body of errors keeps that header. */
const OWN_REALM = /\brealm="?papergist"?/i;

/**
 * An answer that is no papergist answer (a web page where JSON was due, or JSON with none of papergist's fields),
 * from base, which answered as papergist before (a session is open), over plain http: something between may answer
 * for it, most often a hotel's or train's Wi-Fi login page (its HTML with HTTP 200, or 511). Not "not a papergist
 * server": the login stays, edits wait, and the rounds and the long poll retry with the backoff of a gateway's page
 * (sync.js, sync-live.js). Not "cannot reach" either: an answer came. Never for https (portalPossible): a login
 * page cannot answer there (the TLS handshake fails first), so a web page is the host's own and named as such.
 * @param {string} base @param {number} status the answer's, for the sync engine's decisions
 * @param {string} what what answered
 */
export const networkInTheWay = (base, status, what = 'a web page') => new SyncError(
  `your server ${base} answered with ${what}, not papergist (HTTP ${status}): a network login page may be in the ` +
  `way; ${NETWORK_SIGN_IN}`, { status, code: NETWORK_LOGIN, offline: true, gateway: true });

/** Whether a network login page can answer in base's place: only over plain http. @param {string} base */
export const portalPossible = (base) => /^http:/i.test(base);

/**
 * Fields of papergist's answers (a pull, a push, a session): JSON with any of them is papergist's. An error is
 * papergist's only in its exact envelope (ownEnvelope): "error" and "code" are any web app's words, and a Wi-Fi
 * login page's JSON often has them ({"error": "login required", "code": 401}).
 */
const OWN_FIELDS = ['items', 'deleted', 'version', 'more', 'results', 'access_token', 'refresh_token', 'user',
  'device_id', 'expires_in'];

/**
 * Whether data is papergist's error body exactly, {"error": {"code": "<a code>", "message": "…"}}
 * (syncproto.ErrorBody): nothing beside "error", nothing in it but a non-empty string code and a string message.
 * @param {any} data
 */
export function ownEnvelope(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).join() !== 'error') return false;
  const e = ownError(data);
  return Boolean(e) && !Array.isArray(e) && Object.keys(e).every((k) => k === 'code' || (k === 'message' && typeof e.message === 'string'));
}

/**
 * The error for a 200 JSON answer of the wrong shape from the server signed in to: over http, JSON with none of
 * papergist's fields and not papergist's error envelope (error and code fields of other shapes too) is a network
 * login page's own (networkInTheWay); anything else (a field of the wrong type, an empty body, papergist's error
 * envelope, any https answer) is the server's, which papergist does not understand: a sync error, as before.
 * @param {string} base @param {number} status @param {any} data @param {string} kind 'pull', 'push', 'session'
 */
export function foreignAnswer(base, status, data, kind) {
  const foreign = data && typeof data === 'object' && !Array.isArray(data) &&
    !OWN_FIELDS.some((f) => Object.hasOwn(data, f)) && !ownEnvelope(data);
  if (foreign && portalPossible(base)) return networkInTheWay(base, status, 'JSON of another app');
  return new SyncError(`the server sent a ${kind} answer papergist does not understand`, { status });
}

/**
 * The same at sign-in: nothing has answered as papergist at base yet, so the address may be wrong, or a network
 * login page answers for every address. @param {string} base @param {number} status @param {string} what
 */
const notPapergist = (base, status, what) => new SyncError(`${base} is not a papergist server (HTTP ${status}, ${what}): ` +
  `check the address${portalPossible(base) ? ', or sign in to your network\'s login page first (open any web page in a tab)' : ''}`,
  { status });

/** @param {string|null} v a Retry-After header: seconds, or an HTTP date @returns {number} ms, 0 if none */
function retryAfterMs(v, now = Date.now()) {
  if (!v) return 0;
  const ms = /^\s*\d+\s*$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** @param {string} raw @returns {string} the origin of an http(s) URL, else a SyncError saying what to type */
export function normalizeServer(raw) {
  try {
    return parseServer(raw);
  } catch (err) {
    throw new SyncError(err.message);
  }
}

/** @returns {Promise<Session|null>} */
export async function session() {
  return (await get('session', store)) || null;
}

/** Why the server ended the last login, kept beside the session until the next sign-in or sign-out here. */
const ENDED_KEY = 'ended';
const ENDED_BY_SERVER = 'signed out: this device was signed out on the server; sign in again';

/**
 * Why there is no session, when the server ended it (the words of the request that learnt it), else ''. A round
 * or a request that finds the session gone says the same as the request whose refresh the server refused (the long
 * poll's, most often), rather than a bare "signed out" that depends on which of them ran first.
 * @returns {Promise<string>}
 */
export async function endedReason() {
  return (await session()) ? '' : (await get(ENDED_KEY, store)) || '';
}

/** The error for a request that finds no session (signed out here, or the server ended the login). */
async function noSession() {
  const why = await endedReason();
  return new SyncError(why || 'signed out', { code: 'signed_out', byServer: Boolean(why) });
}

/** @returns {Promise<import('../lib/messages.js').Account|null>} the public part of the session */
export async function account() {
  const s = await session();
  return s && { server: s.server, email: s.email, deviceId: s.deviceId, deviceName: s.deviceName };
}

/** @returns {Promise<string>} the signed-in server, else the configured one */
export async function server() {
  const s = await session();
  if (s) return s.server;
  const { [SERVER_KEY]: v } = await chrome.storage.local.get(SERVER_KEY);
  return v || DEFAULT_SERVER;
}

/** @param {string} raw @returns {Promise<string>} */
export async function setServer(raw) {
  if (await session()) throw new SyncError('sign out before changing the server');
  const origin = normalizeServer(raw);
  await chrome.storage.local.set({ [SERVER_KEY]: origin });
  return origin;
}

/**
 * One JSON request. Throws SyncError: offline when the server cannot be reached, else with the API's code.
 * @param {string} base @param {string} method @param {string} path
 * @param {{token?: string, body?: any, headers?: Record<string, string>, timeout?: number, signingIn?: boolean}} [opts]
 *   signingIn: no session yet (nothing has ever worked at base), so a foreign login is likelier a wrong address
 * @returns {Promise<{status: number, data: any, headers: Headers}>} headers: the answer's (Papergist-Features)
 */
async function request(base, method, path, { token, body, headers = {}, timeout = TIMEOUT_MS, signingIn = false } = {}) {
  /** @type {Record<string, string>} */
  const h = { Accept: 'application/json', ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(base + path, {
      method, headers: h, body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout), credentials: 'omit', cache: 'no-store', redirect: 'error',
    });
  } catch (err) {
    // Access to the server taken back in the browser's site settings looks like a network error: say which.
    if (!(await chrome.permissions.contains({ origins: [`${base}/*`] }))) {
      throw new SyncError(`papergist is no longer allowed to connect to ${base}: sign out and in again in the options to allow it`);
    }
    const why = err && err.name === 'TimeoutError' ? `no answer in ${Math.round(timeout / 1000)} s` : 'no connection';
    throw new SyncError(`cannot reach ${base} (${why})`, { offline: true });
  }
  if (res.status === 204 || res.status === 304) return { status: res.status, data: null, headers: res.headers };
  const text = await res.text();
  const gateway = res.status === 502 || res.status === 503 || res.status === 504;
  let data;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = undefined;
  }
  // Over plain http a network login page can answer in the server's place, with JSON of papergist's shape too. Every
  // papergist server sends its realm with each 401 (errors.go, since the first version): without it, the 401 is
  // not the server's, and the login stays.
  const realm = OWN_REALM.test(res.headers.get('WWW-Authenticate') || '');
  const own = res.status === 401 && !realm && portalPossible(base) ? null : ownError(data);
  const retryAfter = retryAfterMs(res.headers.get('Retry-After'));
  if (!res.ok && !own) {
    if (res.status === 401 && realm) {
      // The server's 401 whose body a proxy in between replaced (nginx proxy_intercept_errors, a gateway's error
      // pages): its realm says whose it is, so it ends the login as the server's own 401 does.
      throw new SyncError(`${base} refused the login (HTTP 401)`, { status: 401, code: 'unauthorized' });
    }
    // Not the server's own error: a proxy, a gateway or a network's login page answered. Its 502-504 mean the
    // server behind it is down; its 401 or 407 is its own login, not the end of papergist's (status 0: never taken
    // for the server's 401, which ends the login).
    if (gateway) {
      throw new SyncError(`cannot reach ${base} (HTTP ${res.status} from a proxy or gateway in between)`,
        { code: GATEWAY_PAGE, offline: true, gateway: true, retryAfter });
    }
    if ((res.status === 401 || res.status === 407) && signingIn) {
      // No session yet: nothing ever answered as papergist there, and nothing retries a sign-in by itself.
      throw new SyncError(`${base} is not a papergist server (HTTP ${res.status}, it asks for its own login): ` +
        `check the address${portalPossible(base) ? ', or sign in to your network\'s login page first' : ''}`);
    }
    if (res.status === 401 || res.status === 407) {
      throw new SyncError(`something between papergist and ${base} asks for its own login (HTTP ${res.status}, not from ` +
        'a papergist server): a proxy or a Wi-Fi login page? Sign in to it in a tab; papergist tries again on its own');
    }
  }
  if (data === undefined) {
    // The server answers JSON only (but for 204 and 304). A 200 or 511 (RFC 6585's "network authentication
    // required") web page from a server signed in to is a network login page; a page with another status is named
    // as before.
    if (!signingIn && (res.status === 200 || res.status === 511) && portalPossible(base)) throw networkInTheWay(base, res.status);
    if (signingIn) throw notPapergist(base, res.status, 'not JSON');
    throw new SyncError(`${base} is not a papergist server (HTTP ${res.status}, not JSON)`, { status: res.status });
  }
  if (!res.ok) {
    // JSON without the server's error shape: another web app at that address (its {"message": "Not Found"}).
    const why = own ? own.message || `HTTP ${res.status}` : `${base} is not a papergist server (HTTP ${res.status}, no papergist error)`;
    throw new SyncError(why, { status: res.status, code: own ? own.code : '', offline: gateway, retryAfter });
  }
  return { status: res.status, data, headers: res.headers };
}

/**
 * The session of a sign-in's or refresh's answer. Thrown when it lacks the tokens (a network login page's own JSON,
 * with HTTP 200): stored, it would have lost the refresh token, and so the login.
 * @param {string} base @param {{status: number, data: any}} res the answer @param {string} deviceName
 * @param {boolean} signingIn
 */
function fromWire(base, { status, data: s }, deviceName, signingIn) {
  const ok = s && typeof s === 'object' && typeof s.access_token === 'string' && s.access_token &&
    typeof s.refresh_token === 'string' && s.refresh_token && Number.isFinite(s.expires_in) &&
    typeof s.device_id === 'string' && s.user && typeof s.user === 'object' && typeof s.user.email === 'string';
  if (!ok) {
    throw signingIn ? notPapergist(base, status, 'JSON without papergist\'s session') : foreignAnswer(base, status, s, 'session');
  }
  return {
    server: base, email: s.user.email, deviceId: s.device_id, deviceName,
    access: s.access_token, accessExp: Date.now() + s.expires_in * 1000, refresh: s.refresh_token,
  };
}

/**
 * Registers (create) or signs in, and keeps the session.
 * @param {{server: string, email: string, password: string, deviceName?: string, create?: boolean}} p
 */
export async function signIn(p) {
  if (await session()) throw new SyncError('already signed in: sign out first');
  const base = normalizeServer(p.server);
  if (!(await chrome.permissions.contains({ origins: [`${base}/*`] }))) {
    throw new SyncError(`papergist may not connect to ${base}: allow it when the browser asks`);
  }
  const email = String(p.email || '').trim();
  if (!email) throw new SyncError('enter your email');
  if (!p.password) throw new SyncError('enter your password');
  // 100 characters, the server's limit, counted as it counts them: cutting UTF-16 units could split an emoji
  const deviceName = Array.from(String(p.deviceName || '').trim()).slice(0, 100).join('') || 'Chrome';
  const res = await request(base, 'POST', p.create ? '/v1/auth/register' : '/v1/auth/login', {
    body: { email, password: p.password, device_name: deviceName }, signingIn: true,
  });
  await set('session', fromWire(base, res, deviceName, true), store);
  await del(ENDED_KEY, store);
  await chrome.storage.local.set({ [SERVER_KEY]: base });
  return account();
}

/** Forgets the session, telling the server first when it answers. The saved papers stay. */
export async function signOut() {
  const s = await session();
  if (s) {
    try {
      await request(s.server, 'POST', '/v1/auth/logout', { token: s.access });
    } catch (err) {
      console.warn('papergist: sign out:', err.message); // offline or expired: forgotten here all the same
    }
  }
  await del('session', store);
  // Signed out here, not by the server: also should a refresh have met the logout's 401 first, or the server have
  // ended the login before (no session left), no later round says the server's words.
  await del(ENDED_KEY, store);
}

/** @type {Promise<Session>|null} */
let refreshing = null;

/** Whether the stored session is still login (the same refresh token). @param {Session} login */
const still = async (login) => (await session())?.refresh === login.refresh;

/** After a login ended here during its refresh: the session stored now (a sign-in's, fresh), else signed out. */
async function afterLogin() {
  const now = await session();
  if (now) return now;
  throw await noSession();
}

/**
 * @param {boolean} force refresh even if the token looks good (the server said 401)
 * @param {string} [expect] the device the caller's work belongs to: another login means signed out for it
 * @returns {Promise<Session>} a session whose access token is good for at least a minute more
 */
async function fresh(force = false, expect = '') {
  const s = await session();
  if (!s) throw await noSession();
  if (expect && s.deviceId !== expect) throw new SyncError('signed out', { code: 'signed_out' });
  if (!force && s.accessExp - REFRESH_EARLY_MS > Date.now()) return s;
  refreshing ??= (async () => {
    let cur = s;
    try {
      // Read again inside the one refresh: a refresh that finished meanwhile has rotated the refresh token,
      // and sending the old one would look like theft to the server, which then ends the login.
      cur = await session();
      if (!cur) throw await noSession();
      if (cur.refresh !== s.refresh && cur.accessExp - REFRESH_EARLY_MS > Date.now()) return cur;
      const res = await request(cur.server, 'POST', '/v1/auth/refresh', { body: { refresh_token: cur.refresh } });
      const next = fromWire(cur.server, res, cur.deviceName, false);
      if (!(await still(cur))) return afterLogin();
      await set('session', next, store);
      return next;
    } catch (err) {
      // The answer is about a login that ended here while the refresh was out (signed out, perhaps in again):
      // it neither ends nor replaces what is stored now.
      if (err.status === 401 && cur && !(await still(cur))) return afterLogin();
      if (err.status === 401) {
        // Revoked from another device, expired, or a reused token: this login is over. Why is kept first, so
        // that whoever finds the session gone can say it (noSession).
        await set(ENDED_KEY, ENDED_BY_SERVER, store);
        await del('session', store);
        throw new SyncError(ENDED_BY_SERVER, { code: 'signed_out', byServer: true });
      }
      throw err;
    } finally {
      refreshing = null;
    }
  })();
  const next = await refreshing;
  if (expect && next.deviceId !== expect) throw new SyncError('signed out', { code: 'signed_out' });
  return next;
}

/**
 * An authenticated request to the signed-in server; a 401 refreshes the token and tries once more.
 * @param {string} method @param {string} path
 * @param {{body?: any, headers?: Record<string, string>, expect?: string, timeout?: number}} [opts] expect: fail
 *   as signed out unless the session is still this device's (a sync round must not run on into another account);
 *   timeout in ms, default 20 s
 * @returns {Promise<{status: number, data: any, headers: Headers}>} headers: the answer's (Papergist-Features)
 */
export async function api(method, path, opts = {}) {
  const { expect = '', ...rest } = opts;
  let s = await fresh(false, expect);
  try {
    return await request(s.server, method, path, { ...rest, token: s.access });
  } catch (err) {
    if (err.status !== 401) throw err;
    s = await fresh(true, expect);
    return request(s.server, method, path, { ...rest, token: s.access });
  }
}

/** @returns {Promise<import('../lib/messages.js').Device[]>} */
export async function devices() {
  const { data } = await api('GET', '/v1/devices');
  return data.devices;
}

/** @param {string} id */
export async function revokeDevice(id) {
  const s = await session();
  if (s && id === s.deviceId) throw new SyncError('this is this device: use Sign out');
  await api('DELETE', `/v1/devices/${encodeURIComponent(id)}`);
}

/** @param {string} name */
export async function renameDevice(name) {
  const s = await fresh();
  const clean = String(name || '').trim();
  if (!clean) throw new SyncError('the device name must not be empty');
  await api('PATCH', `/v1/devices/${encodeURIComponent(s.deviceId)}`, { body: { name: clean } });
  const now = await session();
  if (now) await set('session', { ...now, deviceName: clean }, store);
  return account();
}
