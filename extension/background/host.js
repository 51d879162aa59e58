// Where the wasm engine runs, the one place Chrome and Firefox differ (see engine.js). Chrome: an offscreen
// document, which outlives the service worker, reached by postMessage to it as a client of this worker (its end:
// offscreen/document.js). Not by runtime messages: those go to every extension page that listens, are serialized
// as JSON, and the document would also get every page a content script sends here. The Firefox build replaces
// this file with host-firefox.js (scripts/build-extension.sh); both export the same two functions.
import { AppError, PORT, errorInfo } from '../lib/messages.js';

const URL_ = 'offscreen/offscreen.html';
/** @type {Promise<void>|null} */
let open = null;
/** The closing of a document that did not answer in time (see toHost): a new one is opened only after it. */
let closing = Promise.resolve();

/** Creates the offscreen document unless it exists; it survives worker stops, so ask Chrome first. */
export function ensureHost() {
  open ??= (async () => {
    await closing;
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

/** This worker's global scope (Clients API). */
const scope = /** @type {any} */ (globalThis);

/** The offscreen document as a client of this worker, opened if it is not open. */
async function hostClient() {
  const url = chrome.runtime.getURL(URL_);
  for (let attempt = 0; attempt < 2; attempt++) {
    await ensureHost();
    const all = await scope.clients.matchAll({ includeUncontrolled: true, type: 'window' });
    const client = all.find((/** @type {any} */ c) => c.url === url);
    if (client) return client;
    open = null; // closed since (Chrome may close it, or it crashed): open it again
  }
  throw new AppError('internal', 'the offscreen document cannot be reached');
}

/**
 * The channel to the document, made once per worker life (and again after the document went away): a
 * MessageChannel whose far end the document got in one postMessage. Requests and replies then go straight
 * between the two threads of the extension's process. A client's postMessage, and its reply to this worker, each
 * pass through the browser's main thread (and Clients.matchAll on every request a third time): on the shared
 * test machine that was most of a seen 50-paper listing's trip to the engine (median 28-38 ms, Go 4-7), and
 * 12-14 ms over the channel (`make bench-extension`, warm).
 * @type {Promise<{port: MessagePort, client: any}>|null}
 */
let channel = null;

/**
 * The channels by the token each handed its document: the document opens a runtime port named PORT.ENGINE#token,
 * whose disconnection says at once that it went away (closed, crashed), which a MessagePort never says.
 * @type {Map<string, Promise<{port: MessagePort, client: any}>>}
 */
const byToken = new Map();

function hostChannel() {
  if (channel) return channel;
  hearPorts();
  const token = crypto.randomUUID();
  const made = hostClient().then((client) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (event) => {
      heard.set(made, performance.now());
      const { id, reply } = event.data || {};
      awaited.get(id)?.settle(reply);
    };
    client.postMessage({ connect: true, token }, [port2]);
    return { port: port1, client };
  }).catch((err) => {
    byToken.delete(token);
    if (channel === made) channel = null;
    throw err;
  });
  byToken.set(token, made);
  channel = made;
  return made;
}

/** Listens for the documents' ports; added with the first channel (its document connects only after it). */
let hearing = false;
function hearPorts() {
  if (hearing) return;
  hearing = true;
  chrome.runtime.onConnect.addListener((port) => {
    const [name, token] = port.name.split('#');
    if (name !== PORT.ENGINE) return;
    const through = byToken.get(token);
    if (!through) return port.disconnect(); // a channel forgotten already
    port.onDisconnect.addListener(() => gone(through));
  });
}

/** The document of a channel went away: its requests are answered for it, and the next request opens another. */
function gone(through) {
  for (const [token, c] of byToken) if (c === through) byToken.delete(token);
  for (const w of [...awaited.values()]) {
    if (w.through === through) w.settle({ ok: false, error: { code: 'engine_stopped', message: 'the engine stopped before it answered' } });
  }
  lost(through);
}

/**
 * Forgets the document and its channel, unless a request that found it gone already did (then a new one may be
 * open): the next request opens them again.
 * @param {Promise<{port: MessagePort}>} gone the channel whose document went away
 */
function lost(gone) {
  if (channel !== gone) return;
  gone.then(({ port }) => port.close(), () => {});
  channel = null;
  open = null;
}

/**
 * How often a request waiting for its reply looks whether the document is still open, in ms: a fallback for a
 * document whose port (byToken) never connected; one that did says so at once.
 */
const CHECK_MS = 2000;

/**
 * When each channel's document last answered anything (performance.now()): a request's limit counts from then when
 * that is later than the request (toHost), so that one waiting behind other pages in the engine's queue (Go runs one
 * call at a time) is not taken for one the engine is stuck on.
 * @type {WeakMap<Promise<unknown>, number>}
 */
const heard = new WeakMap();

/**
 * How long a document that has answered nothing yet may take to start before its quiet counts, in ms: its module's
 * own start limit (moduleLimits.startMs in offscreen/wasm.js), after which it answers with an error anyway.
 */
const START_MS = 15_000;

let lastId = 0;
/** @type {Map<number, {through: Promise<unknown>, settle: (reply: any) => void}>} the replies awaited, by request id */
const awaited = new Map();

/**
 * Delivers a message for the engine (target: offscreen) and resolves to its reply, {ok, data} or {ok, error}.
 * Message and reply are structured clones, as a port's postMessage makes them. A request is answered {code:
 * "timeout"} once its document has answered nothing for limitMs, counted from the request's handing to the document
 * (the channel's opening not included) or from the document's last reply to anything, whichever is later: a document
 * busy with other pages (they queue for Go, one call at a time) keeps its requests, and one that has answered nothing
 * yet gets START_MS more for its module's start. A document silent that long is stuck (a call into Go that does not
 * return, a module that never started) or lost the request, and would keep every later page waiting too: it is
 * closed, and the next request opens a new one, as after a crash. A request whose channel has not opened after
 * START_MS + limitMs is answered "timeout" and closes nothing.
 * @param {{target: string, type: string, [key: string]: any}} msg @param {number} [limitMs]
 */
export function toHost(msg, limitMs = Infinity) {
  const through = hostChannel();
  const id = ++lastId;
  return new Promise((resolve) => {
    /** @type {any} */
    let check = 0;
    /** @type {any} */
    let timer = 0;
    let posted = false;
    let postedAt = Infinity;
    const settle = (/** @type {any} */ reply) => {
      clearInterval(check);
      clearTimeout(timer);
      if (awaited.delete(id)) resolve(reply);
    };
    awaited.set(id, { through, settle });
    const expire = () => {
      if (!awaited.has(id)) return;
      if (!posted) { // the channel did not open even in a start's time and a limit: nothing to close
        settle({ ok: false, error: { code: 'timeout', message: `the engine did not open (${msg.type})` } });
        return;
      }
      // Counted from the request's handing to the document, never while the channel opens; a document that has
      // answered nothing yet is still starting its module (offscreen/wasm.js allows START_MS), which is no quiet.
      const started = heard.get(through) ?? postedAt + START_MS;
      const quiet = performance.now() - Math.max(postedAt, started);
      if (quiet < limitMs) {
        timer = setTimeout(expire, limitMs - quiet); // the document answered another page meanwhile: busy, not stuck
        return;
      }
      settle({ ok: false, error: { code: 'timeout', message: `the engine answered nothing for ${Math.round(quiet)} ms (${msg.type})` } });
      closeStuck(through);
    };
    if (limitMs < Infinity) timer = setTimeout(expire, START_MS + limitMs);
    through.then(({ port, client }) => {
      if (!awaited.has(id)) return;
      // A runtime message fails when its receiver is gone; a postMessage is simply never answered. So while the
      // reply is awaited, the document's port (byToken) answers for it should it go away, and, should that port
      // never have connected, a look every CHECK_MS whether the document is still there.
      check = setInterval(async () => {
        if (!awaited.has(id) || (await scope.clients.get(client.id))) return;
        settle({ ok: false, error: { code: 'engine_stopped', message: 'the engine stopped before it answered' } });
        lost(through);
      }, CHECK_MS);
      // sentAt (ms since the epoch): the host tells from it how long the request waited for its thread
      // (offscreen.js), which its own clock cannot see: the module's start holds that thread, not the handler.
      port.postMessage({ id, msg: { ...msg, sentAt: performance.timeOrigin + performance.now() } });
      posted = true;
      postedAt = performance.now();
      clearTimeout(timer);
      if (limitMs < Infinity) timer = setTimeout(expire, limitMs);
    }, (err) => settle({ ok: false, error: errorInfo(err) }));
  });
}

/**
 * Closes the document of a channel that kept a request past its limit (toHost), unless it was forgotten already.
 * Its other requests are answered through its port as it goes (gone). @param {Promise<{port: MessagePort}>} through
 */
function closeStuck(through) {
  if (channel !== through) return;
  lost(through);
  closing = chrome.offscreen.closeDocument().catch((err) => console.warn('papergist: closing the engine', err));
}
