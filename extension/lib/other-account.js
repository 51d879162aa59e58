// Papers of another account. The sync engine keeps which account the local versions belong to (sync:state's
// account, kept after sign-out); a paper with a version from it is that account's, not one saved while signed
// out. A paper saved or edited while signed in but never uploaded (offline, a failed push) has no version: the
// engine stamps it with the account's library when the session ends (sync.owner, background/sync.js
// claimUnpushed), so it is that account's too. Signing in to another account uploads them only with the user's
// consent; the same account asks nothing.

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
 * @returns {{from: string, count: number, unsent: number}|null} the papers of another account than that one (from:
 *   its email, with its server where it differs from server; several accounts joined by "and"; unsent: how many of
 *   them were saved or edited while signed in to it and never uploaded, so not "synced with" it); null when there
 *   is nothing to ask
 */
export function otherAccountPapers(all, server, email) {
  const st = all['sync:state'];
  const last = st && typeof st.account === 'string' ? st.account : '';
  const target = libraryOf({ server, email });
  /** @type {Map<string, string>} an owner as stored → as the server folds it */
  const folded = new Map();
  let count = 0;
  let unsent = 0;
  const from = new Set();
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith('paper:')) continue;
    const owner = ownerOf(v, last);
    if (!owner) continue;
    if (!folded.has(owner)) folded.set(owner, refold(owner));
    // The same account again (compared as the server folds emails, also on what it returned then): its own.
    if (folded.get(owner) === target) continue;
    count++;
    if (!(Number(v.version) > 0)) unsent++;
    from.add(owner);
  }
  if (!count) return null;
  const name = (lib) => {
    const cut = lib.indexOf('|');
    return lib.slice(0, cut) === server ? lib.slice(cut + 1) : `${lib.slice(cut + 1)} on ${lib.slice(0, cut)}`;
  };
  return { from: [...from].sort().map(name).join(' and '), count, unsent };
}

/** @param {string} lib server|email as stored @returns {string} the same with the email folded */
const refold = (lib) => {
  const cut = lib.indexOf('|');
  return libraryOf({ server: lib.slice(0, cut), email: lib.slice(cut + 1) });
};

/**
 * @param {any} rec a stored record @param {string} last the library synced last (sync:state's account)
 * @returns {string} the library (server|email) the paper belongs to: the last one for a paper with a version from
 *   it, else the one its stamp names (saved or edited while signed in to it, never uploaded); '' for a paper saved
 *   while signed out
 */
export function ownerOf(rec, last) {
  if (!rec || typeof rec !== 'object') return '';
  // A version is the last library's, whatever a stamp says (a paper brought back by Undo, then uploaded).
  if (Number(rec.version) > 0) return last.includes('|') ? last : '';
  const owner = rec.sync && typeof rec.sync === 'object' ? rec.sync.owner : undefined;
  return typeof owner === 'string' && owner.includes('|') ? owner : '';
}

/**
 * The options page's words for otherAccountPapers' answer: "2 papers synced with work@…", or, when some were saved
 * or edited while signed in to that account and never uploaded (offline, a failed push), "3 papers of work@… (1 of
 * them not uploaded to it yet)": not "synced". Several accounts ("a@… and c@…", which should not happen): "to its
 * account", as "it" would name neither.
 * @param {{from: string, count: number, unsent: number}} o @returns {string}
 */
export function heldText(o) {
  const papers = o.count === 1 ? 'a paper' : `${o.count} papers`;
  if (!o.unsent) return `${papers} synced with ${o.from}`;
  const to = / and /.test(o.from) ? 'to its account' : 'to it';
  return `${papers} of ${o.from} (${o.unsent === o.count ? '' : `${o.unsent} of them `}not uploaded ${to} yet)`;
}
