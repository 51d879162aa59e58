// Headless Firefox ESR with dist/firefox installed as a temporary add-on, driven by puppeteer-core over
// WebDriver BiDi (no geckodriver). Pages are served at their real URLs by request interception in each tab;
// every other request goes to a dead proxy, so the tests never touch the network (127.0.0.1 goes through, to
// the servers the tests start).
import puppeteer from 'puppeteer-core';
import { mkdtemp, rm, readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ROOT, grantedExtension } from './browser.js';

export const FIREFOX_BUILD = path.join(ROOT, 'dist/firefox');

export const FIREFOX = process.env.FIREFOX || ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class FirefoxBrowser {
  /**
   * @param {{grantHosts?: string[], prefs?: Record<string, any>}} [opts] grantHosts: install a copy of the build
   *   that lists these hosts too (Firefox grants an add-on's host permissions at install), and grant
   *   permissions.request without its prompt, which headless Firefox shows to no one (as a user's Allow would);
   *   prefs: more Firefox preferences.
   */
  constructor(opts = {}) {
    this.grantHosts = opts.grantHosts || [];
    this.prefs = opts.prefs || {};
    this.extensionDir = FIREFOX_BUILD;
    /** The moz-extension:// host, fixed before install so that tests can open the extension's pages. */
    this.uuid = randomUUID();
    /** @type {Map<string, {body: string|Buffer, type: string, status: number}>} */
    this.pages = new Map();
  }

  async start() {
    if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`${FIREFOX_BUILD} is not built: run make extension`);
    if (!FIREFOX) throw new Error('no Firefox found: install the firefox-esr package or set FIREFOX');
    if (this.grantHosts.length) this.extensionDir = await grantedExtension(this.grantHosts, FIREFOX_BUILD);
    const manifest = JSON.parse(await readFile(path.join(this.extensionDir, 'manifest.json'), 'utf8'));
    this.dir ??= await mkdtemp(path.join(tmpdir(), 'papergist-firefox-'));
    this.downloads = path.join(this.dir, 'downloads');
    this.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: path.join(this.dir, 'profile'),
      // lets BiDi open moz-extension:// pages (the popup and options as tabs)
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: this.uuid }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.allow_hijacking_localhost': false,
        'browser.download.folderList': 2,
        'browser.download.dir': this.downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        ...(this.grantHosts.length ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
        ...this.prefs,
      },
    });
    this.extensionId = await this.browser.installExtension(this.extensionDir);
    return this;
  }

  extensionURL(file) {
    return `moz-extension://${this.uuid}/${file}`;
  }

  serve(url, body, type = 'text/html; charset=utf-8', status = 200, delay = 0) {
    this.pages.set(url.replace(/#.*/, ''), { body, type, status, delay });
  }

  async serveFile(url, file, type) {
    this.serve(url, await readFile(file), type);
  }

  /** A new tab at url, its requests served from serve(). */
  async openPage(url) {
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => this.#serve(req)?.catch((err) => {
      // A tab closed while its request waited for us: Firefox has dropped the request, and there is no one to answer.
      if (!/no such request/i.test(String(err && err.message))) throw err;
    }));
    if (!url.startsWith('moz-extension:')) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    }
    // An extension page loads in the extension's process: BiDi reports the old frame detached and never the
    // load, so wait for the document instead.
    page.goto(url).catch(() => {});
    for (const end = Date.now() + 20_000; Date.now() < end; await sleep(50)) {
      const ready = await page.evaluate(() => location.href + ' ' + document.readyState).catch(() => '');
      if (ready === `${url} complete`) return page;
    }
    throw new Error(`${url} did not load`);
  }

  /** The tab the browser or the extension opened at url (an extension page's target keeps its old URL). */
  async findPage(url, timeout = 20_000) {
    for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
      for (const page of await this.browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href === url) return page;
      }
    }
    throw new Error(`no tab at ${url}`);
  }

  #serve(req) {
    if (req.isInterceptResolutionHandled()) return;
    const url = new URL(req.url());
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '127.0.0.1') return req.continue();
    const page = this.pages.get(url.href) || this.pages.get(url.origin + url.pathname);
    if (!page) return req.respond({ status: 404, contentType: 'text/plain', body: `not served in tests: ${url.href}` });
    if (page.delay) return sleep(page.delay).then(() => req.respond({ status: page.status, contentType: page.type, body: page.body }));
    return req.respond({ status: page.status, contentType: page.type, body: page.body });
  }

  /** Runs click, which starts a download, and returns the downloaded file's text. */
  async download(click) {
    const before = new Set(await readdir(this.downloads).catch(() => []));
    await click();
    for (const end = Date.now() + 20_000; Date.now() < end; await sleep(100)) {
      const now = await readdir(this.downloads).catch(() => []);
      const done = now.filter((f) => !before.has(f) && !f.endsWith('.part'));
      // Firefox writes to <name>.part and renames it when done
      if (done.length && !now.some((f) => f.endsWith('.part'))) return readFile(path.join(this.downloads, done[0]), 'utf8');
    }
    throw new Error('no download arrived');
  }

  /**
   * Lets the background event page go as Firefox unloads it when idle, engine and all (Chrome's stopped service
   * worker): needs the pref extensions.background.idle.timeout set short (ms) at start.
   */
  async stopBackground() {
    const idle = Number(this.prefs['extensions.background.idle.timeout']);
    if (!(idle > 0 && idle <= 5000)) throw new Error('stopBackground: start with a short extensions.background.idle.timeout');
    await sleep(idle * 2 + 1000);
  }

  async close() {
    await this.browser?.close();
    this.browser = null;
  }

  /** Closes and relaunches on the same profile, installing the add-on again (a temporary add-on goes at exit). */
  async restart() {
    await this.close();
    await this.start();
  }

  async dispose() {
    await this.close();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
