// Text typed in the popup that the library refused (a tag over 64 characters, a note over the limit, a full disk),
// kept with why under REFUSED_KEY: the popup shows it in its field with the reason, since it may have closed before
// the refusal came. This module is the one writer of that key. An entry goes when the field saves (typed-edits.js),
// or when its paper is no longer saved (library.js, sync.js).
// Every function here runs inside library.exclusive (the callers'), with the library writes it follows.
import { errorInfo, REFUSED_KEY } from '../lib/messages.js';
import { keyOf } from '../lib/saved.js';
import { upgrade, valueOf } from '../lib/record.js';

/** @typedef {import('../lib/messages.js').KeptTyped} KeptTyped */

/** How many refused texts are kept, the latest: the rest are of papers long removed. */
const MAX_KEPT = 50;

/** @param {string} field @param {string} id */
const keyIn = (field, id) => `${field}\n${id}`;

/**
 * Keeps a field's typed text with why it was refused, or (err null: it was saved) forgets what was kept of that
 * field. Text refused for a paper not saved (removed before its apply) is not kept: a save of the paper later would
 * show it.
 * @param {{id: string, field: string, patch: {tags?: string[], note?: string}}} m @param {unknown} err
 */
export async function keep(m, err) {
  const key = keyIn(m.field, m.id);
  // The paper's record only for a refusal: a saved edit (every typed apply but a refused one) needs just the key.
  const { [REFUSED_KEY]: kept = {}, [keyOf(m.id)]: saved } = await chrome.storage.local.get(err ? [REFUSED_KEY, keyOf(m.id)] : REFUSED_KEY);
  const refused = Boolean(err && saved);
  if (!refused && !Object.hasOwn(kept, key)) return;
  const before = kept[key];
  delete kept[key]; // the latest last
  if (refused) {
    // The field's value when the text was first refused: the popup says so once a synced value has replaced it.
    const base = before && Object.hasOwn(before, 'base') ? before.base : valueOf(upgrade(saved), m.field);
    kept[key] = { id: m.id, field: m.field, patch: m.patch, error: errorInfo(err), at: new Date().toISOString(), base };
    console.warn('papergist: typed text refused, kept for the popup', err);
  }
  await chrome.storage.local.set({ [REFUSED_KEY]: Object.fromEntries(Object.entries(kept).slice(-MAX_KEPT)) });
}

/**
 * The value of the field that kept text of it was first refused over (undefined: none kept, or kept by an older
 * version without it). A failed read is logged and gives undefined: the edit is applied as typed.
 * @param {{id: string, field: string}} m
 */
export async function baseOf(m) {
  try {
    const { [REFUSED_KEY]: kept } = await chrome.storage.local.get(REFUSED_KEY);
    const e = kept && kept[keyIn(m.field, m.id)];
    return e && Object.hasOwn(e, 'base') ? e.base : undefined;
  } catch (err) {
    console.warn('papergist: reading refused typed text', err);
    return undefined;
  }
}

/**
 * Forgets what is kept of the named fields of papers (all their fields when fields is absent). A failure is only logged: the write it follows
 * is done.
 * @param {{id: string, fields?: string[]}[]} which
 */
export async function forget(which) {
  if (!which.length) return;
  try {
    const { [REFUSED_KEY]: kept } = await chrome.storage.local.get(REFUSED_KEY);
    if (!kept) return;
    const gone = (/** @type {KeptTyped} */ e) => Boolean(e) && which.some((w) => w.id === e.id && (!w.fields || w.fields.includes(e.field)));
    const left = Object.fromEntries(Object.entries(kept).filter(([, e]) => !gone(e)));
    if (Object.keys(left).length < Object.keys(kept).length) {
      await chrome.storage.local.set({ [REFUSED_KEY]: left });
      console.info('papergist: refused typed text forgotten', Object.keys(kept).filter((k) => !Object.hasOwn(left, k)));
    }
  } catch (err) {
    console.warn('papergist: forgetting refused typed text', err);
  }
}

/** Forgets what is kept of papers no longer saved. @param {string[]} ids */
export function forgetPapers(ids) {
  return forget(ids.map((id) => ({ id })));
}
