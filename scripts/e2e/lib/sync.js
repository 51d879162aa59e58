// Driving the extension's sync from tests: messages to its background as the options page and the popup send
// them, its records and status, and a proxy in front of the real backend that can hold a push's answer back.
import http from 'node:http';
import { Browser } from './browser.js';

/** An extension page to send messages from, as the options page does (the background answers only extension pages). */
async function extensionPage(browser) {
  if (browser.messenger && !browser.messenger.isClosed()) return browser.messenger;
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  browser.messenger = page;
  return page;
}

/**
 * Sends one message of lib/messages.js to the background and returns its reply data; throws its error.
 * @param {import('./browser.js').Browser} browser @param {string} type @param {object} [payload]
 */
export async function message(browser, type, payload = {}) {
  const page = await extensionPage(browser);
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), { type, ...payload });
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data;
}

/** Signs the browser's extension in (or registers, with create). */
export function signIn(browser, server, email, password, { create = false, deviceName = 'test device' } = {}) {
  return message(browser, 'account/sign-in', { server, email, password, deviceName, create });
}

/**
 * Two devices of one account that share one saved paper: a laptop (a) that registered and saved it, and a desktop
 * (b) that pulled it. Both browsers are pushed onto browsers, for the caller to dispose of.
 * @param {import('./backend.js').Backend} backend @param {string} email @param {string} password
 * @param {{id: string, title: string, authors: string[]}} paper a synthetic arXiv paper (fixtures.js)
 * @param {import('./browser.js').Browser[]} browsers
 * @returns {Promise<import('./browser.js').Browser[]>} [laptop, desktop]
 */
export async function twoDevicesSharing(backend, email, password, paper, browsers) {
  const [a, b] = [await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start(), await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start()];
  browsers.push(a, b);
  await signIn(a, backend.url, email, password, { create: true, deviceName: 'laptop' });
  await signIn(b, backend.url, email, password, { deviceName: 'desktop' });
  await message(a, 'library/save', { paper: { id: `arxiv:${paper.id}`, title: paper.title, authors: paper.authors, url: `https://arxiv.org/abs/${paper.id}` },
    summary: { tldr: '', keyphrases: [] } });
  await syncNow(a);
  await syncNow(b);
  return [a, b];
}

/** Runs one sync round and returns the status after it. */
export async function syncNow(browser) {
  return (await message(browser, 'sync/now')).status;
}

/** @returns {Promise<Record<string, any>>} every key of the extension's chrome.storage.local */
export async function storage(browser) {
  const w = await browser.serviceWorker();
  return w.evaluate(() => chrome.storage.local.get(null));
}

/**
 * Stores, as an older version of the extension did, a paper with a save time the server cannot read: its push is
 * refused, and the paper is parked with the server's reason.
 * @param {{serviceWorker: () => Promise<any>}} browser @param {string} id @param {string} title
 */
export async function storeRefusedPaper(browser, id, title) {
  const w = await browser.serviceWorker();
  await w.evaluate((p) => chrome.storage.local.set({ [`paper:${p.id}`]: {
    id: p.id, paper: { id: p.id, title: p.title, authors: [], url: 'https://arxiv.org/abs/x', locator: {} },
    tldr: '', keyphrases: [], tags: [], note: '', read: false, savedAt: 'last Tuesday',
  } }), { id, title });
}

/** @returns {Promise<Record<string, any>>} paper ID → local record */
export async function records(browser) {
  const all = await storage(browser);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('paper:')).map(([k, v]) => [k.slice(6), v]));
}

/**
 * Waits until the extension's sync is idle: its long poll open (the live loop between rounds), the library at
 * serverVersion(), nothing in flight, and no round started or ended for a second (longer than the engine's 300 ms
 * debounce after an edit). A test that plants storage for the next worker does it then, so that no round of the
 * running worker writes over the planting before the restart.
 * @param {() => Promise<number>} serverVersion the account's library version on the server
 */
export async function waitIdle(browser, serverVersion, timeout = 60_000) {
  const end = Date.now() + timeout;
  let last = null;
  let calmFrom = 0;
  while (Date.now() < end) {
    const w = await browser.serviceWorker();
    const now = await w.evaluate(async () => {
      const all = await chrome.storage.local.get(['sync:state', 'sync:status', 'sync:inflight']);
      return { listening: globalThis.papergistStats.listening, since: all['sync:state']?.since, lastRound: all['sync:state']?.lastRound,
        state: all['sync:status']?.state, at: all['sync:status']?.at, inflight: Boolean(all['sync:inflight']) };
    });
    const version = await serverVersion();
    const idle = now.listening && now.state === 'synced' && !now.inflight && now.since === version;
    const same = last && now.lastRound === last.lastRound && now.at === last.at && now.since === last.since;
    if (!idle || !same) calmFrom = Date.now();
    else if (Date.now() - calmFrom >= 1000) return;
    last = { ...now, version };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`sync never idle: ${JSON.stringify(last)}`);
}

/** Waits until the stored sync status satisfies pred; returns it. */
export async function waitStatus(browser, pred, timeout = 30_000) {
  const end = Date.now() + timeout;
  let last = null;
  while (Date.now() < end) {
    try {
      last = (await storage(browser))['sync:status'] || null;
      if (last && pred(last)) return last;
    } catch {
      // the worker is restarting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`sync status never matched; last: ${JSON.stringify(last)}`);
}

/**
 * A proxy in front of the backend that can hold the answer to the next push: the backend has applied it, the
 * extension never hears so. Records every push it forwards with its Idempotency-Key and whether it was a replay.
 */
export class PushHoldingProxy {
  /** @param {string} target the backend's base URL */
  constructor(target) {
    this.target = new URL(target);
    this.holdNext = false;
    /** @type {{key: string, replayed: boolean, status: number, body: any}[]} */
    this.pushes = [];
    /** @type {{method: string, path: string, auth: string, status: number}[]} every request forwarded */
    this.requests = [];
    this.held = null;
    this.onHeld = () => {};
    /** @type {((body: any) => any)|null} rewrites each pull's answer (a broken or hostile server) */
    this.rewritePull = null;
    /** @type {number} when set, pushes are answered with this status and an HTML page, not forwarded (a firewall) */
    this.refusePushes = 0;
  }

  /** @param {number} [port] default a free one */
  async start(port = 0) {
    this.server = http.createServer((req, res) => this.#forward(req, res));
    await new Promise((r) => this.server.listen(port, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${this.server.address().port}`;
    return this;
  }

  async #forward(req, res) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    if (this.refusePushes && req.method === 'POST' && req.url === '/v1/sync') {
      this.requests.push({ method: req.method, path: req.url, auth: req.headers.authorization || '', status: this.refusePushes });
      res.writeHead(this.refusePushes, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Access denied</h1></body></html>');
      return;
    }
    const headers = { ...req.headers, host: this.target.host };
    let upstream;
    try {
      upstream = await fetch(new URL(req.url, this.target), {
        method: req.method, headers, body: body.length ? body : undefined,
      });
    } catch {
      res.socket.destroy(); // the backend is down: so is the proxy
      return;
    }
    let text = await upstream.text();
    if (this.rewritePull && req.method === 'GET' && req.url.startsWith('/v1/sync') && upstream.status === 200) {
      text = JSON.stringify(this.rewritePull(JSON.parse(text)));
    }
    this.requests.push({ method: req.method, path: req.url, auth: req.headers.authorization || '', status: upstream.status });
    if (req.method === 'POST' && req.url === '/v1/sync') {
      let parsed = null;
      try { parsed = JSON.parse(text); } catch { /* an error page */ }
      this.pushes.push({
        key: req.headers['idempotency-key'], replayed: upstream.headers.get('idempotent-replayed') === 'true',
        status: upstream.status, body: parsed, bytes: body.length,
      });
      if (this.holdNext) {
        this.holdNext = false;
        this.held = { res, answer: () => this.#answer(res, upstream, text) };
        this.onHeld(this.pushes.at(-1));
        return; // applied by the backend; the answer waits for releaseHeld() or never leaves (dropHeld())
      }
    }
    this.#answer(res, upstream, text);
  }

  #answer(res, upstream, text) {
    const out = {};
    for (const [k, v] of upstream.headers) if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
    res.writeHead(upstream.status, out);
    res.end(text);
  }

  /**
   * Holds the answer to the next push.
   * @returns {Promise<{key: string, status: number, body: any}>} that push, once the backend has applied it
   */
  holdNextPush() {
    this.holdNext = true;
    return new Promise((r) => { this.onHeld = r; });
  }

  /** Lets the held answer go out, late. */
  releaseHeld() {
    this.held?.answer();
    this.held = null;
  }

  /** Drops the held connection, as a network would. */
  dropHeld() {
    this.held?.res?.socket?.destroy();
    this.held = null;
  }

  async close() {
    this.dropHeld();
    this.server.closeAllConnections?.();
    await new Promise((r) => this.server.close(r));
  }
}
