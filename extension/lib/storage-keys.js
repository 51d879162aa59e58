// The keys of a chrome.storage area without its values, where the browser can list them (getKeys: Chrome 130,
// Firefox 143): large values (the library, the early answers) need not be read to find a few keys.

/**
 * @param {chrome.storage.StorageArea} area
 * @returns {Promise<string[]|null>} the area's keys, or null where the browser cannot list keys alone
 */
export async function storedKeys(area) {
  const a = /** @type {chrome.storage.StorageArea & {getKeys?: () => Promise<string[]>}} */ (area);
  return typeof a.getKeys === 'function' ? a.getKeys() : null;
}
