// What the popup says under a field whose typed text the library refused and kept (background/typed-refused.js).
import { sentenceOf } from '../lib/messages.js';
import { same, valueOf } from '../lib/record.js';

/** @typedef {import('../lib/messages.js').KeptTyped} KeptTyped */
/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */

/**
 * "Not saved: <why>", and, when the library's value of that field is no longer the one it had when the text was
 * refused (another device's value synced in since), that too: the text shown is still only what was typed here,
 * and saving it raises a conflict: the user keeps this text or the other device's value (library.update's base).
 * @param {KeptTyped} kept @param {SavedPaper|undefined} rec the paper as the library has it now
 */
export function notSavedLine(kept, rec) {
  const why = `Not saved: ${sentenceOf(kept.error)}`;
  if (!rec || !Object.hasOwn(kept, 'base') || same(kept.field, kept.base, valueOf(rec, kept.field))) return why;
  return `${why} — ${kept.field === 'tags' ? 'the tags have' : 'the note has'} changed on another device since; saving will ask which to keep.`;
}
