// The options page's sync status sentence, from chrome.storage.local "sync:status" (STATUS_KEY). As the popup's
// line (popup/sync-status.js), it never says the library is up to date while a paper waits for a choice, here or
// on another device, nor once it was last known current more than a minute ago (FRESH_MS): then it says when
// it last checked. Offline, and retrying behind a network login page, it says what the popup says, from the same
// functions: the popup's line and then its tooltip, which the page has room for, and then the error's words.
import { FRESH_MS, behindLogin, describe, offlineHint, plural } from '../popup/sync-status.js';

/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */

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

/**
 * @param {SyncStatus|null} st @param {number} [now]
 * @param {string} [checked] when the library was last known current (sync:checked, the long poll's answers)
 * @returns {string}
 */
export function statusText(st, now = Date.now(), checked = undefined) {
  if (!st) return 'Not synced yet.';
  const shown = describe(st, new Date(now), { checked });
  if (shown.state === 'offline') { // as isOffline, from the one description
    const line = shown.text;
    const hint = offlineHint(st, st.conflicts || 0, new Date(now), checked, { place: 'the toolbar popup' });
    // The error's own words (the host not reached, the server's answer) say why: the popup leaves them out to fit
    // its line, and this page is where a user looks for them. Behind a login page the hint already says why.
    const why = st.error && !behindLogin(st) ? ` Why: ${st.error.replace(/\.$/, '')}.` : '';
    return `${line}. ${hint}${why}`;
  }
  const last = st.lastSynced ? `last synced ${ago(st.lastSynced, now)}` : 'not synced yet';
  // As the popup: the later of the last round and the long poll's last answer, else the status's own time.
  const known = [st.lastSynced, checked].map((t) => Date.parse(t || '')).filter((t) => !Number.isNaN(t));
  const current = known.length ? Math.max(...known) : Date.parse(st.at || '');
  const lastChecked = Number.isNaN(current) ? 'not checked yet' : `last checked ${ago(new Date(current).toISOString(), now)}`;
  const waiting = st.pending ? ` ${plural(st.pending, 'change')} waiting.` : '';
  const conflicts = st.conflicts > 0 ? `${plural(st.conflicts, 'conflict')} to settle in the toolbar popup` : '';
  let text;
  switch (st.state) {
    case 'syncing': text = 'Syncing…'; break;
    case 'synced':
      if (conflicts) return `Not synced: ${conflicts} (${lastChecked}).`;
      if (st.disputes > 0) return `Not synced: another device is choosing between its edit and this one (${lastChecked}).`;
      if (!(now - current <= FRESH_MS)) return `${lastChecked[0].toUpperCase()}${lastChecked.slice(1)}.`;
      text = `Up to date (${last}).`;
      break;
    case 'pending': text = `${plural(st.pending, 'change')} waiting to sync (${last}).`; break;
    case 'error': text = `Sync failed: ${st.error || 'unknown error'}.${waiting}`; break;
    case 'signed-out': text = 'Signed out: not syncing.'; break;
    default: text = `${st.state}.`;
  }
  if (conflicts) text += ` ${conflicts[0].toUpperCase()}${conflicts.slice(1)}.`;
  return text;
}

/**
 * Whether the page shows st as offline: offline, or a retry round behind a network login page, which the popup
 * keeps on its sign-in line rather than flicker to "Syncing…" (describe).
 * @param {SyncStatus} st @param {number} [now] @param {string} [checked]
 */
export const isOffline = (st, now = Date.now(), checked = undefined) => describe(st, new Date(now), { checked }).state === 'offline';
