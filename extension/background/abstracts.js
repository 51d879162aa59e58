// Abstracts for arXiv listings that show none (/recent, /pastweek): one batched request to the arXiv
// API per page, parsed by the wasm extractor, cached by arXiv ID in chrome.storage.session: it lasts the
// browser session, and a full cache can never take the room saved papers need in storage.local.
import { call } from './engine.js';

/** @typedef {import('../lib/messages.js').Paper} Paper */

const API = 'https://export.arxiv.org/api/query';
const MAX_BATCH = 200;

const keyOf = (arxivId) => `abs:${arxivId}`;

/** @param {Paper} p whether the background can fetch p's abstract */
export const fetchable = (p) => !p.abstract && Boolean(p.arxiv_id);

/**
 * Fills abstracts from the cache only, without a request.
 * @param {Paper[]} papers @returns {Promise<Set<string>>} the IDs it filled
 */
export async function fillFromCache(papers) {
  const want = papers.filter(fetchable);
  const filled = new Set();
  if (!want.length) return filled;
  const got = await chrome.storage.session.get(want.map((p) => keyOf(p.arxiv_id)));
  for (const p of want) {
    const a = got[keyOf(p.arxiv_id)];
    if (a) {
      p.abstract = a;
      filled.add(p.id);
    }
  }
  return filled;
}

/**
 * Fetches the abstracts of papers in batches of MAX_BATCH, fills them in and caches them.
 * Throws when a request fails; papers the API does not know keep an empty abstract.
 * @param {Paper[]} papers
 */
export async function fetchAbstracts(papers) {
  const want = papers.filter(fetchable);
  for (let i = 0; i < want.length; i += MAX_BATCH) {
    const batch = want.slice(i, i + MAX_BATCH);
    const ids = [...new Set(batch.map((p) => p.arxiv_id))];
    const url = `${API}?id_list=${ids.map(encodeURIComponent).join(',')}&max_results=${ids.length}`;
    const resp = await fetch(url, { credentials: 'omit' });
    if (!resp.ok) throw new Error(`arXiv API: HTTP ${resp.status}`);
    const res = await call('extract', await resp.text(), url);
    const byId = new Map(res.papers.filter((p) => p.arxiv_id && p.abstract).map((p) => [p.arxiv_id, p.abstract]));
    const cache = {};
    for (const p of batch) {
      const a = byId.get(p.arxiv_id);
      if (a) {
        p.abstract = a;
        cache[keyOf(p.arxiv_id)] = a;
      }
    }
    await chrome.storage.session.set(cache).catch((err) => console.warn('papergist: cache abstracts', err));
  }
}
