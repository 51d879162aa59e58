// The options page's sync status sentence, from chrome.storage.local "sync:status" (STATUS_KEY). As the popup's
// line (popup/sync-status.js), it never says the library is up to date while a paper waits for a choice, here or
// on another device.

/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", or a date. @param {string} iso @param {number} [now] */
export function ago(iso, now = Date.now()) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 'at an unknown time';
  const s = (t - now) / 1000;
  if (Math.abs(s) < 60) return 'just now';
  if (Math.abs(s) < 3600) return relative.format(Math.round(s / 60), 'minute');
  if (Math.abs(s) < 86400) return relative.format(Math.round(s / 3600), 'hour');
  if (Math.abs(s) < 7 * 86400) return relative.format(Math.round(s / 86400), 'day');
  return `on ${new Date(t).toLocaleDateString()}`;
}

/** @param {SyncStatus|null} st @param {number} [now] @returns {string} */
export function statusText(st, now = Date.now()) {
  if (!st) return 'Not synced yet.';
  const last = st.lastSynced ? `last synced ${ago(st.lastSynced, now)}` : 'not synced yet';
  const waiting = st.pending ? ` ${plural(st.pending, 'change')} waiting.` : '';
  const conflicts = st.conflicts > 0 ? `${plural(st.conflicts, 'conflict')} to settle in the toolbar popup` : '';
  let text;
  switch (st.state) {
    case 'syncing': text = 'Syncing…'; break;
    case 'synced':
      if (conflicts) return `Not synced: ${conflicts} (${last}).`;
      if (st.disputes > 0) return `Not synced: another device is choosing between its edit and this one (${last}).`;
      text = `Up to date (${last}).`;
      break;
    case 'pending': text = `${plural(st.pending, 'change')} waiting to sync (${last}).`; break;
    case 'offline': text = `Offline: ${st.error || 'the server cannot be reached'}.${waiting} papergist retries on its own.`; break;
    case 'error': text = `Sync failed: ${st.error || 'unknown error'}.${waiting}`; break;
    case 'signed-out': text = 'Signed out: not syncing.'; break;
    default: text = `${st.state}.`;
  }
  if (conflicts) text += ` ${conflicts[0].toUpperCase()}${conflicts.slice(1)}.`;
  return text;
}
