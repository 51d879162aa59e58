// The sync status line in the popup's header: what chrome.storage.local "sync:status" (STATUS_KEY, written by
// the background's sync engine) says, in a few words, with the number of conflicts waiting for a choice.
// No status at all means the extension was never signed in.
//
// "Synced" is a claim with a date: everything pushed, and the library known current within the last minute
// (a round, or the server's answer to the long poll, sync:checked). Older than that, the line says when it last
// checked instead; and a paper waiting for the user's choice is never "synced".

/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */
import { NETWORK_SIGN_IN, NETWORK_LOGIN, SERVER_UNAVAILABLE, GATEWAY_PAGE } from '../lib/messages.js';

// The browser's locale, as the rest of the popup (toLocaleString).
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayOfYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/**
 * When, in the popup's few words, by the calendar days of the browser's time zone: today's time, "yesterday", a
 * day this year, or a day with its year ("on 7 Dec" of last year read as this year's).
 * @param {string|undefined} iso @param {Date} now
 * @returns {string} " at 14:03", " yesterday", " on 12 Nov", " on 12 Nov 2025", or ""
 */
export function when(iso, now) {
  const t = iso ? new Date(iso) : null;
  if (!t || Number.isNaN(t.getTime())) return '';
  if (t.toDateString() === now.toDateString()) return ` at ${clock.format(t)}`;
  const before = new Date(now);
  before.setDate(before.getDate() - 1);
  if (t.toDateString() === before.toDateString()) return ` ${relative.format(-1, 'day')}`;
  return ` on ${(t.getFullYear() === now.getFullYear() ? day : dayOfYear).format(t)}`;
}

/** How recently the library must have been known current for "Synced", in ms. */
export const FRESH_MS = 60_000;

/** @param {(string|undefined)[]} isos @returns {string|undefined} the latest valid one */
const latest = (isos) => isos.filter((t) => t && !Number.isNaN(Date.parse(t))).sort((a, b) => Date.parse(b) - Date.parse(a))[0];

/**
 * @param {SyncStatus|undefined} status @param {Date} [now]
 * @param {{checked?: string, conflicts?: number}} [more] checked: when the background last knew the library
 *   current (sync:checked); conflicts: papers waiting for a choice (default status.conflicts)
 * @returns {{state: string, text: string, signIn: boolean}} signIn: follow the text with a link to the options page;
 *   state is the status's, or 'conflict' / 'stale' for a "synced" that is not quite
 */
export function describe(status, now = new Date(), { checked, conflicts } = {}) {
  if (!status || status.state === 'signed-out') return { state: 'signed-out', text: 'Signed out — ', signIn: true };
  const n = status.pending || 0;
  const shown = conflicts ?? status.conflicts ?? 0;
  if (status.state === 'synced') {
    const last = latest([status.lastSynced, checked]) || status.at;
    if (shown > 0) return { state: 'conflict', text: `Not synced: waiting for your choice —`, signIn: false };
    if (status.disputes > 0) return { state: 'conflict', text: 'Not synced: another device is choosing between its edit and this one', signIn: false };
    if (!(now.getTime() - Date.parse(last) <= FRESH_MS)) return { state: 'stale', text: `Last checked${when(last, now) || ' a while ago'}`, signIn: false };
    return { state: 'synced', text: `Synced${when(last, now)}`, signIn: false };
  }
  // A retry round behind a login page keeps its code (sync.js): the line stays as it was rather than flicker.
  if (status.state === 'syncing' && behindLogin(status)) return describe({ ...status, state: 'offline' }, now, { checked, conflicts });
  const trouble = troubleOf(status);
  const text = {
    syncing: 'Syncing…',
    synced: `Synced${when(status.lastSynced || status.at, now)}`,
    pending: `Pending ${n}`,
    // The server's trouble takes the room of the last sync, which would wrap the line (it is in the tooltip).
    offline: behindLogin(status) ? 'Offline — sign in to the network'
      : offlineText(trouble || 'Offline', n, refusedOf(status), trouble || shown > 0 ? '' : when(lastSync(status, checked), now)),
    error: `Sync error: ${status.error || 'unknown'}`,
  }[status.state] ?? `Sync: ${status.state}`;
  return { state: status.state, text, signIn: false };
}

/**
 * When the library was last known in sync: its last round that ended well, or a later answer of the long poll
 * (sync:checked), which the line said "Synced at" for a minute before. Offline said the last round's time instead,
 * older by as long as the library had not changed. Only once this library has synced (lastSynced): sync:checked
 * may still be another account's.
 * @param {SyncStatus} status @param {string} [checked] @returns {string|undefined}
 */
const lastSync = (status, checked) => (status.lastSynced ? latest([status.lastSynced, checked]) : undefined);

/**
 * Whether an offline status is a network login page in the way: its code (account.networkInTheWay), kept through
 * the status's rewrites, not its words. @param {SyncStatus} status
 */
export const behindLogin = (status) => status.code === NETWORK_LOGIN;

/** @param {SyncStatus} status @returns {number} papers the server refused, waiting for the user's fix */
const refusedOf = (status) => countOf(status.refused);

/** v when it is a count above 0, else 0. @param {unknown} v @returns {number} */
const countOf = (v) => (Number.isSafeInteger(v) && /** @type {number} */ (v) > 0 ? /** @type {number} */ (v) : 0);

/**
 * What an offline status's answer says, when one came: the server's own 503 ("Server error": its storage busy, or
 * the server misconfigured, which waiting does not fix; the options page's "Why:" says which), or a proxy's or
 * gateway's 502-504 page, which may also be the user's own proxy or a network login page ("Can't reach the server").
 * '' when nothing answered.
 * @param {SyncStatus} status
 */
const troubleOf = (status) => ({ [SERVER_UNAVAILABLE]: SERVER_ERROR, [GATEWAY_PAGE]: 'Can\'t reach the server' })[status.code || ''] || '';

/** The server's own 503, and the longest lead that leaves room for the count kept beside papers refused. */
const SERVER_ERROR = 'Server error';
const SHORT_LEAD = SERVER_ERROR.length;

/**
 * Offline in one popup line: the changes waiting are kept on this device, the papers the server refused, and when
 * the last sync was. What happens next is the line's tooltip (offlineHint): the whole would wrap. Beside the
 * conflicts counter, or after papers refused, the last sync is left out (to the tooltip), as the line would wrap.
 * @param {string} what 'Offline', or what the answer said (troubleOf)
 * @param {number} n changes waiting (0 also before the first round has counted them) @param {number} refused
 * @param {string} at when()'s
 */
function offlineText(what, n, refused, at) {
  const kept = n > 0 ? `${n === 1 ? '1 change' : `${n} changes`} kept` : '';
  // Beside papers refused, the longest lead leaves the count kept to the tooltip ("99 changes stay on this device").
  if (refused) return `${what} — ${kept && what.length <= SHORT_LEAD ? `${kept}; ` : ''}${refused} refused`;
  const last = at ? `last sync${at}` : '';
  if (kept && last) return `${what} — ${kept}; ${last}`;
  return kept || last ? `${what} — ${kept || last}` : `${what} — changes are kept here`;
}

/**
 * The offline line's tooltip: what happens next, and what the user has to do. "Nothing to do" only when the
 * connection alone is in the way: a network login page waits for the user to sign in, conflicts for a choice, and
 * papers the server refused for a fix or a removal (or, their removal refused, come back: refusedHint).
 * @param {SyncStatus} status @param {number} conflicts shown beside the line @param {Date} [now]
 * @param {string} [checked] when the library was last known current (sync:checked)
 * @param {{place?: string}} [opts] place: where the list and the choice are, for a page other than the popup
 *   ("the toolbar popup"), whose own list is not the papers'
 */
export function offlineHint(status, conflicts, now = new Date(), checked = undefined, { place = '' } = {}) {
  const n = status.pending || 0;
  const kept = n > 0 ? `${n === 1 ? '1 change stays' : `${n} changes stay`} on this device` : 'Changes stay on this device';
  const waits = [
    conflicts > 0 ? ` ${conflictsText(conflicts)} ${conflicts === 1 ? 'waits' : 'wait'} for your choice${place ? ` in ${place}` : ''}: ` +
      `${conflicts === 1 ? 'it goes' : 'they go'} out only once you choose.` : '',
    refusedHint(status, place),
  ].join('');
  if (behindLogin(status)) return `A network login page is in the way: ${NETWORK_SIGN_IN}. ${kept} until then.${waits}`;
  const sent = `${kept} and papergist sends ${n === 1 ? 'it' : 'them'} on its own once the server answers`;
  // The last sync, where the line has no room for it: beside the conflicts or refused papers, or the server's trouble.
  const at = when(lastSync(status, checked), now);
  const last = at ? ` Last sync${at}.` : '';
  if (!waits) return `${sent}: nothing to do.${troubleOf(status) ? last : ''}`;
  return `${sent}.${waits}${last}`;
}

/** "1 paper", "2 papers". @param {number} n @param {string} one @param {string} [many] */
export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** @param {number} n */
const refusedText = (n) => plural(n, 'paper');

/**
 * What the user can do about the papers the server refused, and only that: the popup edits a paper's note, tags and
 * read state, so a refusal of its ID, title or URL is fixed only by removing it (saved again from its page, it is
 * sent anew); a paper whose removal was refused is not in the list at all, and is still on the server: saved again
 * here, it is kept. Nothing more is promised: its look-up (sync.js, bringBackRefused) may be put off for up to an
 * hour, or never made again, and a paper the server no longer has is simply removed (then no longer counted).
 * @param {SyncStatus} status @param {string} [place] where the list is, when not in the popup (offlineHint)
 * @returns {string} "" when none
 */
function refusedHint(status, place = '') {
  const refused = refusedOf(status);
  if (!refused) return '';
  const removals = Math.min(refused, countOf(status.refusedRemovals));
  const edits = refused - removals;
  const one = edits === 1;
  return (edits ? ` ${refusedText(edits)} the server refused ${one ? 'is' : 'are'} marked "Not synced" in ${place ? `${place}'s` : 'the'} list, ` +
      `with why: remove ${one ? 'it' : 'them'}, or edit ${one ? 'its' : 'their'} note or tags if that is why.` : '') +
    (removals ? ` ${refusedText(removals)} whose removal the server refused ${removals === 1 ? 'is' : 'are'} removed here ` +
      `only, still saved on the server and your other devices: save ${removals === 1 ? 'it' : 'them'} again here to keep ` +
      `${removals === 1 ? 'it' : 'them'}.` : '') +
    (status.refusedWhy ? ` The first refused: ${status.refusedWhy}.` : '');
}

/** @param {number} n */
export const conflictsText = (n) => plural(n, 'conflict');

/**
 * Shows status in the status element (data-sync-state carries the state for tests and styles).
 * @param {{line: HTMLElement, text: HTMLElement, signIn: HTMLElement, conflicts: HTMLElement, syncNow: HTMLButtonElement}} els
 * @param {SyncStatus|undefined} status @param {number} conflicts papers with a conflict on this device
 * @param {string} [checked] when the library was last known current (sync:checked)
 */
export function showStatus(els, status, conflicts, checked) {
  const d = describe(status, new Date(), { checked, conflicts });
  els.line.dataset.syncState = d.state;
  const asOf = status && status.at ? `as of ${new Date(status.at).toLocaleString()}` : '';
  els.line.title = d.state === 'offline' ? `${offlineHint(status, conflicts, new Date(), checked)}${asOf ? ` (${asOf})` : ''}` : asOf;
  els.text.textContent = d.text;
  els.signIn.hidden = !d.signIn;
  els.conflicts.hidden = conflicts === 0;
  els.conflicts.textContent = conflictsText(conflicts);
  els.syncNow.hidden = d.signIn;
}
