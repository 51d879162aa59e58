// One face over both browsers for the suites that run in each (tests/core.test.js): headless Chromium through
// playwright-core (lib/browser.js) and headless Firefox ESR through puppeteer-core over WebDriver BiDi
// (lib/firefox.js). PAPERGIST_BROWSER=chromium|firefox picks one; a test reads cards, clicks, fills and sends
// messages the same way in both. Cards and the digest are read and clicked inside their (closed) shadow roots
// through the browser's own protocol, CDP (cards.js) or WebDriver BiDi (bidi.js), never from the page.
import { readFile } from 'node:fs/promises';
import { Browser } from './browser.js';
import { FirefoxBrowser } from './firefox.js';
import * as cdp from './cards.js';
import * as bidi from './bidi.js';

export const BROWSERS = ['chromium', 'firefox'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The browser under test: PAPERGIST_BROWSER, else Chromium. */
export function browserUnderTest() {
  const kind = process.env.PAPERGIST_BROWSER || 'chromium';
  if (!BROWSERS.includes(kind)) throw new Error(`PAPERGIST_BROWSER=${kind}: want one of ${BROWSERS.join(', ')}`);
  return kind;
}

/** A tab, in either browser. */
export class Tab {
  /** @param {'chromium'|'firefox'} kind @param {any} page a playwright or a puppeteer Page */
  constructor(kind, page) {
    this.kind = kind;
    this.page = page;
  }

  /** Runs fn(arg) in the page and returns its (serializable) result. */
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  /** Waits until fn(arg) is truthy in the page. */
  waitFor(fn, arg, timeout = 20_000) {
    return this.kind === 'firefox'
      ? this.page.waitForFunction(fn, { timeout, polling: 100 }, arg)
      : this.page.waitForFunction(fn, arg, { timeout });
  }

  /** Waits until selector matches an element. */
  waitForSelector(selector, timeout = 20_000) {
    return this.page.waitForSelector(selector, { timeout });
  }

  /** A real (trusted) click on the element. */
  click(selector) {
    return this.page.click(selector);
  }

  /**
   * Every card on the page, in page order, with what its closed shadow root shows: id, saved ('true'|'false'),
   * tldr, phrases, state, status, shadowMode, elements (the tag names inside); see cardView in cards.js.
   * @returns {Promise<ReturnType<typeof cdp.cardView>[]>}
   */
  cards() {
    return this.kind === 'firefox' ? bidi.cardsOf(this.page) : cdp.cardsOf(this.page);
  }

  /** The card of one paper, or undefined. */
  async card(id) {
    return (await this.cards()).find((c) => c.id === id);
  }

  /** Waits until the paper's card shows it saved (or not), and returns the card. */
  async waitForSaved(id, saved = true, timeout = 30_000) {
    const want = String(saved);
    for (const end = Date.now() + timeout; ; await sleep(100)) {
      const c = await this.card(id);
      if (c && c.saved === want) return c;
      if (Date.now() > end) throw new Error(`the card of ${id} does not show saved=${want} (it shows ${c ? c.saved : 'no card'})`);
    }
  }

  /** Clicks the paper's Save button with the mouse, as a user does (a trusted click). */
  clickSave(id) {
    if (this.kind === 'chromium') return cdp.clickSave(this.page, id);
    return this.clickInShadow(`papergist-card[data-paper-id="${id}"]`, 'button.save');
  }

  /**
   * Runs fn(root, arg) in the page with the shadow root, open or closed, of the first element hostSelector
   * matches, and returns its result (through JSON). fn is sent as source: it sees only root and arg.
   * @template T @param {string} hostSelector @param {(root: ShadowRoot, arg: any) => T} fn @returns {Promise<T>}
   */
  inShadow(hostSelector, fn, arg) {
    return (this.kind === 'firefox' ? bidi : cdp).inShadow(this.page, hostSelector, fn, arg);
  }

  /** Waits until inShadow(hostSelector, fn, arg) is truthy, and returns it. */
  async waitInShadow(hostSelector, fn, arg, timeout = 20_000) {
    for (const end = Date.now() + timeout; ; await sleep(100)) {
      let failure = null; // the host may not be on the page yet
      try {
        const v = await this.inShadow(hostSelector, fn, arg);
        if (v) return v;
      } catch (err) {
        failure = err;
      }
      if (Date.now() > end) throw failure || new Error(`waited ${timeout} ms in the shadow root of ${hostSelector} for ${fn}`);
    }
  }

  /** A real (trusted) mouse click on the element selector matches inside hostSelector's shadow root. */
  async clickInShadow(hostSelector, selector) {
    const { x, y, error } = await this.inShadow(hostSelector, cdp.centreInShadow, selector);
    if (error) throw new Error(`cannot click ${hostSelector} ${selector}: ${error}`);
    await this.page.mouse.click(x, y);
  }

  /** Replaces the value of an input, typing as a user would. */
  async fill(selector, value) {
    if (this.kind === 'firefox') await this.page.locator(selector).fill(value);
    else await this.page.fill(selector, value);
  }

  async bringToFront() {
    await this.page.bringToFront();
  }

  close() {
    return this.page.close();
  }
}

/**
 * A browser profile with the extension installed, pages served at their real URLs and no network but 127.0.0.1.
 *
 *   const s = await new Session().start();
 *   s.serve('https://arxiv.org/list/cs.CL/new', html);
 *   const tab = await s.openListing('https://arxiv.org/list/cs.CL/new');
 */
export class Session {
  /** @param {{kind?: 'chromium'|'firefox', grantHosts?: string[], prefs?: Record<string, any>}} [opts] prefs: Firefox's */
  constructor(opts = {}) {
    this.kind = opts.kind || browserUnderTest();
    this.browser = this.kind === 'firefox' ? new FirefoxBrowser(opts) : new Browser(opts);
    /** @type {Tab|null} an extension page kept open to send messages from */
    this.messenger = null;
  }

  async start() {
    await this.browser.start();
    return this;
  }

  /** Serves body at url (a real https URL); delay: ms after it is asked for (a slow script holds up the parser). */
  serve(url, body, type, status, delay) {
    this.browser.serve(url, body, type, status, delay);
  }

  serveFile(url, file, type) {
    return this.browser.serveFile(url, file, type);
  }

  /** The URL of an extension file, such as popup/popup.html. */
  extensionURL(file) {
    return this.browser.extensionURL(file);
  }

  /** A new tab at url (https URLs are served from serve()). */
  async open(url) {
    return new Tab(this.kind, await this.browser.openPage(url));
  }

  /**
   * Opens url and waits until the extension has shown its cards (data-papergist on <html>).
   * @param {'shown'|'done'} until
   */
  async openListing(url, until = 'done', timeout = 20_000) {
    const tab = await this.open(url);
    await tab.waitFor((u) => {
      const s = document.documentElement.getAttribute('data-papergist');
      return u === 'shown' ? s === 'shown' || s === 'done' : s === 'done';
    }, until, timeout);
    return tab;
  }

  /** Opens the popup as a page, with its list drawn. */
  async openPopup() {
    const tab = await this.open(this.extensionURL('popup/popup.html'));
    await tab.waitForSelector('body[data-rendered]');
    return tab;
  }

  /**
   * Sends one message of lib/messages.js to the background from an extension page (as the popup and options
   * do) and returns its reply's data; throws its error.
   */
  async message(type, payload = {}) {
    const reply = await this.inExtension((m) => chrome.runtime.sendMessage(m), { type, ...payload });
    if (!reply) throw new Error(`no reply to ${type}`);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.data;
  }

  /** Runs fn(arg) in an extension page, with its chrome.* APIs. */
  async inExtension(fn, arg) {
    this.messenger ??= await this.open(this.extensionURL('options/options.html'));
    return this.messenger.evaluate(fn, arg);
  }

  /** The browser's ID of tab, which it brings to the front (as the popup would see it, active). */
  async tabId(tab) {
    await this.inExtension(() => 0); // the extension page first: a tab opened after would be the active one
    await tab.bringToFront();
    return this.inExtension(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  }

  /**
   * Calls the background's handler of a browser event (papergistEvents in background/service-worker.js) for a
   * tab, as the browser does for a shortcut (onCommand) or a context-menu click (onMenuClicked): headless input
   * reaches neither. Returns the saved paper's ID, or null.
   * @param {'onCommand'|'onMenuClicked'} handler @param {string} arg the command or the menu item
   */
  async fireEvent(handler, arg, tabId) {
    const fire = async ({ handler, arg, tabId }) => {
      // Chromium: this runs in the service worker; Firefox: in an extension page, next to its background page
      const events = globalThis.papergistEvents || (await chrome.runtime.getBackgroundPage()).papergistEvents;
      const tab = await chrome.tabs.get(tabId);
      const r = handler === 'onCommand' ? await events.onCommand(arg, tab) : await events.onMenuClicked({ menuItemId: arg }, tab);
      return r ? r.id : null;
    };
    if (this.kind === 'firefox') return this.inExtension(fire, { handler, arg, tabId });
    return (await this.browser.serviceWorker()).evaluate(fire, { handler, arg, tabId });
  }

  /** @returns {Promise<Record<string, any>>} paper ID → the extension's saved record */
  async records() {
    const all = await this.inExtension(() => chrome.storage.local.get(null));
    return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('paper:')).map(([k, v]) => [k.slice(6), v]));
  }

  /**
   * Waits until the background has stored what it answered url (background/recent-pages.js), as it has long before
   * the browser stops it idle, so that the answer outlives the background.
   */
  async waitForStoredAnswer(url) {
    const page = await this.open(this.extensionURL('options/options.html'));
    try {
      const stored = () => page.evaluate(async (key) => ((await chrome.storage.session.get('early-order'))['early-order'] || []).includes(key), `normal ${url}`);
      for (const end = Date.now() + 10_000; !(await stored()); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > end) throw new Error(`the answer to ${url} was not stored`);
      }
    } finally {
      await page.close();
    }
  }

  /** Clears the extension's chrome.storage.session (the caches of abstracts and summaries). */
  async clearSessionStorage() {
    const page = await this.open(this.extensionURL('options/options.html'));
    await page.evaluate(() => chrome.storage.session.clear());
    await page.close();
  }

  /**
   * Stops the extension's background as the browser does when it is idle: Chromium's service worker (the
   * offscreen document and its engine stay), Firefox's event page (the engine goes with it).
   */
  async stopBackground() {
    if (this.kind === 'firefox') return this.browser.stopBackground();
    return this.browser.stopServiceWorker();
  }

  /** Closes the browser and starts it again on the same profile. */
  async restart() {
    this.messenger = null;
    await this.browser.restart();
  }

  /** Clicks selector in tab, which downloads a file, and returns the file's text. */
  async download(tab, selector) {
    if (this.kind === 'chromium') {
      const [dl] = await Promise.all([tab.page.waitForEvent('download'), tab.click(selector)]);
      return readFile(await dl.path(), 'utf8');
    }
    return this.browser.download(() => tab.click(selector));
  }

  async dispose() {
    await this.browser.dispose();
  }
}
