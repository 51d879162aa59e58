// Page analysis for content scripts: extract the papers, fill cached abstracts, summarize, digest.
import { call } from './engine.js';
import { hash } from '../lib/hash.js';
import { savedIds } from './saved-index.js';
import { summaries } from './summaries.js';
import { fetchable, fillFromCache, fetchAbstracts } from './abstracts.js';

/** @typedef {import('../lib/messages.js').Paper} Paper */
/** @typedef {import('../lib/messages.js').Entry} Entry */

/**
 * The last pages and digests this worker computed, by URL and HTML hash (pages) or input hash (digests):
 * a page seen again while the worker lives costs no round trip to the engine. The engine keeps its own
 * page cache across worker stops.
 */
const recent = { pages: new Map(), digests: new Map() };
const MAX_RECENT = 16;

async function memo(map, key, compute) {
  if (map.has(key)) {
    const v = map.get(key);
    map.delete(key); // most recently used last
    map.set(key, v);
    return structuredClone(v); // callers fill abstracts in place
  }
  const v = await compute();
  if (map.size >= MAX_RECENT) map.delete(map.keys().next().value);
  map.set(key, v);
  return structuredClone(v);
}

const extract = (html, url) =>
  memo(recent.pages, `${url}\n${html.length}:${hash(html)}`, () => call('extract', html, url));

/** @param {Paper[]} papers */
function digestOf(papers) {
  const json = JSON.stringify(papers);
  return memo(recent.digests, `${json.length}:${hash(json)}`, () => call('digest', json));
}

/**
 * @param {{html: string, url: string}} msg
 * @returns {Promise<{site: string, entries: Entry[], topics: any[], saved: string[], timing: Record<string, number>}>}
 *   saved: the IDs of the page's papers that are saved
 */
export async function analyzePage({ html, url }) {
  if (typeof html !== 'string' || typeof url !== 'string') throw new Error('page/analyze wants {html, url}');
  const t0 = performance.now();
  const res = await extract(html, url);
  const t1 = performance.now();
  /** @type {Paper[]} */
  const papers = res.papers;
  const hadAbstract = new Set(papers.filter((p) => p.abstract).map((p) => p.id));
  const cached = await fillFromCache(papers);
  const entries = await entriesOf(papers, (p) =>
    hadAbstract.has(p.id) ? 'page' : cached.has(p.id) ? 'fetched' : fetchable(p) ? 'pending' : 'missing');
  const t2 = performance.now();
  const topics = await digestOf(papers);
  const timing = { extract: t1 - t0, summarize: t2 - t1, digest: performance.now() - t2 };
  const saved = await savedIds();
  return { site: res.site, entries, topics, saved: papers.map((p) => p.id).filter((id) => saved.has(id)), timing };
}

/**
 * Fetches the abstracts the listing lacks and returns the papers' new entries; on a failed request the
 * entries say 'failed' and keep the title-only summary.
 * @param {{papers: Paper[]}} msg
 */
export async function abstractsFor({ papers }) {
  if (!Array.isArray(papers)) throw new Error('abstracts/fetch wants {papers}');
  let state = 'fetched';
  try {
    await fetchAbstracts(papers);
  } catch (err) {
    console.warn('papergist: abstracts', err);
    state = 'failed';
  }
  const entries = await entriesOf(papers, (p) => (p.abstract ? state : state === 'failed' ? 'failed' : 'missing'));
  return { entries };
}

/** @param {{papers: Paper[]}} msg */
export async function digest({ papers }) {
  if (!Array.isArray(papers)) throw new Error('page/digest wants {papers}');
  return { topics: await digestOf(papers) };
}

/**
 * @param {Paper[]} papers @param {(p: Paper) => Entry['abstract']} stateOf @returns {Promise<Entry[]>}
 */
async function entriesOf(papers, stateOf) {
  const sums = await summaries(papers);
  return papers.map((paper, i) => ({ paper, summary: sums[i], abstract: stateOf(paper) }));
}
