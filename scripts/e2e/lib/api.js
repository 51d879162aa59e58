// A stand-in for the arXiv API: answers ?id_list= with an Atom entry per ID, from known papers or
// made up from the ID, so that tests see which abstracts came from the background's request.
import { arxivAtom, syntheticPaper } from './fixtures.js';

/** @param {Map<string, any>} known papers by arXiv ID */
export function fakeArxivAPI(known = new Map()) {
  return async (route, url) => {
    const ids = (url.searchParams.get('id_list') || '').split(',').filter(Boolean);
    const papers = ids.map((id, i) => known.get(id) || {
      ...syntheticPaper(i),
      id,
      title: `Fetched ${id}`,
      abstract: `Abstract of ${id} from the API. We evaluate retrieval for question answering and find gains.`,
    });
    return route.fulfill({ status: 200, contentType: 'application/atom+xml; charset=utf-8', body: arxivAtom(papers) });
  };
}
