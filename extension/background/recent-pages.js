// The last answers to the pages content scripts sent, by URL, so that a page seen before gets its cards before
// its first frame: its content script opens a port at document start (PORT.PAGE), before the page is parsed,
// and hears the answer the page got last time; once parsed, it shows that answer at once if the page is the
// same (the same HTML: the answer carries the page it was for, which the page compares natively, where hashing it in
// the page's still-cold JavaScript took 10–25 ms). It still sends the page as usual, and that reply updates what
// changed (saved states, For you), so the early answer only ever saves time.
// A cache, not state: kept in the worker's memory, and the last few pages of normal windows also in
// chrome.storage.session (memory only, trusted contexts only, cleared when the browser closes), so that a page
// opened again after the worker stopped, idle, is answered too: the port wakes the worker while the page loads.
// Lost, or refused by the quota, a page waits for its reply as it would without it.
// A page is stored as one JSON string: chrome.storage converts an object's every value on the worker's thread,
// which for a 50-paper listing's answer took 25–40 ms there (a trace), so a page loading meanwhile heard its
// early answer that much later; a string is one copy. A page answered again as before is not written again.
/** @typedef {import('../lib/messages.js').Entry} Entry */
/** @typedef {import('../lib/messages.js').Topic} Topic */
/** @typedef {import('../lib/messages.js').EarlyAnswer} EarlyAnswer */
/**
 * The part of chrome.storage.session used here.
 * @typedef {{get: (key: string) => Promise<Record<string, any>>, set: (items: Record<string, any>) => Promise<void>,
 *   remove: (keys: string[]) => Promise<void>}} Store
 */

/** Pages remembered in memory, the latest: a few listings and the papers opened from them. */
export const MAX_PAGES = 16;
/** Pages also kept in the store, the latest: a 200-paper listing with its abstracts is about 300 KB of HTML and
 * 150 KB of answer, and the store holds 10 MB. */
export const MAX_STORED = 8;
/** The longest page remembered (UTF-16 units): a listing of a few thousand papers is not, in memory or the store. */
export const MAX_HTML = 2_000_000;
/**
 * The longest page also kept in the store (UTF-16 units): twice a 200-paper listing. MAX_STORED pages of it and
 * their answers (about half as long) are about 7 MB of the store's 10; a longer page is remembered in memory only,
 * so that one long page cannot take the store over its quota, which would empty it of every page.
 */
export const MAX_STORED_HTML = 600_000;
/** The store's keys: one per page (the prefix and the page's key), and the stored pages' keys, oldest first. */
export const STORED_PREFIX = 'early:';
export const ORDER_KEY = 'early-order';

/**
 * @typedef {{html: string, site: string, entries: Entry[], topics: Topic[]}} Remembered
 */

/** The answers, by incognito or not and URL; a Map keeps insertion order, so its first key is the oldest. */
export class RecentPages {
  /**
   * @param {() => Promise<Set<string>>} savedIds the IDs of the saved papers, as they are now
   * @param {Store|null} [store] where the last pages of normal windows outlive the worker
   */
  constructor(savedIds, store = null) {
    this.savedIds = savedIds;
    this.store = store;
    /** @type {Map<string, Remembered>} */
    this.pages = new Map();
    /**
     * The page each stored page was written from (or read back as), by key: what the store holds, without a second
     * copy of its text in the worker's memory. @type {Map<string, Remembered>}
     */
    this.stored = new Map();
    /** The store's writes, one at a time. @type {Promise<void>} */
    this.tail = Promise.resolve();
  }

  /**
   * Remembers what a page state was answered. A later state of the same page (abstracts fetched, more papers)
   * replaces the earlier one.
   * @param {{url: string, incognito: boolean}} where @param {string} html the page as its content script sent it
   * @param {{site: string, entries: Entry[], topics: Topic[]}} analysis
   * @returns {Promise<void>} once the store has it (at once without a store, or for a private window's page,
   *   which stays in memory only, or a page over MAX_HTML, which is not remembered: an earlier state of it is
   *   forgotten). A page over MAX_STORED_HTML stays in memory only, and an earlier state of it leaves the store.
   */
  remember(where, html, analysis) {
    const key = keyOf(where);
    if (html.length > MAX_HTML) {
      this.pages.delete(key);
      return Promise.resolve();
    }
    const page = { html, site: analysis.site, entries: analysis.entries, topics: analysis.topics };
    this.keep(key, page);
    const store = this.store;
    if (!store || where.incognito) return Promise.resolve();
    const fits = html.length <= MAX_STORED_HTML;
    const write = this.tail.then(async () => {
      const { [ORDER_KEY]: was = [] } = await store.get(ORDER_KEY);
      const order = was.filter((/** @type {string} */ k) => k !== key);
      const had = order.length < was.length;
      if (!fits) {
        this.stored.delete(key);
        if (!had) return; // not in the store: nothing to change
        await store.remove([STORED_PREFIX + key]);
        await store.set({ [ORDER_KEY]: order });
        return;
      }
      order.push(key);
      const gone = order.splice(0, Math.max(0, order.length - MAX_STORED));
      for (const k of gone) this.stored.delete(k);
      if (gone.length) await store.remove(gone.map((k) => STORED_PREFIX + k));
      const same = had && sameAnswer(this.stored.get(key), page);
      if (same && was.at(-1) === key) return; // the latest already, as it is: nothing to write
      try {
        await store.set(same ? { [ORDER_KEY]: order } : { [STORED_PREFIX + key]: JSON.stringify(page), [ORDER_KEY]: order });
        this.stored.set(key, page);
      } catch (err) {
        // Over the quota (other session data grew): keep none rather than crowd out the rest.
        this.stored.clear();
        await store.remove([...order.map((k) => STORED_PREFIX + k), ORDER_KEY]);
        throw err;
      }
    });
    this.tail = write.catch(() => {});
    return write;
  }

  /**
   * The early answer for a page that is loading, with its papers' saved states as they are now; null when the
   * page was not seen (or not lately).
   * @param {{url: string, incognito: boolean}} where @returns {Promise<EarlyAnswer|null>}
   */
  async answerFor(where) {
    const key = keyOf(where);
    let page = this.pages.get(key);
    if (!page && this.store && !where.incognito) {
      await this.tail; // a write under way
      const { [STORED_PREFIX + key]: stored } = await this.store.get(STORED_PREFIX + key);
      // a string since this version; an object when an earlier version stored it in this browser session
      if (stored) this.keep(key, page = typeof stored === 'string' ? JSON.parse(stored) : stored);
      if (typeof stored === 'string') this.stored.set(key, page);
    }
    if (!page) return null;
    const saved = await this.savedIds();
    const { html, ...analysis } = page;
    return { url: where.url, html,
      analysis: { ...analysis, saved: analysis.entries.map((e) => e.paper.id).filter((id) => saved.has(id)) } };
  }

  /** Keeps a page in memory, as the latest. @param {string} key @param {Remembered} page */
  keep(key, page) {
    this.pages.delete(key);
    this.pages.set(key, page);
    while (this.pages.size > MAX_PAGES) this.pages.delete(/** @type {string} */ (this.pages.keys().next().value));
  }
}

/**
 * Whether a page is answered as it was when stored: the same HTML (one native comparison) and the same answer.
 * @param {Remembered|undefined} was @param {Remembered} now
 */
const sameAnswer = (was, now) => Boolean(was) && was.html === now.html && was.site === now.site &&
  JSON.stringify([was.entries, was.topics]) === JSON.stringify([now.entries, now.topics]);

/** A private window's pages are never answered to a normal window's, and the other way round. */
const keyOf = ({ url, incognito }) => `${incognito ? 'private' : 'normal'} ${url}`;

