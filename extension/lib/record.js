// A saved paper's local record: the server's item (shared/syncproto.Item) under its wire names, so a pull stores
// what it gets and a push sends the record's own fields, plus two local-only objects the server never sees:
// meta, what the page said of the paper beyond the item (shared/paper.Paper's other fields: arxiv_id, doi,
// categories, locator, its arXiv version), and sync, the record's sync state. An edit marks the fields
// it changed dirty in the same storage write as the edit itself, so a service-worker stop can never lose the fact
// that something is to push.
//
// Records of the extension before this shape ({id, paper: {...}, savedAt, dirty, conflict, syncError, ...}) are
// upgraded by upgrade(): at the worker's start once for the whole library (background/library.js migrate), and
// by every reader of a record, so that one an older version left behind is never misread. Records of the versions
// that kept published and venue in meta (device-only) get them as wire fields the same way, marked to push.

/** @typedef {import('./messages.js').SavedPaper} SavedPaper */
/** @typedef {import('./messages.js').Item} Item */
/** @typedef {import('./messages.js').Paper} Paper */

/** The wire names of the synced fields, and the empty value of each. */
const EMPTY = Object.freeze({
  title: '', authors: [], abstract: '', url: '', pdf_url: '', tldr: '', keyphrases: [], tags: [], note: '',
  read: false, saved_at: '', published: '', venue: '',
});

/** The wire names of the synced fields. */
export const NAMES = Object.freeze(Object.keys(EMPTY));

/** The fields a user edits; the others come from the page the paper was saved from. */
export const USER_FIELDS = Object.freeze(['tags', 'note', 'read']);

/** The paper fields an item carries (beside id); a Paper's others go to a record's meta. */
const PAPER_FIELDS = ['title', 'authors', 'abstract', 'url', 'pdf_url', 'published', 'venue'];

/** The fields that moved from meta to the item (published, venue): what upgrade() lifts out of meta. */
const LIFTED = Object.freeze(['published', 'venue']);

const PUBLISHED = /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;

/**
 * Whether v is a publication date the server takes (shared/syncproto validate.go published): "" or YYYY, YYYY-MM
 * or YYYY-MM-DD naming a real day. @param {unknown} v
 */
export function isPublished(v) {
  if (v === '') return true;
  if (typeof v !== 'string' || !PUBLISHED.test(v)) return false;
  if (v.length < 10) return true;
  const [year, month, day] = v.split('-').map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
}

/** The longest venue the server takes (syncproto.MaxVenue); background/pull-validate.js LIMITS.venue is this. */
export const MAX_VENUE = 500;

/**
 * A page's venue as the server takes it: trimmed (as the server trims it), or null when the server would refuse it
 * (longer than MAX_VENUE code points, or a control character left inside).
 * @param {unknown} v @returns {string|null}
 */
export function wireVenue(v) {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return [...t].length <= MAX_VENUE && !/[\u0000-\u001f\u007f-\u009f]/.test(t) ? t : null;
}

/** Whether a page's value of a lifted field can go on the wire (else it stays in meta, device-only). */
const liftable = (name, v) => (name === 'published' ? isPublished(v) : wireVenue(v) !== null);

/**
 * A field's value in a record or an item alike (both use the wire names), an absent one as its empty value.
 * @param {Partial<SavedPaper>|Partial<Item>|Record<string, unknown>} x @param {string} name @returns {any}
 */
export function valueOf(x, name) {
  const v = x ? /** @type {any} */ (x)[name] : undefined;
  if (Array.isArray(EMPTY[name])) return Array.isArray(v) ? v : [];
  if (name === 'read') return Boolean(v);
  return v ?? '';
}

/** Whether two values of a field are equal: lists and text as JSON, tags as sets, times as instants. */
export function same(name, a, b) {
  if (name === 'tags') return JSON.stringify([...(a || [])].sort()) === JSON.stringify([...(b || [])].sort());
  if (name === 'saved_at') return Date.parse(a) === Date.parse(b);
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Whether a is the value b of a page-given field known less fully: a publication date cut at a date boundary (or
 * none) of b ("2017-06" of "2017-06-12"), no venue against one. Two devices' record upgrades lift such values from
 * their own pages; on a pull, a lift (sync.lifted) that is the less full gives way to the server's value (see
 * background/sync.js merge); a fuller lift goes up as any edit, named as a lift to a server that takes that (the
 * server replaces a shorter value only when a lift wrote it: anything else may be another device's re-save; see
 * shared/syncproto LessFull, the same rule; both run shared/syncproto/testdata/less-full.json). @param {string} name @param {unknown} a @param {unknown} b
 */
export function lessFull(name, a, b) {
  if ((name !== 'published' && name !== 'venue') || typeof a !== 'string' || typeof b !== 'string' || a === b) return false;
  return a === '' || (name === 'published' && b.startsWith(a) && b[a.length] === '-');
}

let lastMark = 0;

/**
 * A mark for the fields of one edit, never given before on this device: the microseconds since the epoch, or one
 * more than the last mark. A push acknowledges a field only if its mark is the one the push sent, so a mark must
 * never come back: counting each field's edits from 1 gave an edit made after an acknowledged one the mark of
 * that one, and a stored batch replayed after a worker stop then acknowledged, and lost, the new edit.
 * @returns {number} below 2^53 until the year 2255
 */
export function newMark() {
  lastMark = Math.max(lastMark + 1, Date.now() * 1000);
  return lastMark;
}

/**
 * Marks the fields of next that differ from prev (every field when prev is absent) dirty, with a new mark (see
 * newMark): a push acknowledges a field only if it was not edited again while the push was in flight.
 * @param {SavedPaper|undefined} prev @param {SavedPaper} next @returns {SavedPaper} next
 */
export function markDirty(prev, next) {
  const dirty = { ...((prev && prev.sync && prev.sync.dirty) || {}) };
  const mark = newMark();
  for (const name of NAMES) {
    if (!prev || !same(name, valueOf(prev, name), valueOf(next, name))) dirty[name] = mark;
  }
  next.sync = { ...(next.sync || {}), dirty };
  keepLifted(next.sync); // a save is no lift: the fields it marked anew lose their lift marks
  return next;
}

/**
 * Keeps in sync.lifted only the lifts still pending (their mark still the field's in dirty), in a new object (the
 * old one may be another record's); drops it when none is left. @param {any} sync
 */
export function keepLifted(sync) {
  if (!sync.lifted) return;
  const lifted = Object.fromEntries(Object.entries(sync.lifted).filter(([f, m]) => m === sync.dirty[f]));
  if (Object.keys(lifted).length) sync.lifted = lifted;
  else delete sync.lifted;
}

/**
 * Whether a removal's tombstone ("gone:", with at: the mark of the removal) is newer than every edit of the
 * record stored beside it, so that the record is the leftover of a removal a stop cut short. A tombstone from an
 * older version (no at) loses: then the record may be a save after it, and a removal is repeated more easily
 * than a paper is found again.
 * @param {{at?: number}} tomb @param {any} stored the record, in any stored shape
 */
export function removalWins(tomb, stored) {
  if (!tomb || !Number.isSafeInteger(tomb.at)) return false;
  // The marks the record had when stored: upgrade() gives lifted fields a fresh mark, no edit of the user's.
  const dirty = isItemShape(stored) ? stored.sync.dirty : stored && stored.dirty;
  const marks = Object.values(dirty && typeof dirty === 'object' ? dirty : {}).filter(Number.isFinite);
  return marks.every((m) => m < tomb.at);
}

/** @param {SavedPaper} rec @returns {string[]} the fields edited here and not yet acknowledged */
export const dirtyFields = (rec) => Object.keys((rec.sync && rec.sync.dirty) || {});

/**
 * The item fields of a paper from a page, and the rest of it (meta).
 * @param {Partial<Paper>} paper
 * @returns {{fields: {title: string, authors: string[], abstract: string, url: string, pdf_url: string,
 *   published: string, venue: string},
 *   meta: import('./messages.js').PaperMeta}}
 */
export function splitPaper(paper) {
  const fields = /** @type {any} */ ({});
  const meta = {};
  for (const [k, v] of Object.entries(paper)) {
    if (k === 'id') continue; // the record's own
    if (LIFTED.includes(k) && v != null && !liftable(k, v)) meta[k] = v; // kept, not sent: the server would refuse it
    else if (k === 'venue') fields[k] = wireVenue(v) ?? '';
    else if (PAPER_FIELDS.includes(k)) fields[k] = v ?? EMPTY[k];
    else meta[k] = v;
  }
  for (const k of PAPER_FIELDS) if (fields[k] === undefined) fields[k] = EMPTY[k];
  return { fields, meta };
}

/**
 * A record's paper, as the page gave it: splitPaper's inverse (the item's paper fields with the page's metadata:
 * arxiv_id, doi). A published or venue only meta holds (one the server would refuse) is used when the item's is
 * empty. @param {SavedPaper} rec @returns {Paper}
 */
export const paperOf = (rec) => /** @type {Paper} */ ({ ...rec.meta, id: rec.id, title: rec.title,
  authors: rec.authors || [], abstract: rec.abstract, url: rec.url, pdf_url: rec.pdf_url,
  published: rec.published || (rec.meta && rec.meta.published) || '', venue: rec.venue || (rec.meta && rec.meta.venue) || '' });

/**
 * The record of a paper first seen on the server: the item as it came (fields this version does not know
 * included), the synced fields filled in, with no local edits.
 * @param {Item} item @returns {SavedPaper}
 */
export function fromItem(item) {
  const rec = /** @type {SavedPaper} */ ({ ...item, meta: {}, sync: { dirty: {} } });
  for (const name of NAMES) rec[name] = valueOf(item, name);
  return adoptDispute(rec, item);
}

/** Sets the fields of rec that have no local edit to the item's values. @returns {SavedPaper} rec */
export function adoptClean(rec, item) {
  const dirty = (rec.sync && rec.sync.dirty) || {};
  for (const name of NAMES) if (!dirty[name]) rec[name] = valueOf(item, name);
  if (item.updated_at) rec.updated_at = item.updated_at;
  return adoptDispute(rec, item);
}

/**
 * Keeps the item's dispute (another device's conflicting edit, waiting for its user's choice) on rec, or drops
 * rec's once the server has none. @returns {SavedPaper} rec
 */
function adoptDispute(rec, item) {
  const d = item.dispute;
  if (d && typeof d === 'object' && Array.isArray(d.fields) && d.fields.every((f) => NAMES.includes(f))) {
    rec.dispute = { fields: d.fields, values: d.values && typeof d.values === 'object' ? d.values : {}, at: String(d.at || '') };
  } else delete rec.dispute;
  return rec;
}

/** @param {any} rec @returns {boolean} whether a stored value has the item-and-meta shape (else upgrade() it) */
const isItemShape = (rec) => Boolean(rec && typeof rec === 'object' && rec.sync && typeof rec.sync === 'object'
  && !Array.isArray(rec.sync));

/** @param {any} rec @returns {boolean} whether a stored value has this shape, published and venue included (else upgrade() it) */
export const isCurrent = (rec) => isItemShape(rec) && LIFTED.every((n) => Object.hasOwn(rec, n));

/**
 * rec (item shape, not yet with published and venue) with them as wire fields: the values meta held move out of
 * it and are marked to push with a new mark (other fields' sync state untouched), so a device that saved a paper
 * before gives the other devices its date and venue; a value the server would refuse stays in meta.
 * @param {SavedPaper} rec @returns {SavedPaper} a new record
 */
function lift(rec) {
  const meta = { ...(rec.meta && typeof rec.meta === 'object' && !Array.isArray(rec.meta) ? rec.meta : {}) };
  const next = /** @type {SavedPaper} */ ({ ...rec, meta,
    sync: { ...rec.sync, dirty: { ...(rec.sync.dirty || {}) }, lifted: { ...(rec.sync.lifted || {}) } } });
  let mark = 0;
  for (const name of LIFTED) {
    if (Object.hasOwn(rec, name)) continue;
    const v = meta[name];
    next[name] = '';
    if (v === undefined || v === null || !liftable(name, v)) continue;
    next[name] = name === 'venue' ? wireVenue(v) : v;
    delete meta[name];
    if (next[name] !== '') next.sync.dirty[name] = next.sync.lifted[name] = mark ||= newMark();
  }
  if (!Object.keys(next.sync.lifted).length) delete next.sync.lifted;
  return next;
}

/** The fields of the record before this shape that upgrade() knows where to put. */
const OLD_FIELDS = new Set(['id', 'paper', 'tldr', 'keyphrases', 'tags', 'note', 'read', 'savedAt', 'version', 'dirty',
  'conflict', 'dispute', 'syncError']);
/** The top-level names of this shape. */
const NEW_FIELDS = new Set([...NAMES, 'id', 'updated_at', 'version', 'dispute', 'meta', 'sync', 'legacy']);

/**
 * A stored record in this shape, whatever shape it was stored in; one in this shape is returned as it is. Nothing
 * is dropped: every value of the old record is in the new one (a value of the wrong type stays as it was; an
 * absent field gets its empty value), the paper's other fields go to meta, fields upgrade() does not know stay
 * where they were (under legacy when their name is one of this shape's, or their value is not the object it was
 * meant to be), and the edit counters, conflict, dispute and refusal carry over, so pending edits still go out
 * and conflicts still wait for the user.
 * @param {any} old @returns {SavedPaper}
 */
export function upgrade(old) {
  if (isCurrent(old)) return old;
  if (isItemShape(old)) return lift(old);
  const paper = old.paper && typeof old.paper === 'object' && !Array.isArray(old.paper) ? old.paper : {};
  const { fields, meta } = splitPaper(paper);
  if (paper.id !== undefined && paper.id !== old.id) meta.id = paper.id;
  const rec = /** @type {SavedPaper} */ ({
    id: old.id,
    ...fields,
    tldr: old.tldr ?? '',
    keyphrases: old.keyphrases ?? [],
    tags: old.tags ?? [],
    note: old.note ?? '',
    read: old.read ?? false,
    saved_at: old.savedAt ?? '',
    version: old.version ?? 0,
  });
  if (old.dispute !== undefined) rec.dispute = old.dispute;
  rec.meta = meta;
  const dirty = old.dirty && typeof old.dirty === 'object' && !Array.isArray(old.dirty);
  rec.sync = { dirty: dirty ? { ...old.dirty } : {} };
  const mark = LIFTED.some((n) => rec[n]) ? newMark() : 0;
  for (const name of LIFTED) if (rec[name]) rec.sync.dirty[name] = mark;
  if (mark) rec.sync.lifted = Object.fromEntries(LIFTED.filter((n) => rec[n]).map((n) => [n, mark]));
  if (old.conflict !== undefined) rec.sync.conflict = old.conflict;
  if (old.syncError !== undefined) rec.sync.error = old.syncError;
  const legacy = {};
  if (old.paper !== undefined && old.paper !== paper) legacy.paper = old.paper;
  if (old.dirty !== undefined && !dirty) legacy.dirty = old.dirty;
  for (const [k, v] of Object.entries(old)) {
    if (OLD_FIELDS.has(k)) continue;
    if (NEW_FIELDS.has(k)) legacy[k] = v;
    else rec[k] = v;
  }
  if (Object.keys(legacy).length) rec.legacy = legacy;
  return rec;
}
