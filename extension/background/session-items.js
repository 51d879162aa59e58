// The chrome.storage.session items under one key prefix, without reading the others (the early answers of
// recent-pages.js are large): through their keys where the browser lists them (lib/storage-keys.js), else all items.
import { storedKeys } from '../lib/storage-keys.js';

/**
 * @param {string} prefix @returns {Promise<Record<string, any>>}
 */
export async function sessionItems(prefix) {
  const area = chrome.storage.session;
  const stored = await storedKeys(area);
  if (!stored) return Object.fromEntries(Object.entries(await area.get(null)).filter(([k]) => k.startsWith(prefix)));
  const keys = stored.filter((k) => k.startsWith(prefix));
  return keys.length ? area.get(keys) : {};
}
