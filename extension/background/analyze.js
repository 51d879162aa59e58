// Page analysis for content scripts: one page state in, its entries, topics and saved IDs out, in one trip to
// the engine. The engine keeps the one cache of page work (pages, summaries, fetched abstracts).
import { AppError } from '../lib/messages.js';
import { analyze } from './engine.js';
import { savedIds } from './saved-index.js';
import { fetchAbstractFeeds } from './abstracts.js';

/** @typedef {import('../lib/messages.js').Analysis} Analysis */

/**
 * @param {{html: string, url: string, fetchAbstracts?: string[]}} msg fetchAbstracts: the arXiv IDs of the
 *   entries the last analysis of this page said were "pending"
 * @returns {Promise<Analysis & {saved: string[]}>} saved: the IDs of the page's papers that are saved
 */
export async function analyzePage({ html, url, fetchAbstracts }) {
  if (typeof html !== 'string' || typeof url !== 'string') throw new AppError('invalid', 'page/analyze wants {html, url}');
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
  const [analysis, saved] = await Promise.all([analyze(request), savedIds()]);
  analysis.timing.fetch = fetching;
  return { ...analysis, saved: analysis.entries.map((e) => e.paper.id).filter((id) => saved.has(id)) };
}
