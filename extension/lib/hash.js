/**
 * FNV-1a over UTF-16 code units, in base 36: a cheap cache key. A collision costs at worst a stale
 * summary or extraction of the same URL or paper, never another paper's data.
 * @param {string} s
 */
export function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
