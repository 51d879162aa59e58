// The sync engine. Local edits are durable the moment they are made: each marks its fields dirty in the paper's
// own record (library.js), and a removal leaves a "gone:" tombstone, so the records are the queue. A round
// pulls what changed since the library version seen last, then pushes the dirty fields in batches. Each batch
// is stored with its Idempotency-Key and exact body BEFORE it is sent (sync:inflight): after a worker stop or a
// browser restart the same request goes out again and the server replays its first answer, so nothing is lost
// and nothing is applied twice. Rounds run at startup, shortly after local changes, on an alarm, when the
// browser comes back online, and after failures with exponential backoff.
import * as account from './account.js';
import { exclusive, onLocalChange } from './library.js';
import { keyOf, idOfKey, GONE_PREFIX } from '../lib/saved.js';
import { STATUS_KEY } from '../lib/messages.js';
import { NAMES, USER_FIELDS, get, set, same, itemValue, fromItem, adoptClean, dirtyFields } from '../lib/sync-fields.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */
/** @typedef {import('../lib/messages.js').Item} Item */
/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */

const STATE = 'sync:state'; // {account, since, failures, lastRound}
const INFLIGHT = 'sync:inflight'; // {key, body, sent: {id: {field: seq}}}
const ALARM = 'papergist-sync';
const RETRY_ALARM = 'papergist-sync-retry';
const DEBOUNCE_MS = 1500;
const PERIOD_MIN = 5;
const STARTUP_GAP_MS = 60_000; // a worker that wakes up syncs when the last round is older than this
const MAX_OPS = 500; // syncproto.MaxPushOps
const MAX_BODY = 900 * 1024; // under the Workers deployment's 1 MiB request limit
const MIN_BACKOFF_MS = 2000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Which library the local versions refer to: the same user on the same server keeps them across sign-ins. */
const libraryOf = (a) => `${a.server}|${a.email.toLowerCase()}`;

/** @returns {Promise<{account: string, since: number, failures: number, lastRound: number}>} */
async function state() {
  const { [STATE]: s } = await chrome.storage.local.get(STATE);
  return { account: '', since: 0, failures: 0, lastRound: 0, ...(s || {}) };
}

async function setState(patch) {
  await chrome.storage.local.set({ [STATE]: { ...(await state()), ...patch } });
}

/** @type {Promise<SyncStatus>|null} a round waiting to start; callers meanwhile share it */
let queued = null;
let chain = Promise.resolve();

/** Runs a sync round after the current one. @returns {Promise<SyncStatus>} */
export function syncNow() {
  if (queued) return queued;
  const p = chain.then(() => {
    queued = null;
    return round();
  });
  queued = p;
  chain = p.catch(() => {});
  return p;
}

let debounce = 0;
/** Syncs shortly after local changes stop; shows them as pending at once. */
function soon() {
  clearTimeout(debounce);
  debounce = setTimeout(() => syncNow().catch((err) => console.warn('papergist: sync', err)), DEBOUNCE_MS);
  refreshStatus().catch(() => {});
}

let backoff = 0;

/** @returns {Promise<SyncStatus>} */
async function round() {
  const a = await account.session();
  if (!a) return writeStatus('signed-out');
  const st = await state();
  if (st.account !== libraryOf(a)) await rebase(a);
  if (navigator.onLine === false) return writeStatus('offline', 'this computer is offline'); // 'online' restarts
  await writeStatus('syncing');
  try {
    const { [INFLIGHT]: flight } = await chrome.storage.local.get(INFLIGHT);
    if (flight) await send(flight); // a push whose answer was lost: the server replays its first answer
    await pull();
    while (await pushBatch()) { /* more batches */ }
    clearTimeout(backoff);
    await chrome.alarms.clear(RETRY_ALARM);
    await setState({ failures: 0, lastRound: Date.now(), lastSynced: new Date().toISOString() });
    return await writeStatus();
  } catch (err) {
    const failures = (await state()).failures + 1;
    await setState({ failures, lastRound: Date.now() });
    if (err.code === 'signed_out') return writeStatus('signed-out', err.message);
    // The error's retry: a timer while this worker lives, an alarm (≥ 30 s) should the worker stop first.
    const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (failures - 1)) * (0.8 + Math.random() * 0.4);
    clearTimeout(backoff);
    backoff = setTimeout(() => syncNow().catch(() => {}), delay);
    await chrome.alarms.create(RETRY_ALARM, { when: Date.now() + Math.max(delay, 30_000) });
    if (!err.offline && !(err instanceof account.SyncError)) console.error('papergist: sync', err);
    return writeStatus(err.offline ? 'offline' : 'error', err.message);
  }
}

/**
 * A library this device never synced with (the first sign-in, or another account): every local paper is new to
 * it, including papers saved before this extension could sync. Versions reset and every field is dirty; the first
 * pull merges them with the account's copies (adopt).
 */
async function rebase(a) {
  await exclusive(async () => {
    const all = await chrome.storage.local.get(null);
    const put = { [STATE]: { ...(await state()), account: libraryOf(a), since: 0, failures: 0 } };
    const drop = [INFLIGHT]; // batches and removals meant for another library
    for (const [k, rec] of Object.entries(all)) {
      if (k.startsWith(GONE_PREFIX)) drop.push(k);
      else if (idOfKey(k) !== null) {
        const next = { ...rec, version: 0, dirty: Object.fromEntries(NAMES.map((n) => [n, 1])) };
        delete next.conflict;
        delete next.syncError;
        put[k] = next;
      }
    }
    await chrome.storage.local.remove(drop);
    await chrome.storage.local.set(put);
  });
}

async function pull() {
  let { since } = await state();
  for (;;) {
    const { status, data } = await account.api('GET', `/v1/sync?since=${since}`, {
      headers: { 'If-Modified-Since-Version': String(since) },
    });
    if (status === 304) return;
    if (!data || !Array.isArray(data.items) || typeof data.version !== 'number') {
      throw new account.SyncError('the server sent a pull answer papergist does not understand');
    }
    await exclusive(() => applyPull(data));
    since = data.version;
    if (!data.more) return;
  }
}

/** Merges one pulled page into the local records and stores its version in the same write. */
async function applyPull(data) {
  const deleted = data.deleted || [];
  const ids = [...data.items.map((i) => i.id), ...deleted.map((d) => d.id)];
  const local = await chrome.storage.local.get(ids.flatMap((id) => [keyOf(id), GONE_PREFIX + id]));
  const put = {};
  const drop = [];
  for (const item of data.items) {
    const key = keyOf(item.id);
    const rec = local[key];
    if (!rec) {
      if (!local[GONE_PREFIX + item.id]) put[key] = fromItem(item); // else our removal goes out next
    } else if (!rec.version || item.version > rec.version) {
      put[key] = merge(rec, item);
    }
  }
  for (const d of deleted) {
    const rec = local[keyOf(d.id)];
    // Removed there: removed here too, unless this device edited it since (the push will raise a conflict).
    if (rec && rec.version && rec.version <= d.version && !dirtyFields(rec).length && !rec.conflict) {
      drop.push(keyOf(d.id));
    }
    if (local[GONE_PREFIX + d.id]) drop.push(GONE_PREFIX + d.id); // removed on both sides
  }
  const st = await state();
  put[STATE] = { ...st, since: data.version };
  await chrome.storage.local.set(put);
  if (drop.length) await chrome.storage.local.remove(drop);
}

/**
 * The local record after a newer server item. Fields without a local edit take the server's value; edited ones
 * stay, on their old base version, so that the push tells the server which edits it has not seen.
 * @param {SavedPaper} rec @param {Item} item @returns {SavedPaper}
 */
function merge(rec, item) {
  const next = structuredClone(rec);
  if (!rec.version) return adopt(next, item);
  next.dirty ||= {};
  // An edit that made both sides equal needs no push.
  for (const f of dirtyFields(next)) if (same(f, get(next, f), itemValue(item, f))) delete next.dirty[f];
  adoptClean(next, item);
  if (next.conflict) {
    const fields = next.conflict.fields.filter((f) => next.dirty[f]);
    next.conflict = fields.length ? { ...next.conflict, fields, server: item, version: item.version } : undefined;
    if (!next.conflict) delete next.conflict;
  }
  if (!dirtyFields(next).length) next.version = item.version;
  return next;
}

/**
 * A paper saved here before this device synced with the account, which has it too: the two merge. Tags join,
 * read wins, the earlier save time stays, page metadata keeps what this device has; two different notes are a
 * conflict for the user to settle.
 */
function adopt(next, item) {
  next.tags = [...new Set([...(next.tags || []), ...itemValue(item, 'tags')])].sort();
  next.read = Boolean(next.read || item.read);
  if (Date.parse(item.saved_at) < Date.parse(next.savedAt)) next.savedAt = item.saved_at;
  const mine = next.note || '';
  const theirs = item.note || '';
  if (!mine) next.note = theirs;
  for (const name of NAMES) {
    const v = get(next, name);
    if (!USER_FIELDS.includes(name) && (v === '' || (Array.isArray(v) && !v.length))) set(next, name, itemValue(item, name));
  }
  next.dirty = {};
  for (const name of NAMES) if (!same(name, get(next, name), itemValue(item, name))) next.dirty[name] = 1;
  next.version = item.version;
  if (mine && theirs && mine !== theirs) {
    next.conflict = { fields: ['note'], server: item, version: item.version, at: new Date().toISOString() };
  }
  return next;
}

/**
 * Builds, stores and sends one batch of changes and deletions.
 * @returns {Promise<boolean>} whether a full batch went out, so more may remain
 */
async function pushBatch() {
  const flight = await exclusive(async () => {
    const all = await chrome.storage.local.get(null);
    const changes = [];
    const deletions = [];
    const sent = {};
    let size = 0;
    for (const [k, rec] of Object.entries(all)) {
      if (changes.length + deletions.length >= MAX_OPS || size >= MAX_BODY) break;
      if (k.startsWith(GONE_PREFIX)) {
        if (all[keyOf(rec.id)]) continue; // saved again: the record wins (see library.remove)
        const d = { id: rec.id, base_version: rec.version };
        deletions.push(d);
        size += JSON.stringify(d).length + 1;
        continue;
      }
      const id = idOfKey(k);
      if (id === null || rec.conflict || rec.syncError) continue;
      const dirty = dirtyFields(rec);
      if (!dirty.length) continue;
      const ch = { id, base_version: rec.version || 0 };
      for (const f of dirty) ch[f] = get(rec, f);
      const n = JSON.stringify(ch).length + 1;
      if (size + n > MAX_BODY && changes.length) break;
      size += n;
      sent[id] = { ...rec.dirty };
      changes.push(ch);
    }
    if (!changes.length && !deletions.length) return null;
    const f = { key: crypto.randomUUID(), body: JSON.stringify({ changes, deletions }), sent };
    await chrome.storage.local.set({ [INFLIGHT]: f }); // before sending: a retry must reuse key and body
    return f;
  });
  if (!flight) return false;
  await send(flight);
  const body = JSON.parse(flight.body);
  return body.changes.length + body.deletions.length >= MAX_OPS || flight.body.length >= MAX_BODY;
}

/** Sends a stored batch and applies the answer; a batch the server refuses as a whole is dropped and rebuilt. */
async function send(flight) {
  let data;
  try {
    ({ data } = await account.api('POST', '/v1/sync', {
      body: flight.body, headers: { 'Idempotency-Key': flight.key },
    }));
  } catch (err) {
    const refused = err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 408 && err.status !== 429;
    if (refused) await chrome.storage.local.remove(INFLIGHT); // the records are still dirty: rebuilt next round
    throw err;
  }
  if (!data || !Array.isArray(data.results)) throw new account.SyncError('the server sent a push answer papergist does not understand');
  await exclusive(async () => {
    await applyResults(flight, data);
    await chrome.storage.local.remove(INFLIGHT);
  });
}

/** Applies the server's per-item results of a push to the local records. */
async function applyResults(flight, resp) {
  const body = JSON.parse(flight.body);
  const keys = [...body.changes.map((c) => keyOf(c.id)), ...body.deletions.flatMap((d) => [GONE_PREFIX + d.id, keyOf(d.id)])];
  const local = await chrome.storage.local.get(keys);
  const put = {};
  const drop = [];
  resp.results.forEach((r, i) => {
    if (i >= body.changes.length) {
      const d = body.deletions[i - body.changes.length];
      if (!d) return;
      drop.push(GONE_PREFIX + d.id);
      // Edited on another device after this one removed it: it comes back rather than losing that edit.
      if (r.status === 'conflict' && r.item && !local[keyOf(d.id)]) put[keyOf(d.id)] = fromItem(r.item);
      return;
    }
    const ch = body.changes[i];
    const rec = local[keyOf(ch.id)];
    if (!rec) return; // removed while the push was in flight: its tombstone goes next
    const next = structuredClone(rec);
    next.dirty ||= {};
    const seqs = flight.sent[ch.id] || {};
    const acknowledge = () => {
      for (const f of Object.keys(seqs)) if (next.dirty[f] === seqs[f]) delete next.dirty[f];
    };
    const take = (item) => {
      if (item.version < (next.version || 0)) return; // an old answer replayed: newer state is here already
      adoptClean(next, item);
      next.version = item.version;
    };
    if (r.status === 'applied' && r.item) {
      acknowledge();
      take(r.item);
      delete next.conflict;
      delete next.syncError;
    } else if (r.status === 'conflict' && r.item) {
      const fields = Object.keys(seqs).filter((f) => !same(f, ch[f], itemValue(r.item, f)));
      if (!fields.length) {
        acknowledge(); // the server has these values already
        take(r.item);
      } else {
        next.conflict = { fields, server: r.item, version: r.item.version, at: new Date().toISOString() };
      }
    } else if (r.status === 'conflict') {
      // Removed on another device after this one's edit was based: keep it or let it go, the user says.
      next.conflict = { fields: Object.keys(seqs), server: null, version: r.version || 0, at: new Date().toISOString() };
    } else {
      // Refused as malformed: retrying cannot help, and dropping would lose the edit. It waits, with the reason
      // shown, until the user edits the paper again.
      next.syncError = (r.error && r.error.message) || `refused by the server (${r.status})`;
    }
    put[keyOf(ch.id)] = next;
  });
  if (Object.keys(put).length) await chrome.storage.local.set(put);
  if (drop.length) await chrome.storage.local.remove(drop);
}

/**
 * Settles a conflict. 'theirs' takes the server's values of the conflicting fields (or its removal); 'mine'
 * pushes this device's values again on top of the server's version.
 * @param {string} id @param {'mine'|'theirs'} keep @returns {Promise<SyncStatus>}
 */
export async function resolve(id, keep) {
  if (keep !== 'mine' && keep !== 'theirs') throw new Error(`keep must be "mine" or "theirs", not ${keep}`);
  await exclusive(async () => {
    const key = keyOf(id);
    const { [key]: rec } = await chrome.storage.local.get(key);
    if (!rec || !rec.conflict) throw new Error(`${id} has no conflict to settle`);
    const { server, version, fields } = rec.conflict;
    const next = structuredClone(rec);
    delete next.conflict;
    next.dirty ||= {};
    if (!server) {
      if (keep === 'theirs') return chrome.storage.local.remove(key);
      // Brought back: created again on top of its tombstone's version, with every field.
      next.version = version;
      for (const n of NAMES) next.dirty[n] = (next.dirty[n] || 0) + 1;
    } else {
      if (keep === 'theirs') for (const f of fields) delete next.dirty[f];
      else for (const f of fields) next.dirty[f] = (next.dirty[f] || 0) + 1;
      adoptClean(next, server);
      next.version = server.version;
    }
    await chrome.storage.local.set({ [key]: next });
  });
  return syncNow();
}

let statusTimer = 0;
/** Recomputes the status's counts soon (edits come in bursts). */
function refreshStatus() {
  clearTimeout(statusTimer);
  return new Promise((resolve) => {
    statusTimer = setTimeout(async () => {
      const { [STATUS_KEY]: prev } = await chrome.storage.local.get(STATUS_KEY);
      const keep = prev && ['syncing', 'offline', 'error', 'signed-out'].includes(prev.state) ? prev.state : undefined;
      resolve(writeStatus(keep, prev && prev.error));
    }, 100);
  });
}

/**
 * Writes the status the popup shows, counting pending edits and conflicts from the records.
 * @param {SyncStatus['state']} [s] derived from the counts when absent @param {string} [error]
 * @returns {Promise<SyncStatus>}
 */
async function writeStatus(s, error) {
  if (s === 'syncing') {
    // Counts as they were: a scan of every record would cost a large library a quarter second per round.
    const { [STATUS_KEY]: prev } = await chrome.storage.local.get(STATUS_KEY);
    const status = { pending: 0, conflicts: 0, ...(prev || {}), state: s, at: new Date().toISOString() };
    delete status.error;
    await chrome.storage.local.set({ [STATUS_KEY]: status });
    return status;
  }
  const all = await chrome.storage.local.get(null);
  let pending = 0;
  let conflicts = 0;
  for (const [k, rec] of Object.entries(all)) {
    if (k.startsWith(GONE_PREFIX)) pending++;
    else if (idOfKey(k) !== null) {
      if (rec.conflict) conflicts++;
      else if (dirtyFields(rec).length) pending++;
    }
  }
  const st = all[STATE] || {};
  /** @type {SyncStatus} */
  const status = { state: s || (pending ? 'pending' : 'synced'), pending, conflicts, at: new Date().toISOString() };
  if (error) status.error = error;
  if (st.lastSynced) status.lastSynced = st.lastSynced;
  await chrome.storage.local.set({ [STATUS_KEY]: status });
  return status;
}

/** After sign-in: a first round at once (it uploads what was saved while signed out). */
export function signedIn() {
  return syncNow();
}

/** After sign-out: the status says so; the records and their versions stay for the next sign-in. */
export async function signedOut() {
  clearTimeout(backoff);
  await chrome.alarms.clear(RETRY_ALARM);
  return writeStatus('signed-out');
}

/** Starts the triggers; called once per worker start, synchronously, so that listeners are registered in time. */
export function start() {
  onLocalChange(soon);
  chrome.alarms.onAlarm.addListener((a) => {
    if (a.name === ALARM || a.name === RETRY_ALARM) syncNow().catch(() => {});
  });
  chrome.runtime.onStartup.addListener(() => syncNow().catch(() => {}));
  self.addEventListener('online', () => syncNow().catch(() => {}));
  chrome.alarms.get(ALARM).then((a) => a || chrome.alarms.create(ALARM, { periodInMinutes: PERIOD_MIN }));
  // A worker that wakes up signed in, with a batch in flight, edits not pushed, or a stale library syncs now.
  (async () => {
    if (!(await account.session())) return;
    const { [INFLIGHT]: flight, [STATUS_KEY]: status } = await chrome.storage.local.get([INFLIGHT, STATUS_KEY]);
    const st = await state();
    const stale = Date.now() - st.lastRound > STARTUP_GAP_MS;
    if (flight || stale || !status || status.pending || status.state !== 'synced') await syncNow();
  })().catch((err) => console.warn('papergist: sync at start', err));
}
