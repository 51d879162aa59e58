// Page analysis for content scripts: one page state in, its entries, topics and saved IDs out, in one trip to
// the engine. The engine keeps the one cache of page work (pages, summaries, fetched abstracts).
import { AppError } from '../lib/messages.js';
import { analyze } from './engine.js';
import { savedIds } from './saved-index.js';
import { fetchAbstractFeeds } from './abstracts.js';
import { ensureLibrary, libraryWasLoading, isOn, MIN_LIBRARY } from './for-you.js';

/** @typedef {import('../lib/messages.js').Analysis} Analysis */
/** @typedef {import('../lib/messages.js').ForYou} ForYou */

/**
 * @param {{html: string, url: string, fetchAbstracts?: string[]}} msg fetchAbstracts: the arXiv IDs of the
 *   entries the last analysis of this page said were "pending"
 * @param {() => void} [rankLater] called when the page went unranked because the For-you index was not whole
 *   (a fresh engine being sent the library), once it is: the page should ask again
 * @returns {Promise<Analysis & {saved: string[], forYou: ForYou}>} saved: the IDs of the page's papers that are
 *   saved; forYou: the page's papers closest to the library (the same call into Go ranks them)
 */
export async function analyzePage({ html, url, fetchAbstracts }, rankLater = () => {}) {
  if (typeof html !== 'string' || typeof url !== 'string') throw new AppError('invalid', 'page/analyze wants {html, url}');
  const t0 = performance.now();
  /** @type {import('../lib/messages.js').AnalyzeRequest} */
  const request = { html, url };
  let fetching = 0;
  if (Array.isArray(fetchAbstracts) && fetchAbstracts.length) {
    const t = performance.now();
    try {
      request.abstracts = await fetchAbstractFeeds(fetchAbstracts);
    } catch (err) {
      console.warn('papergist: abstracts', err);
      request.abstracts_failed = true;
    }
    fetching = performance.now() - t;
  }
  const on = await isOn();
  // The index is loaded once per engine life, beside this analysis, not before it: Go ranks the page only if the
  // index is whole, and says when it was not (library_loading), so the page asks again once it is in.
  if (on) {
    request.for_you = true;
    ensureLibrary().catch((err) => console.warn('papergist: For-you index', err));
  }
  const [{ for_you: picks, library_loading: loading, ...analysis }, saved] = await Promise.all([analyze(request), savedIds()]);
  if (loading) libraryWasLoading().then((state) => state.size >= MIN_LIBRARY && rankLater(), () => {});
  analysis.timing.fetch = fetching;
  // The content script puts the timing where the page can read it (data-papergist-timing): the ranking's time
  // grows with the library, so it stays here.
  delete analysis.timing.rank;
  analysis.timing.background = performance.now() - t0; // the background's own part of the round trip
  // Wall-clock marks (ms since the epoch) from which the content script tells the message's two deliveries apart
  analysis.timing.handledAt = performance.timeOrigin + t0;
  analysis.timing.answeredAt = performance.timeOrigin + performance.now();
  const forYou = { on, few: saved.size < MIN_LIBRARY, need: MIN_LIBRARY, picks: picks || [] };
  return { ...analysis, saved: analysis.entries.map((e) => e.paper.id).filter((id) => saved.has(id)), forYou };
}
