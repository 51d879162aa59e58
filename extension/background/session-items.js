// The chrome.storage.session items under one key prefix, without reading the others (the early answers of
// recent-pages.js are large): through getKeys where the browser has it (Chrome 130, Firefox 143), else all items.

/**
 * @param {string} prefix @returns {Promise<Record<string, any>>}
 */
export async function sessionItems(prefix) {
  const area = /** @type {chrome.storage.StorageArea & {getKeys?: () => Promise<string[]>}} */ (chrome.storage.session);
  if (typeof area.getKeys !== 'function') {
    return Object.fromEntries(Object.entries(await area.get(null)).filter(([k]) => k.startsWith(prefix)));
  }
  const keys = (await area.getKeys()).filter((k) => k.startsWith(prefix));
  return keys.length ? area.get(keys) : {};
}
