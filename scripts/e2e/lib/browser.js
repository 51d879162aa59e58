// Headless Chromium with the unpacked extension loaded, pages served at their real URLs from files
// (context.route) and every other request refused: the tests never touch the network.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, readFile, cp, writeFile } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION = path.join(ROOT, 'dist/chrome');
/** The team's real saved pages, beside the repository; absent on some machines. */
export const SHARED_PAGES = path.resolve(ROOT, '../shared/fixtures/pages');
export const FIXTURES = path.join(ROOT, 'scripts/e2e/fixtures');

export const CHROMIUM = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => existsSync(p));

/** @type {Map<string, Promise<string>>} granted copies of an extension build by folder and host list, one per process */
const grantedCopies = new Map();

/**
 * A copy of dist/chrome whose manifest also grants hosts as host_permissions, made once per process and
 * removed at exit. Sync tests need it: headless Chromium never settles chrome.permissions.request, so the
 * permission a user would grant from the options page is granted at install instead.
 * @param {string[]} hosts match patterns such as http://127.0.0.1/*
 * @param {string} [build] the build to copy (dist/chrome, dist/firefox)
 * @returns {Promise<string>} the copy's folder
 */
export function grantedExtension(hosts, build = EXTENSION) {
  const key = [build, ...[...hosts].sort()].join(' ');
  if (!grantedCopies.has(key)) {
    grantedCopies.set(key, (async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'papergist-ext-'));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      await cp(build, dir, { recursive: true });
      const file = path.join(dir, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      manifest.host_permissions = [...new Set([...(manifest.host_permissions || []), ...hosts])];
      await writeFile(file, JSON.stringify(manifest, null, 2));
      return dir;
    })());
  }
  return grantedCopies.get(key);
}

/**
 * A browser profile that survives restarts (close + launch again with the same dir). Requests to 127.0.0.1 go
 * through to the real servers the tests start there (scripts/e2e/lib/backend.js).
 */
export class Browser {
  /**
   * @param {{grantHosts?: string[], bfcache?: boolean}} [opts] grantHosts: load a copy of the extension that is
   *   granted these host permissions at install (see grantedExtension); bfcache: let pages go into the
   *   back/forward cache, which Playwright turns off.
   */
  constructor(opts = {}) {
    this.grantHosts = opts.grantHosts || [];
    /** Whether pages may go into the back/forward cache (Playwright turns it off by default). */
    this.bfcache = Boolean(opts.bfcache);
    /** The unpacked extension folder loaded. */
    this.extensionDir = EXTENSION;
    /** @type {Map<string, {body: string|Buffer|(() => any), type: string, status?: number}>} */
    this.pages = new Map();
    /** @type {((route: any, url: URL) => Promise<boolean>)|null} handles export.arxiv.org */
    this.api = null;
    this.apiRequests = [];
  }

  async start() {
    if (!existsSync(path.join(EXTENSION, 'manifest.json'))) throw new Error(`${EXTENSION} is not built: run make extension`);
    if (!CHROMIUM) throw new Error('no Chromium found: install the chromium package or set CHROMIUM');
    if (this.grantHosts.length) this.extensionDir = await grantedExtension(this.grantHosts);
    this.dir ??= await mkdtemp(path.join(tmpdir(), 'papergist-e2e-'));
    const ext = this.extensionDir;
    this.context = await chromium.launchPersistentContext(this.dir, {
      executablePath: CHROMIUM,
      ignoreDefaultArgs: ['--disable-extensions', ...(this.bfcache ? ['--disable-back-forward-cache'] : [])],
      acceptDownloads: true,
      args: [
        '--headless=new', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox',
        '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ],
      viewport: { width: 1200, height: 900 },
    });
    await this.context.route('**/*', (route) => this.#serve(route));
    this.worker = this.context.serviceWorkers()[0] || (await this.context.waitForEvent('serviceworker'));
    this.extensionId = new URL(this.worker.url()).host;
    return this;
  }

  /** The URL of a file of the extension, such as popup/popup.html. */
  extensionURL(file) {
    return `chrome-extension://${this.extensionId}/${file}`;
  }

  /** A new tab at url. */
  async openPage(url) {
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  }

  /** Serves body at url (a real https URL), delay ms after it is asked for. */
  serve(url, body, type = 'text/html; charset=utf-8', status = 200, delay = 0) {
    this.pages.set(url.replace(/#.*/, ''), { body, type, status, delay }); // requests carry no fragment
  }

  /** Serves a file at url. */
  async serveFile(url, file, type) {
    this.serve(url, await readFile(file), type);
  }

  async #serve(route) {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (url.hostname === '127.0.0.1') return route.continue(); // a server the test started
    if (url.host === 'export.arxiv.org') {
      this.apiRequests.push(url.href);
      if (this.api) return this.api(route, url);
      return route.fulfill({ status: 503, body: 'no API in tests' });
    }
    const key = url.href;
    const page = this.pages.get(key) || this.pages.get(url.origin + url.pathname);
    if (!page) return route.fulfill({ status: 404, contentType: 'text/plain', body: `not served in tests: ${key}` });
    if (page.delay) await new Promise((r) => setTimeout(r, page.delay));
    return route.fulfill({ status: page.status, contentType: page.type, body: page.body });
  }

  /** The extension's service worker, started if it was stopped. */
  async serviceWorker() {
    const live = this.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${this.extensionId}/`));
    if (live) return live;
    // Opening an extension page wakes the worker up.
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/popup/popup.html`);
    const w = await this.context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => null);
    await page.close();
    return w || this.context.serviceWorkers().find((x) => x.url().startsWith(`chrome-extension://${this.extensionId}/`));
  }

  /**
   * Stops the extension's service worker the way Chrome does when it is idle (CDP ServiceWorker domain),
   * and waits until Chrome reports it stopped.
   */
  async stopServiceWorker() {
    const page = this.context.pages()[0] || (await this.context.newPage());
    const cdp = await this.context.newCDPSession(page);
    const scope = `chrome-extension://${this.extensionId}/`;
    const stopped = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) {
          if (!v.scriptURL.startsWith(scope)) continue;
          if (v.runningStatus === 'stopped') resolve(true); // stopped now, or before we asked (first report)
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const ok = await Promise.race([stopped, new Promise((r) => setTimeout(() => r(false), 5000))]);
    await cdp.detach();
    if (!ok) throw new Error('the service worker did not stop');
  }

  async close() {
    await this.context?.close();
  }

  /** Closes and relaunches on the same profile: a browser restart. */
  async restart() {
    await this.close();
    await this.start();
  }

  async dispose() {
    await this.close();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Opens url and waits until the extension has shown its cards (data-papergist on <html>).
 * @param {'shown'|'done'} until
 */
export async function openListing(context, url, until = 'done', timeout = 20_000) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction((u) => {
    const s = document.documentElement.getAttribute('data-papergist');
    return u === 'shown' ? s === 'shown' || s === 'done' : s === 'done';
  }, until, { timeout });
  return page;
}

/** Every card on the page with what its (closed) shadow root shows: see cards.js. */
export { cardsOf } from './cards.js';

/**
 * Runs expression in the content script's isolated world of page's next document as that world is created, before
 * the page is parsed (the page's own scripts cannot reach that world; DevTools can). Call before page.goto.
 * @param {import('playwright-core').Page} page @param {string} expression
 * @returns {Promise<{cdp: import('playwright-core').CDPSession, done: Promise<any>}>} done: the expression's value
 */
export async function inContentWorld(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  const done = new Promise((resolve, reject) => cdp.on('Runtime.executionContextCreated', ({ context }) => {
    // the extension's world: named for the extension (Playwright's own utility world is isolated too)
    if (context.auxData && context.auxData.type === 'isolated' && /papergist/i.test(context.name)) {
      cdp.send('Runtime.evaluate', { contextId: context.id, expression, returnByValue: true })
        .then((r) => (r.exceptionDetails ? reject(new Error(r.exceptionDetails.text)) : resolve(r.result.value)), reject);
    }
  }));
  await cdp.send('Runtime.enable');
  return { cdp, done };
}

/**
 * Troubles the content script's world of page's next document (inContentWorld; call before page.goto), for tests of
 * what the content script does when things go wrong. failShadow: the nth shadow root the content script attaches
 * (its cards' and the digest's, in the order it places them) throws once, with the message why. holdMs: its hold
 * for the early cards (one frame, or 100 ms) takes this long: no frame comes, and its 100 ms timer is stretched (a
 * busy machine), so that a test can act inside it. deadlineMs: the page's own deadline on its analysis
 * (content/deadline.js PAGE_DEADLINE_MS, 60 s) comes after this many ms instead.
 * @param {import('playwright-core').Page} page
 * @param {{failShadow?: {n: number, why: string}, holdMs?: number, deadlineMs?: number}} trouble at least one of
 *   them, or it throws
 * @returns {Promise<{cdp: import('playwright-core').CDPSession, done: Promise<string[]>}>} done: what the world has
 *   patched once it is, checked there ('failShadow 3', 'holdMs 4000'), in that order
 */
export async function troubleContentWorld(page, { failShadow, holdMs, deadlineMs } = {}) {
  if (failShadow && !(Number.isInteger(failShadow.n) && failShadow.n > 0)) {
    throw new Error(`troubleContentWorld: failShadow.n must be a positive integer, not ${failShadow.n}`);
  }
  if (holdMs !== undefined && !(holdMs > 0)) throw new Error(`troubleContentWorld: holdMs must be above 0, not ${holdMs}`);
  if (deadlineMs !== undefined && !(deadlineMs > 0)) throw new Error(`troubleContentWorld: deadlineMs must be above 0, not ${deadlineMs}`);
  if (holdMs && deadlineMs) throw new Error('troubleContentWorld: holdMs and deadlineMs both patch setTimeout: one at a time');
  if (!failShadow && !holdMs && !deadlineMs) throw new Error('troubleContentWorld: no trouble asked (failShadow, holdMs or deadlineMs)');
  const parts = [];
  if (failShadow) {
    parts.push(`const attach = Element.prototype.attachShadow;
      let n = 0;
      Element.prototype.attachShadow = function (...args) {
        if (++n === ${failShadow.n}) throw new Error(${JSON.stringify(failShadow.why)});
        return attach.apply(this, args);
      };
      if (Element.prototype.attachShadow !== attach) patched.push('failShadow ${failShadow.n}');`);
  }
  if (holdMs) {
    parts.push(`const later = setTimeout;
      globalThis.requestAnimationFrame = () => 0;
      globalThis.setTimeout = (f, ms, ...args) => later(f, ms === 100 ? ${holdMs} : ms, ...args);
      if (globalThis.setTimeout !== later && requestAnimationFrame(() => {}) === 0) patched.push('holdMs ${holdMs}');`);
  }
  if (deadlineMs) {
    parts.push(`const later = setTimeout;
      globalThis.setTimeout = (f, ms, ...args) => later(f, ms === 60000 ? ${deadlineMs} : ms, ...args);
      if (globalThis.setTimeout !== later) patched.push('deadlineMs ${deadlineMs}');`);
  }
  return inContentWorld(page, `{ const patched = []; ${parts.join('\n')} patched; }`);
}
