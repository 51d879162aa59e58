// The saved papers by the PDF they were saved from (pdf_url), for the badge of a PDF tab whose URL names no saved
// paper: read a chunk at a time once per worker life, then kept in step with storage, so that opening PDF after
// PDF of papers not saved (the usual case) reads the library once, not once per tab. A worker signed in stays up
// (the live sync's long poll), so a large library is read about once per browser session.
import * as saved from '../lib/saved.js';
import { idOfKey } from '../lib/saved.js';

/** The papers read at a time (see saved.listInChunks). */
const CHUNK = 500;

/** @type {Map<string, string>|null} pdf_url → the ID of a paper saved from it, once read */
let index = null;
/** @type {Promise<Map<string, string>>|null} the read under way */
let reading = null;
/** @type {[string, chrome.storage.StorageChange][]} the papers' changes during that read, applied at its end */
let missed = [];

/** @returns {Promise<string|null>} the ID of a saved paper whose PDF is url, or null */
export async function savedFromPDF(url) {
  if (!url) return null;
  const map = index || (await (reading ??= read()));
  return map.get(url) ?? null;
}

async function read() {
  missed = [];
  try {
    /** @type {Map<string, string>} */
    const map = new Map();
    for await (const chunk of saved.listInChunks(CHUNK)) {
      for (const s of chunk) if (s.pdf_url) map.set(s.pdf_url, s.id);
    }
    apply(map, missed); // a chunk read before a change has what it changed; one read after, what it made
    index = map;
    return map;
  } finally {
    reading = null; // failed: the next tab reads again
    missed = [];
  }
}

/**
 * Sets or drops each changed paper's entry by the value it has now, so that applying a change the read saw
 * already is harmless. @param {Map<string, string>} map @param {[string, chrome.storage.StorageChange][]} changes
 */
function apply(map, changes) {
  for (const [key, { oldValue, newValue }] of changes) {
    const id = /** @type {string} */ (idOfKey(key));
    if (oldValue && oldValue.pdf_url && map.get(oldValue.pdf_url) === id) map.delete(oldValue.pdf_url);
    if (newValue && newValue.pdf_url) map.set(newValue.pdf_url, id);
  }
}

/** Keeps the index in step with chrome.storage.local. @param {Record<string, chrome.storage.StorageChange>} changes @param {string} area */
function storageChanged(changes, area) {
  if (area !== 'local' || (!index && !reading)) return;
  const papers = Object.entries(changes).filter(([key]) => idOfKey(key) !== null);
  if (index) apply(index, papers);
  else missed.push(...papers);
}

chrome.storage.onChanged.addListener(storageChanged);

/** Forgets the index (the tests start each case afresh). */
export function reset() {
  index = null;
  reading = null;
  missed = [];
}
