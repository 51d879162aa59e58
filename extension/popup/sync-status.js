// The sync status line in the popup's header: what chrome.storage.local "sync:status" (STATUS_KEY, written by
// the background's sync engine) says, in a few words, with the number of conflicts waiting for a choice.
// No status at all means the extension was never signed in.
//
// "Synced" is a claim with a date: everything pushed, and the library known current within the last minute
// (a round, or the server's answer to the long poll, sync:checked). Older than that, the line says when it last
// checked instead; and a paper waiting for the user's choice is never "synced".

/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */

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
  if (status.state === 'synced') {
    const last = latest([status.lastSynced, checked]) || status.at;
    if ((conflicts ?? status.conflicts) > 0) return { state: 'conflict', text: `Not synced: waiting for your choice —`, signIn: false };
    if (status.disputes > 0) return { state: 'conflict', text: 'Not synced: another device is choosing between its edit and this one', signIn: false };
    if (!(now.getTime() - Date.parse(last) <= FRESH_MS)) return { state: 'stale', text: `Last checked${when(last, now) || ' a while ago'}`, signIn: false };
    return { state: 'synced', text: `Synced${when(last, now)}`, signIn: false };
  }
  const text = {
    syncing: 'Syncing…',
    synced: `Synced${when(status.lastSynced || status.at, now)}`,
    pending: `Pending ${n}`,
    offline: offlineText(n, when(status.lastSynced, now)),
    error: `Sync error: ${status.error || 'unknown'}`,
  }[status.state] ?? `Sync: ${status.state}`;
  return { state: status.state, text, signIn: false };
}

/**
 * Offline in one popup line: the changes waiting are kept on this device, and when the last sync was. That they go
 * out on their own, so nothing needs doing, is the line's tooltip (OFFLINE_HINT): the whole would wrap.
 * @param {number} n changes waiting (0 also before the first round has counted them) @param {string} at when()'s
 */
function offlineText(n, at) {
  const kept = n > 0 ? `${n === 1 ? '1 change' : `${n} changes`} kept` : '';
  const last = at ? `last sync${at}` : '';
  if (kept && last) return `Offline — ${kept}; ${last}`;
  return kept || last ? `Offline — ${kept || last}` : 'Offline — changes are kept here';
}

/** The offline line's tooltip. */
export const OFFLINE_HINT = 'Changes stay on this device and papergist sends them on its own once the server answers: nothing to do.';

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
  els.line.title = d.state === 'offline' ? `${OFFLINE_HINT}${asOf ? ` (${asOf})` : ''}` : asOf;
  els.text.textContent = d.text;
  els.signIn.hidden = !d.signIn;
  els.conflicts.hidden = conflicts === 0;
  els.conflicts.textContent = conflictsText(conflicts);
  els.syncNow.hidden = d.signIn;
}
