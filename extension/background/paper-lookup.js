// The paper a URL or a PDF shows, with its metadata: the URL is resolved first (wasm/pdfbridge, in the PDF
// module); a PDF that its URL does not name is read (its first page's arXiv ID or DOI, else its title, which
// is looked up in the arXiv API and Crossref and taken only when the titles agree). Metadata comes from the
// arXiv API (permitted at install), the OpenReview notes API, Crossref or the paper's landing page; those
// origins need a host permission the popup asks for (permissionsFor); without it, what is known is saved and
// `missing` says what is not.
import { MSG, TARGET, unwrap } from '../lib/messages.js';
import { entriesOf, ensureEngine } from './engine.js';
import { toHost } from './host.js';
import { downloadPDF } from './pdf-download.js';

/** @typedef {import('../lib/messages.js').Paper} Paper */
/**
 * What paper.Resolve gives (shared/paper/resolve.go).
 * @typedef {{id?: string, version?: string, site: string, pdf: boolean, source: string, metadata_url: string,
 *   landing_url: string}} Resolved
 */
/** @typedef {{paper: Paper, missing?: string}} Found */

const ARXIV_SEARCH = 'https://export.arxiv.org/api/query';
const CROSSREF = 'https://api.crossref.org';

/** Calls the PDF module in the offscreen document. */
export async function pdfCall(name, ...args) {
  await ensureEngine();
  const reply = await toHost({ target: TARGET.OFFSCREEN, type: MSG.PDF_CALL, name, args });
  return unwrap(reply, `the PDF reader's ${name}`).data ?? null;
}

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Downloads the PDF at url and reads its first page in the PDF module. @param {string} url */
const readPDFAt = async (url) => pdfCall('read', toBase64(await downloadPDF(url, { permitted: allowed })), url);

/** @param {string} url @returns {Promise<Resolved|null>} */
export const resolveURL = (url) => (/^https?:/.test(url || '') ? pdfCall('resolve', url) : Promise.resolve(null));

/** A URL that serves a PDF, by its look (the resolver knows the sites; this is for the others). */
export const looksLikePDF = (url) => /\.pdf(?:$|[?#])|\/pdf(?:$|[/?#])|[?&](?:type|format)=pdf/i.test(url || '');

const originOf = (url) => `${new URL(url).origin}/*`;

class MissingAccess extends Error {
  constructor(url, what) {
    const host = new URL(url).host;
    super(`papergist has no access to ${host}, where ${what} comes from: allow it from the toolbar popup's Save button.`);
    this.origin = originOf(url);
  }
}

async function allowed(url) {
  if (new URL(url).host === 'export.arxiv.org') return true; // host_permissions
  return chrome.permissions.contains({ origins: [originOf(url)] });
}

/**
 * The origins a save of url would fetch metadata from and has no permission for: the popup asks for them.
 * @param {string} url
 */
export async function permissionsFor(url) {
  const r = await resolveURL(url).catch(() => null);
  const want = r ? [r.metadata_url] : looksLikePDF(url) ? [`${CROSSREF}/works`] : [];
  const out = [];
  for (const u of want) if (!(await allowed(u))) out.push(originOf(u));
  return out;
}

async function fetchText(url, what) {
  if (!(await allowed(url))) throw new MissingAccess(url, what);
  const host = new URL(url).host;
  const signal = AbortSignal.timeout(20_000);
  let resp;
  try {
    resp = await fetch(url, {
      credentials: 'omit', signal,
      headers: { Accept: 'application/json, text/html, application/atom+xml;q=0.9, */*;q=0.5' },
    });
  } catch {
    throw new Error(`papergist could not reach ${host} for ${what}.`);
  }
  if (resp.status === 404) return null;
  if (!resp.ok) throw new Error(`${host} answered HTTP ${resp.status} when papergist asked for ${what}.`);
  try {
    return await resp.text();
  } catch {
    // the body's own failure is the browser's words ("signal timed out"), which would reach the user
    throw new Error(signal.aborted ? `${host} was still sending ${what} after 20 s.` : `The connection to ${host} broke off while papergist read ${what}.`);
  }
}

/**
 * The paper of a resolved URL from its metadata source, or null when the source does not know it.
 * @param {Resolved} r
 * @returns {Promise<Paper|null>}
 */
export async function metadataOf(r) {
  const what = "this paper's title and abstract";
  const body = await fetchText(r.metadata_url, what);
  if (body === null) return null;
  let paper;
  if (r.source === 'arxiv-api' || r.source === 'page') {
    const papers = (await entriesOf(body, r.metadata_url)).map((e) => e.paper);
    paper = papers.find((p) => !r.id || p.id === r.id) || (papers.length === 1 ? papers[0] : null);
  } else {
    paper = await pdfCall('metadata', r.source, body, '').catch(() => null);
  }
  if (paper && r.id && paper.id !== r.id && r.source !== 'page') paper.id = r.id;
  return paper;
}

/** Looks a title up in the arXiv API, then Crossref; a hit counts only when its title agrees closely. */
async function byTitle(title) {
  const missing = [];
  const q = `${ARXIV_SEARCH}?search_query=${encodeURIComponent(`ti:"${title.replace(/["\\]/g, ' ')}"`)}&max_results=5`;
  try {
    const atom = await fetchText(q, 'the title search');
    const res = { papers: atom ? (await entriesOf(atom, q)).map((e) => e.paper) : [] };
    for (const p of res.papers) if (await pdfCall('sameTitle', title, p.title)) return { paper: p };
  } catch (err) {
    missing.push(err.message);
  }
  const c = `${CROSSREF}/works?rows=5&query.bibliographic=${encodeURIComponent(title)}`;
  try {
    const body = await fetchText(c, 'the title search');
    const p = body ? await pdfCall('metadata', 'crossref', body, title).catch(() => null) : null;
    if (p) return { paper: p };
  } catch (err) {
    missing.push(err.message);
  }
  return { paper: null, missing: missing.join(' ') };
}

/** Fills what a metadata paper lacks from what the PDF showed, and keeps the PDF's URL. */
function merged(meta, fromPDF, pdfURL) {
  const p = { ...meta };
  if (pdfURL) p.pdf_url = pdfURL;
  if (fromPDF) {
    if (!p.authors || !p.authors.length) p.authors = fromPDF.authors || [];
    if (!p.abstract && fromPDF.abstract) p.abstract = fromPDF.abstract;
  }
  return p;
}

/**
 * The paper at a resolved URL: its metadata, else (for a PDF) what the PDF's first page gives.
 * @param {Resolved} r @param {string} url @returns {Promise<Found>}
 */
async function fromResolved(r, url) {
  let why;
  try {
    const meta = await metadataOf(r);
    if (meta) return { paper: merged(meta, null, r.pdf ? url : '') };
    why = `${new URL(r.metadata_url).host} does not know this paper.`;
  } catch (err) {
    if (!r.pdf) throw err;
    why = err.message;
  }
  if (!r.pdf) throw new Error(`papergist could not find this paper's title: ${why}`);
  const read = await readPDFAt(url);
  if (!read.paper) throw new Error(`${why} The PDF's first page shows no title either.`);
  const p = read.paper;
  if (r.id) p.id = r.id;
  return { paper: p, missing: `Saved with the title and authors the PDF shows, without its abstract: ${why}` };
}

/**
 * The paper of a PDF whose URL does not name it.
 * @param {string} url @returns {Promise<Found>}
 */
export async function fromPDF(url) {
  const read = await readPDFAt(url);
  const shown = read.paper;
  if (read.resolved) {
    try {
      const meta = await metadataOf(read.resolved);
      if (meta) return { paper: merged(meta, shown, url) };
    } catch (err) {
      if (!shown) throw err;
      return { paper: shown, missing: `Saved with what the PDF shows, without its abstract: ${err.message}` };
    }
  }
  if (!shown) throw new Error('papergist found no title on the first page of this PDF, and no arXiv ID or DOI.');
  if (!read.resolved) {
    const hit = await byTitle(shown.title);
    if (hit.paper) return { paper: merged(hit.paper, shown, url) };
    if (hit.missing) return { paper: shown, missing: `Saved with what the PDF shows. ${hit.missing}` };
  }
  return { paper: shown };
}

/**
 * The paper at url (a tab's or a link's): by its URL first, else as a PDF; null when url is neither a
 * known paper URL nor, by its look, a PDF.
 * @param {string} url @param {{isPDF?: boolean}} [opts] isPDF: the tab is known to show a PDF
 * @returns {Promise<Found|null>}
 */
export async function paperAt(url, opts = {}) {
  const r = await resolveURL(url);
  if (r && (r.id || r.source === 'page')) return fromResolved(r, url);
  if (opts.isPDF || looksLikePDF(url)) return fromPDF(url);
  return null;
}
