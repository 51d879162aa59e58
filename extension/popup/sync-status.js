// The sync status line in the popup's header: what chrome.storage.local "sync:status" (STATUS_KEY, written by
// the background's sync engine) says, in a few words, with the number of conflicts waiting for a choice.
// No status at all means the extension was never signed in.

/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** @param {string|undefined} iso @param {Date} now @returns {string} " at 14:03", " on 12 Nov", or "" */
function when(iso, now) {
  const t = iso ? new Date(iso) : null;
  if (!t || Number.isNaN(t.getTime())) return '';
  return t.toDateString() === now.toDateString() ? ` at ${clock.format(t)}` : ` on ${day.format(t)}`;
}

/**
 * @param {SyncStatus|undefined} status @param {Date} [now]
 * @returns {{state: string, text: string, signIn: boolean}} signIn: follow the text with a link to the options page
 */
export function describe(status, now = new Date()) {
  if (!status || status.state === 'signed-out') return { state: 'signed-out', text: 'Signed out — ', signIn: true };
  const n = status.pending || 0;
  const text = {
    syncing: 'Syncing…',
    synced: `Synced${when(status.lastSynced || status.at, now)}`,
    pending: `Pending ${n}`,
    offline: `Offline — ${n} pending`,
    error: `Sync error: ${status.error || 'unknown'}`,
  }[status.state] ?? `Sync: ${status.state}`;
  return { state: status.state, text, signIn: false };
}

/** @param {number} n */
export const conflictsText = (n) => (n === 1 ? '1 conflict' : `${n} conflicts`);

/**
 * Shows status in the status element (data-sync-state carries the state for tests and styles).
 * @param {{line: HTMLElement, text: HTMLElement, signIn: HTMLElement, conflicts: HTMLElement, syncNow: HTMLButtonElement}} els
 * @param {SyncStatus|undefined} status @param {number} conflicts papers with a conflict on this device
 */
export function showStatus(els, status, conflicts) {
  const d = describe(status);
  els.line.dataset.syncState = d.state;
  els.line.title = status && status.at ? `as of ${new Date(status.at).toLocaleString()}` : '';
  els.text.textContent = d.text;
  els.signIn.hidden = !d.signIn;
  els.conflicts.hidden = conflicts === 0;
  els.conflicts.textContent = conflictsText(conflicts);
  els.syncNow.hidden = d.signIn;
}
