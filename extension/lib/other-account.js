// Papers of another account. The sync engine keeps which account the local versions belong to (sync:state's
// account, kept after sign-out); a paper with a version from it, or kept in this browser from an account before
// (sync.local), is that account's, not one saved while signed out. Signing in to another account asks first
// whether to add them to it or keep them only in this browser; signing in to the same one again asks nothing.

/** Which library the local versions refer to: the same user on the same server keeps them across sign-ins. */
export const libraryOf = (a) => `${a.server}|${String(a.email).trim().toLowerCase()}`;

/** The storage key of the choice made at sign-in: {library, keep}, read by the first round's rebase. */
export const SWITCH_KEY = 'sync:switch';

/**
 * What signing in to server + email asks first, from the whole of chrome.storage.local.
 * @param {Record<string, any>} all @param {string} server an origin @param {string} email
 * @returns {{from: string, accounts: number, count: number}|null} the papers of other accounts than that one (from:
 *   their accounts' emails, sorted, with the server where it differs from server; accounts: how many); null when there is nothing to ask
 */
export function otherAccountPapers(all, server, email) {
  const st = all['sync:state'];
  const last = st && typeof st.account === 'string' ? st.account : '';
  const target = libraryOf({ server, email });
  // The account synced last again: its choice was made at its sign-in (kept papers stay kept), and nothing changes.
  if (target === last) return null;
  const owners = Object.entries(all).filter(([k]) => k.startsWith('paper:')).map(([, v]) => ownerOf(v, last))
    .filter((o) => o && o !== target);
  if (!owners.length) return null;
  const name = (o) => {
    const cut = o.indexOf('|');
    return o.slice(0, cut) === server ? o.slice(cut + 1) : `${o.slice(cut + 1)} on ${o.slice(0, cut)}`;
  };
  const names = [...new Set(owners)].map(name).sort();
  return { from: names.join(', '), accounts: names.length, count: owners.length };
}

/**
 * @param {any} rec a stored record @param {string} last the library synced last (sync:state's account)
 * @returns {string} the library (server|email) the paper belongs to: kept here from it, or synced with the last
 *   one; '' for a paper saved while signed out
 */
export function ownerOf(rec, last) {
  if (!rec || typeof rec !== 'object') return '';
  if (rec.sync && typeof rec.sync.local === 'string' && rec.sync.local) return rec.sync.local;
  return Number(rec.version) > 0 && last.includes('|') ? last : '';
}
