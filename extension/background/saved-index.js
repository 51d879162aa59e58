// The IDs of the saved papers, read from storage once per worker life and kept in step with it, so that
// a page's analysis can say which of its papers are saved without another storage round trip.
import * as saved from '../lib/saved.js';

/** @type {Promise<Set<string>>|null} */
let ids = null;

/** @returns {Promise<Set<string>>} */
export function savedIds() {
  ids ??= saved.savedIdList().then((all) => new Set(all));
  return ids;
}

saved.onChange(async (id, isSaved) => {
  const set = await savedIds();
  if (isSaved) set.add(id);
  else set.delete(id);
});
