// Items pulled from a sync server are checked and coerced with the server's own rules (shared/syncproto/
// validate.go: field limits, types, URLs, tags as a set, a title) before anything is stored: a server that is
// broken, old or hostile must not put an object where text belongs (the popup could not show it), a 3 MB note,
// 20,000 tags or a "__proto__" ID into the library. A bad item is skipped and reported; the rest are stored.
// The limits are shared/syncproto's constants; shared/syncproto/testdata/pull-items.json holds them and the
// vectors that the Go tests (against Change.Normalize) and pull-validate.test.js both run.
import { normalizeTags, trimSpace, SPACE } from '../lib/saved.js';
import { isPublished, MAX_VENUE } from '../lib/record.js';

/** Field limits in characters (code points, as Go's runes), and the most IDs/tags/authors per item. */
export const LIMITS = Object.freeze({
  title: 1000, authors: 1000, author: 300, abstract: 20000, url: 2048, tldr: 2000, keyphrases: 100, keyphrase: 200,
  tags: 100, tag: 64, note: 100000, venue: MAX_VENUE,
});

/** The longest ID accepted: url: IDs are canonical links (LIMITS.url) behind their prefix; the server caps below. */
export const MAX_ID = 4096;

/** The ID kinds of shared/paper.ParseID. */
const PREFIXES = ['arxiv:', 'doi:', 'openreview:', 'acl:', 's2:', 'url:'];

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/; // keeps \t \n \r
const ID_BAD = new RegExp(`[${SPACE}\\u0000-\\u001f\\u007f-\\u009f]`);
const RFC3339 = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** A rule an item breaks. */
class Invalid extends Error {}

const PAIRS = /[\ud800-\udbff][\udc00-\udfff]/g;
/** Code points in s, as Go counts runes: UTF-16 units less one per surrogate pair. @param {string} s */
const runes = (s) => s.length - (s.length > 1 ? (s.match(PAIRS) || []).length : 0);

/** A text field: absent is empty; single-line text is trimmed (as the server trims it). */
function text(v, field, max, multiline = false) {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new Invalid(`${field}: not text`);
  if (!v.isWellFormed()) throw new Invalid(`${field}: not valid Unicode`);
  const s = multiline ? v : trimSpace(v);
  if (runes(s) > max) throw new Invalid(`${field}: longer than ${max} characters`);
  if ((multiline ? CONTROL_BUT_LINES : CONTROL).test(s)) throw new Invalid(`${field}: has control characters`);
  return s;
}

function list(v, field, maxLen, maxItem) {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Invalid(`${field}: not a list`);
  if (v.length > maxLen) throw new Invalid(`${field}: more than ${maxLen} entries`);
  return v.map((x, i) => {
    const s = text(x, field, maxItem);
    if (!s) throw new Invalid(`${field}: entry ${i + 1} is empty`);
    return s;
  });
}

function link(v, field) {
  const s = text(v, field, LIMITS.url);
  if (!s) return s;
  let u = null;
  try {
    u = new URL(s);
  } catch {
    // below
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !u.host) {
    throw new Invalid(`${field}: not an absolute http(s) URL`);
  }
  return s;
}

function tags(v) {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) throw new Invalid('tags: not a list of text');
  const set = normalizeTags(v);
  if (set.length > LIMITS.tags) throw new Invalid(`tags: more than ${LIMITS.tags}`);
  for (const t of set) {
    if (runes(t) > LIMITS.tag || CONTROL.test(t)) throw new Invalid(`tags: one is longer than ${LIMITS.tag} characters or has control characters`);
  }
  return set;
}

/** A publication date: trimmed, empty, or YYYY, YYYY-MM or YYYY-MM-DD naming a real day (as validate.go). */
function published(v) {
  const s = text(v, 'published', 10);
  if (!isPublished(s)) throw new Invalid('published: not a date as YYYY, YYYY-MM or YYYY-MM-DD');
  return s;
}

function time(v, field) {
  const m = typeof v === 'string' && RFC3339.exec(v);
  const year = m ? Number(m[1]) : 0;
  if (!m || Number.isNaN(Date.parse(v)) || year < 1990 || year > 9999) throw new Invalid(`${field}: not a time`);
  return v;
}

/** @param {unknown} v @returns {string} a canonical-looking paper ID */
export function checkID(v) {
  if (typeof v !== 'string' || !v) throw new Invalid('id: missing');
  if (v.length > MAX_ID) throw new Invalid(`id: longer than ${MAX_ID} characters`);
  const prefix = PREFIXES.find((p) => v.startsWith(p));
  if (!prefix || v.length === prefix.length || ID_BAD.test(v) || !v.isWellFormed()) throw new Invalid('id: not a paper ID');
  return v;
}

const version = (v, min) => {
  if (!Number.isSafeInteger(v) || v < min) throw new Invalid('version: not a whole number');
  return v;
};

/** The rule of each Item field a user or a page sets; a dispute may name these fields only. */
const FIELD_RULES = Object.freeze({
  title: (v) => text(v, 'title', LIMITS.title),
  authors: (v) => list(v, 'authors', LIMITS.authors, LIMITS.author),
  abstract: (v) => text(v, 'abstract', LIMITS.abstract, true),
  url: (v) => link(v, 'url'),
  pdf_url: (v) => link(v, 'pdf_url'),
  tldr: (v) => text(v, 'tldr', LIMITS.tldr, true),
  keyphrases: (v) => list(v, 'keyphrases', LIMITS.keyphrases, LIMITS.keyphrase),
  tags: (v) => tags(v),
  note: (v) => text(v, 'note', LIMITS.note, true),
  published: (v) => published(v),
  venue: (v) => text(v, 'venue', LIMITS.venue),
  read: (v) => {
    if (v !== undefined && v !== null && typeof v !== 'boolean') throw new Invalid('read: not true or false');
    return v === true;
  },
});

/**
 * Checks the named fields of x that are there by the server's rules for them (FIELD_RULES), before a save or an
 * edit stores them: a value the server would refuse is refused here, with why, rather than stored and parked.
 * @param {Record<string, unknown>} x @param {string[]} names Item fields @throws {Error} naming the first bad field
 */
export function checkFields(x, names) {
  for (const name of names) if (x[name] !== undefined) FIELD_RULES[name](x[name]);
}

/**
 * s cut to at most max code points (LIMITS counts as Go's runes), at the last word break that keeps most of it,
 * with "…" marking the cut; s itself when it fits. @param {string} s @param {number} max
 */
export function cutText(s, max) {
  if (typeof s !== 'string' || runes(s) <= max) return s;
  const cps = Array.from(s).slice(0, max - 1);
  const head = cps.join('');
  const brk = head.search(/\s\S*$/);
  return `${(brk > head.length / 2 ? head.slice(0, brk) : head).trimEnd()}…`;
}

/**
 * A page's paper and its summary, cut to what an item holds (LIMITS): a page or the summarizer may make more (a
 * collaboration's thousands of authors, an abstract or a TL;DR with no sentence end), and such a paper is saved
 * with what fits rather than refused. Only what comes from the page is cut; what a user types is checked
 * (checkFields), never cut. Values of the wrong type are left for checkFields to refuse.
 * @template P, S @param {P} paper @param {S} summary @returns {{paper: P, summary: S}}
 */
export function fitPage(paper, summary) {
  const p = /** @type {any} */ ({ ...paper });
  const s = /** @type {any} */ ({ ...(summary || {}) });
  p.title = cutText(p.title, LIMITS.title);
  p.abstract = cutText(p.abstract, LIMITS.abstract);
  p.venue = cutText(p.venue, LIMITS.venue);
  s.tldr = cutText(s.tldr, LIMITS.tldr);
  if (Array.isArray(p.authors)) p.authors = p.authors.slice(0, LIMITS.authors).map((a) => cutText(a, LIMITS.author));
  if (Array.isArray(s.keyphrases)) {
    s.keyphrases = s.keyphrases.filter((k) => typeof k !== 'string' || runes(k) <= LIMITS.keyphrase).slice(0, LIMITS.keyphrases);
  }
  if (summary == null) delete s.tldr;
  return { paper: p, summary: summary == null ? summary : s };
}

/**
 * An item as the server's rules allow it, with only the Item fields, each of its type.
 * @param {any} raw @returns {import('../lib/messages.js').Item} @throws {Error} naming the first bad field
 */
export function checkItem(raw) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Invalid('not an item');
  /** @type {any} */
  const item = { id: checkID(raw.id) };
  for (const [name, rule] of Object.entries(FIELD_RULES)) item[name] = rule(raw[name]);
  item.saved_at = time(raw.saved_at, 'saved_at');
  item.updated_at = typeof raw.updated_at === 'string' ? raw.updated_at.slice(0, 64) : '';
  item.version = version(raw.version, 1);
  if (!item.title) throw new Invalid('title: a saved item needs a title');
  if (raw.dispute !== undefined && raw.dispute !== null) item.dispute = checkDispute(raw.dispute);
  return item;
}

/**
 * Another device's conflicting edit (syncproto.Dispute): known field names, each value by that field's rule.
 * @param {any} raw @returns {{fields: string[], values: Record<string, unknown>, at: string}}
 */
function checkDispute(raw) {
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Invalid('dispute: not an object');
  const fields = raw.fields;
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > Object.keys(FIELD_RULES).length
    || fields.some((f) => typeof f !== 'string' || !Object.hasOwn(FIELD_RULES, f))) {
    throw new Invalid('dispute: fields are not item fields');
  }
  const given = raw.values && typeof raw.values === 'object' && !Array.isArray(raw.values) ? raw.values : {};
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const f of fields) if (Object.hasOwn(given, f)) values[f] = FIELD_RULES[f](given[f]);
  return { fields: [...new Set(fields)], values, at: typeof raw.at === 'string' ? raw.at.slice(0, 64) : '' };
}

/** @param {any} raw @returns {{id: string, version: number}} */
function checkTombstone(raw) {
  if (!raw || typeof raw !== 'object') throw new Invalid('not a deletion');
  return { id: checkID(raw.id), version: version(raw.version, 0) };
}

/**
 * Splits a pull page's items and deletions into those fit to store and those skipped, with why.
 * @param {{items: any[], deleted?: any[]}} data
 * @returns {{items: import('../lib/messages.js').Item[], deleted: {id: string, version: number}[],
 *   skipped: {id: string, error: string}[]}}
 */
export function checkPull(data) {
  const skipped = [];
  const keep = (xs, check) => (Array.isArray(xs) ? xs : []).flatMap((raw) => {
    try {
      return [check(raw)];
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const id = raw && typeof raw.id === 'string' ? raw.id.slice(0, 100) : '';
      skipped.push({ id, error: err.message });
      return [];
    }
  });
  return { items: keep(data.items, checkItem), deleted: keep(data.deleted, checkTombstone), skipped };
}

/** Where the last skipped items are kept for the popup and for support: {at, items: [{id, error}]} */
export const SKIPPED_KEY = 'sync:skipped';

/** Reports items a pull skipped: the console, and storage (the first 20). @param {{id: string, error: string}[]} skipped */
export async function reportSkipped(skipped) {
  console.warn(`papergist: skipped ${skipped.length} item(s) of a pull the server's own rules refuse`, skipped.slice(0, 20));
  await chrome.storage.local.set({ [SKIPPED_KEY]: { at: new Date().toISOString(), count: skipped.length, items: skipped.slice(0, 20) } });
}
