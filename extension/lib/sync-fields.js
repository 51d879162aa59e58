// The fields of a saved paper that sync, and how each maps between a local SavedPaper and the server's item
// (shared/syncproto.Item, named by their wire names). An edit marks the fields it changed dirty in the same
// storage write as the edit itself, so a service-worker stop can never lose the fact that something is to push.

/** @typedef {import('./messages.js').SavedPaper} SavedPaper */
/** @typedef {import('./messages.js').Item} Item */

const LISTS = new Set(['authors', 'keyphrases', 'tags']);

/** wire name → [read it from a SavedPaper, write it into one] */
const FIELDS = Object.freeze({
  title: [(r) => r.paper.title || '', (r, v) => { r.paper.title = v; }],
  authors: [(r) => r.paper.authors || [], (r, v) => { r.paper.authors = v; }],
  abstract: [(r) => r.paper.abstract || '', (r, v) => { r.paper.abstract = v; }],
  url: [(r) => r.paper.url || '', (r, v) => { r.paper.url = v; }],
  pdf_url: [(r) => r.paper.pdf_url || '', (r, v) => { r.paper.pdf_url = v; }],
  tldr: [(r) => r.tldr || '', (r, v) => { r.tldr = v; }],
  keyphrases: [(r) => r.keyphrases || [], (r, v) => { r.keyphrases = v; }],
  tags: [(r) => r.tags || [], (r, v) => { r.tags = v; }],
  note: [(r) => r.note || '', (r, v) => { r.note = v; }],
  read: [(r) => Boolean(r.read), (r, v) => { r.read = Boolean(v); }],
  saved_at: [(r) => r.savedAt, (r, v) => { r.savedAt = v; }],
});

/** The wire names of the synced fields. */
export const NAMES = Object.freeze(Object.keys(FIELDS));

/** The fields a user edits; the others come from the page the paper was saved from. */
export const USER_FIELDS = Object.freeze(['tags', 'note', 'read']);

/** @param {SavedPaper} rec @param {string} name @returns {any} the field's value in a local record */
export const get = (rec, name) => FIELDS[name][0](rec);

/** @param {SavedPaper} rec @param {string} name @param {any} value */
export const set = (rec, name, value) => FIELDS[name][1](rec, value);

/** @param {Item} item @param {string} name @returns {any} the field's value in a server item */
export function itemValue(item, name) {
  const v = item[name];
  if (LISTS.has(name)) return Array.isArray(v) ? v : [];
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
 * Marks the fields of next that differ from prev (every field when prev is absent) dirty, bumping each one's
 * edit counter: a push acknowledges a field only if it was not edited again while the push was in flight.
 * @param {SavedPaper|undefined} prev @param {SavedPaper} next @returns {SavedPaper} next
 */
export function markDirty(prev, next) {
  const dirty = { ...((prev && prev.dirty) || {}) };
  for (const name of NAMES) {
    if (!prev || !same(name, get(prev, name), get(next, name))) dirty[name] = (dirty[name] || 0) + 1;
  }
  next.dirty = dirty;
  return next;
}

/** @param {SavedPaper} rec @returns {string[]} the fields edited here and not yet acknowledged */
export const dirtyFields = (rec) => Object.keys(rec.dirty || {});

/** @param {Item} item @returns {SavedPaper} a local record of a paper first seen on the server */
export function fromItem(item) {
  /** @type {SavedPaper} */
  const rec = {
    id: item.id,
    paper: { id: item.id, title: '', authors: [], url: '', locator: {} },
    tldr: '', keyphrases: [], tags: [], note: '', read: false, savedAt: item.saved_at,
    version: item.version, dirty: {},
  };
  for (const name of NAMES) set(rec, name, itemValue(item, name));
  return adoptDispute(rec, item);
}

/** Sets the fields of rec that have no local edit to the item's values. @returns {SavedPaper} rec */
export function adoptClean(rec, item) {
  for (const name of NAMES) if (!rec.dirty || !rec.dirty[name]) set(rec, name, itemValue(item, name));
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
