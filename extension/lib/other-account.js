// Papers of another account. The sync engine keeps which account the local versions belong to (sync:state's
// account, kept after sign-out); a paper with a version from it is that account's, not one saved while signed
// out. Signing in to another account uploads them only with the user's consent; the same account asks nothing.

/**
 * An email as the server keeps it: trimmed and lowercased one code point at a time, as Go's strings.ToLower does
 * (JS's whole-string toLowerCase turns 'İ' into two code points and a final 'Σ' into 'ς', Go does neither).
 * @param {unknown} email @returns {string}
 */
export const foldEmail = (email) => [...String(email).trim()].map((c) => [...c.toLowerCase()][0]).join('');

/** Which library the local versions refer to: the same user on the same server keeps them across sign-ins. */
export const libraryOf = (a) => `${a.server}|${foldEmail(a.email)}`;

/**
 * What signing in to server + email needs consent for, from the whole of chrome.storage.local.
 * @param {Record<string, any>} all @param {string} server an origin @param {string} email
 * @returns {{from: string, count: number}|null} the papers synced with another account than that one (from: its
 *   email, with its server where it differs from server); null when there is nothing to ask
 */
export function otherAccountPapers(all, server, email) {
  const st = all['sync:state'];
  const last = st && typeof st.account === 'string' ? st.account : '';
  // The account synced last again (compared as the server folds emails, also on what it returned then).
  if (!last.includes('|') || libraryOf({ server, email }) === refold(last)) return null;
  const count = Object.entries(all).filter(([k, v]) => k.startsWith('paper:') && ownerOf(v, last)).length;
  if (!count) return null;
  const cut = last.indexOf('|');
  const from = last.slice(0, cut) === server ? last.slice(cut + 1) : `${last.slice(cut + 1)} on ${last.slice(0, cut)}`;
  return { from, count };
}

/** @param {string} lib server|email as stored @returns {string} the same with the email folded */
const refold = (lib) => {
  const cut = lib.indexOf('|');
  return libraryOf({ server: lib.slice(0, cut), email: lib.slice(cut + 1) });
};

/**
 * @param {any} rec a stored record @param {string} last the library synced last (sync:state's account)
 * @returns {string} the library (server|email) the paper is synced with, '' for a paper saved while signed out
 */
export function ownerOf(rec, last) {
  if (!rec || typeof rec !== 'object') return '';
  return Number(rec.version) > 0 && last.includes('|') ? last : '';
}
