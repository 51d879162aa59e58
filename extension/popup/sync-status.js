// The sync status line in the popup's header: what chrome.storage.local "sync:status" (STATUS_KEY, written by
// the background's sync engine) says, in a few words, with the number of conflicts waiting for a choice.
// No status at all means the extension was never signed in.
//
// "Synced" is a claim with a date: everything pushed, and the library known current within the last minute
// (a round, or the server's answer to the long poll, sync:checked). Older than that, the line says when it last
// checked instead; and a paper waiting for the user's choice is never "synced".

/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */
import { NETWORK_SIGN_IN } from '../lib/messages.js';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** @param {string|undefined} iso @param {Date} now @returns {string} " at 14:03", " on 12 Nov", or "" */
function when(iso, now) {
  const t = iso ? new Date(iso) : null;
  if (!t || Number.isNaN(t.getTime())) return '';
  return t.toDateString() === now.toDateString() ? ` at ${clock.format(t)}` : ` on ${day.format(t)}`;
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
  const text = {
    syncing: 'Syncing…',
    synced: `Synced${when(status.lastSynced || status.at, now)}`,
    pending: `Pending ${n}`,
    offline: behindLogin(status) ? 'Offline — sign in to the network' : offlineText(n, shown > 0 ? '' : when(status.lastSynced, now)),
    error: `Sync error: ${status.error || 'unknown'}`,
  }[status.state] ?? `Sync: ${status.state}`;
  return { state: status.state, text, signIn: false };
}

/** Whether an offline status is a network login page in the way (account.networkInTheWay). @param {SyncStatus} status */
const behindLogin = (status) => typeof status.error === 'string' && status.error.includes(NETWORK_SIGN_IN);

/**
 * Offline in one popup line: the changes waiting are kept on this device, and when the last sync was. What happens
 * next is the line's tooltip (offlineHint): the whole would wrap. Beside the conflicts counter the last sync is left
 * out (at ''), as the line would wrap there too.
 * @param {number} n changes waiting (0 also before the first round has counted them) @param {string} at when()'s
 */
function offlineText(n, at) {
  const kept = n > 0 ? `${n === 1 ? '1 change' : `${n} changes`} kept` : '';
  const last = at ? `last sync${at}` : '';
  if (kept && last) return `Offline — ${kept}; ${last}`;
  return kept || last ? `Offline — ${kept || last}` : 'Offline — changes are kept here';
}

/**
 * The offline line's tooltip: what happens next, and what the user has to do. "Nothing to do" only when the
 * connection alone is in the way: a network login page waits for the user to sign in, and conflicts for a choice.
 * @param {SyncStatus} status @param {number} conflicts shown beside the line @param {Date} [now]
 */
export function offlineHint(status, conflicts, now = new Date()) {
  const n = status.pending || 0;
  const kept = n > 0 ? `${n === 1 ? '1 change stays' : `${n} changes stay`} on this device` : 'Changes stay on this device';
  if (behindLogin(status)) {
    return `A network login page is in the way: ${NETWORK_SIGN_IN}. ${kept} until then.`;
  }
  const sent = `${kept} and papergist sends them on its own once the server answers`;
  const last = when(status.lastSynced, now);
  const lastSync = last ? ` Last sync${last}.` : '';
  if (conflicts > 0) {
    return `${sent}. ${conflictsText(conflicts)} ${conflicts === 1 ? 'waits' : 'wait'} for your choice: ` +
      `${conflicts === 1 ? 'it goes' : 'they go'} out only once you choose.${lastSync}`;
  }
  return `${sent}: nothing to do.`;
}

/** @param {number} n */
export const conflictsText = (n) => (n === 1 ? '1 conflict' : `${n} conflicts`);

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
  els.line.title = d.state === 'offline' ? `${offlineHint(status, conflicts)}${asOf ? ` (${asOf})` : ''}` : asOf;
  els.text.textContent = d.text;
  els.signIn.hidden = !d.signIn;
  els.conflicts.hidden = conflicts === 0;
  els.conflicts.textContent = conflictsText(conflicts);
  els.syncNow.hidden = d.signIn;
}
