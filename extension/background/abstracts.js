// Abstracts for arXiv listings that show none (/recent, /pastweek): the arXiv API's answers, fetched in
// batches, for the wasm to read (see Analyze in wasm/bridge, which also keeps them for the session).

const API = 'https://export.arxiv.org/api/query';
const MAX_BATCH = 200;

/**
 * Fetches the arXiv API's Atom answers for arXiv IDs, MAX_BATCH IDs per request. Throws when a request fails.
 * @param {string[]} arxivIds @returns {Promise<string[]>}
 */
export async function fetchAbstractFeeds(arxivIds) {
  const ids = [...new Set(arxivIds.filter((id) => typeof id === 'string' && id))];
  const feeds = [];
  for (let i = 0; i < ids.length; i += MAX_BATCH) {
    const batch = ids.slice(i, i + MAX_BATCH);
    const url = `${API}?id_list=${batch.map(encodeURIComponent).join(',')}&max_results=${batch.length}`;
    const resp = await fetch(url, { credentials: 'omit' });
    if (!resp.ok) throw new Error(`arXiv API: HTTP ${resp.status}`);
    feeds.push(await resp.text());
  }
  return feeds;
}
