// The last answers to the pages content scripts sent, by URL, so that a page seen before gets its cards before
// its first frame: its content script opens a port at document start (PORT.PAGE), before the page is parsed,
// and hears the answer the page got last time; once parsed, it shows that answer at once if the page is the
// same (same length and hash of its HTML). It still sends the page as usual, and that reply updates what
// changed (saved states, For you), so the early answer only ever saves time.
// Kept in the worker's memory, deliberately: this is a cache, not state. When the worker stops, it is gone, and a
// page then waits for its reply as it would without it.
import { hash } from '../lib/hash.js';

/** @typedef {import('../lib/messages.js').Entry} Entry */
/** @typedef {import('../lib/messages.js').Topic} Topic */
/** @typedef {import('../lib/messages.js').EarlyAnswer} EarlyAnswer */

/** Pages remembered, the latest: a few listings and the papers opened from them. */
export const MAX_PAGES = 16;

/**
 * @typedef {{hash: string, length: number, site: string, entries: Entry[], topics: Topic[]}} Remembered
 */

/** The answers, by incognito or not and URL; a Map keeps insertion order, so its first key is the oldest. */
export class RecentPages {
  /** @param {() => Promise<Set<string>>} savedIds the IDs of the saved papers, as they are now */
  constructor(savedIds) {
    this.savedIds = savedIds;
    /** @type {Map<string, Remembered>} */
    this.pages = new Map();
  }

  /**
   * Remembers what a page state was answered. A later state of the same page (abstracts fetched, more papers)
   * replaces the earlier one.
   * @param {{url: string, incognito: boolean}} where @param {string} html the page as its content script sent it
   * @param {{site: string, entries: Entry[], topics: Topic[]}} analysis
   */
  remember(where, html, analysis) {
    const key = keyOf(where);
    this.pages.delete(key);
    this.pages.set(key, { hash: hash(html), length: html.length, site: analysis.site, entries: analysis.entries, topics: analysis.topics });
    while (this.pages.size > MAX_PAGES) this.pages.delete(/** @type {string} */ (this.pages.keys().next().value));
  }

  /**
   * The early answer for a page that is loading, with its papers' saved states as they are now; null when the
   * page was not seen (or not lately).
   * @param {{url: string, incognito: boolean}} where @returns {Promise<EarlyAnswer|null>}
   */
  async answerFor(where) {
    const page = this.pages.get(keyOf(where));
    if (!page) return null;
    const saved = await this.savedIds();
    const { hash: h, length, ...analysis } = page;
    return { url: where.url, hash: h, length,
      analysis: { ...analysis, saved: analysis.entries.map((e) => e.paper.id).filter((id) => saved.has(id)) } };
  }

  /** Forgets every page (the tests; and nothing else needs it). */
  clear() {
    this.pages.clear();
  }
}

/** A private window's pages are never answered to a normal window's, and the other way round. */
const keyOf = ({ url, incognito }) => `${incognito ? 'private' : 'normal'} ${url}`;

