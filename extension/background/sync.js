// The sync engine. Local edits are durable the moment they are made: each marks its fields dirty in the paper's
// own record (library.js), and a removal leaves a "gone:" tombstone, so the records are the queue. A round
// pulls what changed since the library version seen last, then pushes the dirty fields in batches. Each batch
// is stored with its Idempotency-Key and exact body BEFORE it is sent (sync:inflight): after a worker stop or a
// browser restart the same request goes out again and the server replays its first answer, so nothing is lost
// and nothing is applied twice. Rounds run at startup, shortly after local changes, on an alarm, when the
// browser comes back online, after failures with exponential backoff, and whenever the server says the library
// changed (sync-live.js keeps a long poll open while signed in). After the server answered that it cannot serve now
// (its 429 or 502-504, a proxy's 502-504 page, a Retry-After), the automatic ones wait for the backoff's retry, which a skipped
// round makes sure is planned; after other failures (no connection, no answer in time) they run as they come. The
// user's Sync now goes at once.
import * as account from './account.js';
import { exclusive, onLocalChange, migrate, placesChanged, removedByPull, forgetPulled, leftover, stampRemoved } from './library.js';
import { forgetPapers as forgetTyped } from './typed-refused.js';
import { keyOf, idOfKey, GONE_PREFIX } from '../lib/saved.js';
import { STATUS_KEY, NETWORK_LOGIN } from '../lib/messages.js';
import { checkPull, reportSkipped } from './pull-validate.js';
import { NAMES, USER_FIELDS, same, lessFull, valueOf, fromItem, adoptClean, dirtyFields, upgrade, newMark, keepLifted } from '../lib/record.js';
import { listen, listening, markChecked, serverReached } from './sync-live.js';
import { retryDelay, serverTrouble, RETRY_AFTER_MAX_MS } from './backoff.js';
import * as index from './sync-index.js';
import { libraryOf, otherAccountPapers, heldText } from '../lib/other-account.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */
/** @typedef {import('../lib/messages.js').Item} Item */
/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */

// open: the library of the session the engine last worked for, until its end stamps its papers not uploaded
// (claimUnpushed)
// retryAt: when (ms since the epoch) the back-off after the server's trouble ends: automatic rounds wait for it;
// trouble: that trouble's status ({state, message, code}), which a round skipped for the back-off shows again
const STATE = 'sync:state'; // {account, since, failures, lastRound, open, retryAt, trouble}
const INFLIGHT = 'sync:inflight'; // {key, body, sent: {id: {field: seq}}}
const ALARM = 'papergist-sync';
const RETRY_ALARM = 'papergist-sync-retry';
// Short: a save or removal should reach the other devices within a second or two; typing is already batched
// by the popup, which sends a note or tags only after a 400 ms pause.
const DEBOUNCE_MS = 300;
const PERIOD_MIN = 5;
const STARTUP_GAP_MS = 60_000; // a worker that wakes up syncs when the last round is older than this
const MAX_OPS = 500; // syncproto.MaxPushOps
const MAX_BODY = 900 * 1024; // under the Workers deployment's 1 MiB request limit
// A refused removal's look-up that failed (a route missing, the server's 500) is asked again after 1 minute,
// doubling to an hour: a round can come every few seconds while edits flow, and an old server may never answer.
const LOOKUP_MIN_MS = 60_000;
const LOOKUP_MAX_MS = 60 * 60_000;

/** @returns {Promise<{account: string, since: number, failures: number, lastRound: number, lastSynced?: string, limits?: {ops: number, bytes: number}, open?: string, retryAt?: number, trouble?: {state: SyncStatus['state'], message: string, code: string}|null}>} */
async function state() {
  const { [STATE]: s } = await chrome.storage.local.get(STATE);
  return { account: '', since: 0, failures: 0, lastRound: 0, ...(s || {}) };
}

async function setState(patch) {
  await chrome.storage.local.set({ [STATE]: { ...(await state()), ...patch } });
}

/**
 * Whether the last round failed (the server or the network), as opposed to a round that ended well with papers
 * the server refuses, which the status also shows as an error.
 * @returns {Promise<boolean>}
 */
export async function lastRoundFailed() {
  return (await state()).failures > 0;
}

/**
 * When (ms since the epoch) the back-off after the server's trouble ends; 0: none. An end further away than any
 * back-off lasts is ignored: the clock was set backwards since (an NTP correction after a resume), and keeping to it
 * would stall sync for as long as the jump.
 * @returns {Promise<number>}
 */
export async function backoffEnd() {
  return endOf(await state());
}

/** backoffEnd of a sync state. @param {{retryAt?: number}} st @returns {number} */
function endOf(st) {
  const at = st.retryAt || 0;
  return at > Date.now() + RETRY_AFTER_MAX_MS ? 0 : at;
}

/** @returns {Promise<number|null>} the library version pulled last for a's library; null before its first round */
export async function syncedSince(a) {
  const st = await state();
  return st.account === libraryOf(a) ? st.since : null;
}

/** @type {Promise<SyncStatus>|null} a round waiting to start; callers meanwhile share it */
let queued = null;
let chain = Promise.resolve();

/** Set by an explicit Sync now: the queued round asks about refused removals at once (bringBackRefused). */
let queuedLookUp = false;
/** Whether the queued round was asked for by other than an automatic trigger only: it runs during a back-off. */
let queuedNow = false;

/**
 * Runs a sync round after the current one.
 * @param {{lookUp?: boolean, auto?: boolean}} [opts] lookUp: the user asked (Sync now): refused removals whose
 *   look-up failed lately are asked again in that round, not after their interval; automatic rounds keep the
 *   interval, also the one after a Sync now whose round ended before its look-ups. auto: an automatic trigger (an
 *   edit, the alarm, a look, the browser back online, a worker's start): while the back-off after the server's
 *   trouble runs, no request goes out and the status stays as it is; the retry at the back-off's end (a timer in
 *   this worker and an alarm, both planned again here should they be gone) pushes what waits. A struggling server
 *   (a proxy's 503 page, a rate limiter) is then asked once per back-off step, not at the rate pages load.
 * @returns {Promise<SyncStatus>}
 */
export function syncNow({ lookUp = false, auto = false } = {}) {
  if (lookUp) queuedLookUp = true; // a queued round is shared, and takes it too
  if (!auto) queuedNow = true;
  if (queued) return queued;
  const p = chain.then(async () => {
    queued = null;
    const asked = queuedLookUp;
    const now = queuedNow;
    queuedLookUp = false;
    queuedNow = false;
    // Offline, a round sends nothing and says so at once.
    const st = now || navigator.onLine === false ? null : await state();
    const end = st ? endOf(st) : 0;
    if (Date.now() >= end) return round(asked);
    await planRetry(end);
    // The server's trouble, which the back-off waits for, rather than a round's "this computer is offline" while
    // the browser was (a Wi-Fi flap): the computer is online now.
    const { trouble } = /** @type {NonNullable<typeof st>} */ (st);
    /** @param {SyncStatus|undefined} prev */
    const flap = (prev) => Boolean(trouble && prev && prev.error === OFFLINE);
    return writeStatus((prev) => (flap(prev) ? trouble.state : KEEP), (prev) => (flap(prev) ? trouble : prev && errorOf(prev)));
  });
  queued = p;
  chain = p.then(() => {}, () => {});
  return p;
}

let debounce = 0;
/** Syncs shortly after local changes stop; shows them as pending at once. */
function soon() {
  clearTimeout(debounce);
  debounce = setTimeout(() => syncNow({ auto: true }).catch((err) => console.warn('papergist: sync', err)), DEBOUNCE_MS);
  refreshStatus().catch(() => {});
}

let backoff = 0;

/**
 * Plans the round at the back-off's end: a timer while this worker lives, and an alarm (≥ 30 s away, Chrome's
 * least) should it stop first. Again for each round skipped during the back-off: a worker started since has no
 * timer, and alarms do not survive an extension update (nor, always, a browser restart).
 * @param {number} at ms since the epoch
 */
async function planRetry(at) {
  clearTimeout(backoff);
  backoff = setTimeout(() => syncNow().catch(() => {}), Math.max(0, at - Date.now()));
  if (!(await chrome.alarms.get(RETRY_ALARM))) await chrome.alarms.create(RETRY_ALARM, { when: Math.max(at, Date.now() + 30_000) });
}

/** Drops the planned retry: a round got through, or the session ended. */
async function dropRetry() {
  clearTimeout(backoff);
  await chrome.alarms.clear(RETRY_ALARM);
}

const OFFLINE = 'this computer is offline';

/** @param {boolean} lookUp the user asked (syncNow) @returns {Promise<SyncStatus>} */
async function round(lookUp) {
  const a = await account.session();
  if (!a) {
    await claimUnpushed();
    // Why the server ended the login, should it have (the long poll may have learnt it first): the popup says so.
    const why = await account.endedReason();
    return writeStatus('signed-out', (prev) => why || (prev && prev.state === 'signed-out' ? prev.error : undefined));
  }
  // Not awaited: should an edit's recount be under way, the round need not wait for it; the round's last status
  // is written after this one all the same. Before the first sign-in's rebase, which rewrites every record (seconds
  // in a large library): until then the status still said "Signed out", and a popup opened meanwhile asked a
  // signed-in user to sign in. Offline too: signed in, and why nothing is synced yet.
  // An automatic retry behind a network login page keeps its code until papergist answers (call), so the popup's
  // line stays "sign in to the network" rather than flicker to "Syncing…" and back at every backoff retry. The
  // user's Sync now (lookUp) says "Syncing…": they may just have signed in to the network.
  let behindLogin = false;
  const early = navigator.onLine === false ? writeStatus('offline', OFFLINE, { quick: true })
    : writeStatus('syncing', (prev) => {
      behindLogin = !lookUp && !!prev && prev.code === NETWORK_LOGIN;
      return behindLogin ? errorOf(prev) : undefined;
    });
  early.catch((err) => console.warn('papergist: sync status', err));
  await migrate(); // once per worker life, before the first round: the status counts read the records directly
  const st = await state();
  if (st.open !== libraryOf(a)) await opened(a);
  if (st.account !== libraryOf(a)) await rebase(a);
  if (navigator.onLine === false) return writeStatus('offline', OFFLINE); // 'online' restarts
  // Every request of the round is for this login: should the user sign in to another account meanwhile, the
  // round stops rather than push this library's queue into that one.
  const call = async (method, path, opts = {}) => {
    const answer = await account.api(method, path, { ...opts, expect: a.deviceId });
    // The early write decides behindLogin; with status writes backed up it may not have run yet, and the line
    // it keeps would then be written after papergist answered and stay up.
    await early.catch(() => {});
    if (behindLogin) { // papergist's own answer: the login page is out of the way, and the line says so at once
      behindLogin = false;
      await writeStatus('syncing').catch((err) => console.warn('papergist: sync status', err));
    }
    return answer;
  };
  try {
    const { [INFLIGHT]: flight } = await chrome.storage.local.get(INFLIGHT);
    if (flight) await send(call, flight); // a push whose answer was lost: the server replays its first answer
    await pull(call);
    while (await pushBatch(call)) { /* more batches */ }
    // A paper brought back with an edit not pushed before its removal: pushed in this round, so that the status
    // names its refusal (or it goes out) now, rather than "pending" until some later round.
    if (await bringBackRefused(call, lookUp)) while (await pushBatch(call)) { /* more batches */ }
    await dropRetry();
    await setState({ failures: 0, limits: null, lastRound: Date.now(), lastSynced: new Date().toISOString(), retryAt: 0, trouble: null });
    await markChecked();
    serverReached();
    listen();
    return await writeStatus();
  } catch (err) {
    const failures = (await state()).failures + 1;
    // The error's retry (planRetry). Automatic rounds wait for it only when the server answered that it cannot
    // serve now: a connection that failed or timed out may be the user's own network, whose change ('online') or
    // the user's next edit is worth a round at once, as before the back-off.
    const retryAt = Date.now() + retryDelay(err, failures);
    const said = { message: err.message, code: err.code };
    const trouble = serverTrouble(err) ? { state: err.offline ? 'offline' : 'error', ...said } : null;
    await setState({ failures, lastRound: Date.now(), retryAt: trouble ? retryAt : 0, trouble });
    if (err.code === 'signed_out') {
      // Signed in to another account meanwhile: the round queued by that sign-in takes over.
      if (await account.session()) return writeStatus('syncing');
      await claimUnpushed();
      return writeStatus('signed-out', err.message);
    }
    await chrome.alarms.clear(RETRY_ALARM);
    await planRetry(retryAt);
    if (!err.offline && !(err instanceof account.SyncError)) console.error('papergist: sync', err);
    return writeStatus(err.offline ? 'offline' : 'error', said);
  }
}

/**
 * A library this device never synced with (the first sign-in, or another account): every local paper is new to
 * it, including papers saved before this extension could sync. Versions reset and every field is dirty; the first
 * pull merges them with the account's copies (adopt).
 */
async function rebase(a) {
  await exclusive(async () => {
    if ((await state()).account !== libraryOf(a)) await rebaseRecords(libraryOf(a));
  });
}

/** rebase's rewrite, inside exclusive, onto the library lib (server|email). @param {string} lib */
async function rebaseRecords(lib) {
  forgetPulled(); // another library's removals
  const all = await chrome.storage.local.get(null);
  // The old library's last sync (lastSynced, lastRound, limits) says nothing of this one: "last sync" is lib's or none.
  const st = await state();
  for (const k of ['lastSynced', 'lastRound', 'limits', 'retryAt', 'trouble']) delete st[k];
  const put = { [STATE]: { ...st, account: lib, since: 0, failures: 0 } };
  const mark = newMark();
  const drop = [INFLIGHT]; // batches and removals meant for another library
  for (const [k, rec] of Object.entries(all)) {
    if (k.startsWith(GONE_PREFIX)) drop.push(k);
    else if (idOfKey(k) !== null) {
      const next = { ...upgrade(rec), version: 0 };
      // No conflict, no refusal, and no owner's stamp (claimUnpushed): every paper is this library's now.
      next.sync = { dirty: Object.fromEntries(NAMES.map((n) => [n, mark])) };
      put[k] = next;
    }
  }
  await chrome.storage.local.remove(drop);
  await chrome.storage.local.set(put);
  index.forget(); // every record changed
}

/**
 * Notes that a session of a's library is open (sync:state's open), so that its end stamps the papers saved or
 * edited under it and not uploaded (claimUnpushed), whichever way it ends: a sign-out here, the server ending the
 * login, or a worker stopped in between (the next start, or the next sign-in, stamps them).
 * @param {{server: string, email: string}} a
 */
async function opened(a) {
  await exclusive(async () => {
    // A round that read the session before a sign-out gets here after the sign-out's claim cleared open: set again,
    // it would stamp the papers saved signed out from then on as that account's.
    const now = await account.session();
    if (!now || libraryOf(now) !== libraryOf(a)) return;
    if ((await state()).open !== libraryOf(a)) await setState({ open: libraryOf(a) });
  });
}

/**
 * Once the session is over: every paper without a version (saved, or saved and edited, while signed in and never
 * uploaded: offline, a push that failed, a sign-out before the first round) is stamped as the library's of that
 * session (sync.owner, lib/other-account.js ownerOf). Without the stamp it looked saved while signed out, and the
 * next sign-in to another account uploaded it, its notes included, without asking. Papers with a version are that
 * library's already (sync:state's account). Should the session have ended before its first round rewrote the
 * library (rebase), that is done first: the sign-in had the user's consent to make every paper its library's.
 * The removed papers it remembers (library.js REMOVED_KEY) get the same stamp, so that a save or Undo after it
 * brings theirs back. Papers saved after this, signed out, carry no stamp: the next sign-in uploads them to
 * whichever account.
 * Nothing to do (one read) while signed in, or when it has been done.
 */
export async function claimUnpushed() {
  if (await account.session()) return;
  await exclusive(async () => {
    const st = await state();
    if (!st.open || (await account.session())) return;
    if (st.account !== st.open) await rebaseRecords(st.open);
    const all = await chrome.storage.local.get(null);
    const put = {};
    for (const [k, stored] of Object.entries(all)) {
      if (idOfKey(k) === null || !stored || typeof stored !== 'object') continue;
      const rec = upgrade(stored);
      // A stamp of another library (a paper brought back by Undo since) is this session's now, as it was not uploaded.
      if (Number(rec.version) > 0 || rec.sync.owner === st.open) continue;
      put[k] = { ...rec, sync: { ...rec.sync, owner: st.open } };
    }
    const rest = await state();
    delete rest.open;
    put[STATE] = rest;
    // First the removed papers' memory (a session store): should the worker stop in between, open is still set
    // and the next claim does both again.
    await stampRemoved(st.open);
    await chrome.storage.local.set(put); // the stamps and the end of open in one write
    index.written(Object.keys(put));
  });
}

/** An item the engine can store: a string ID and a whole version; anything else is skipped. */
const usable = (i) => i && typeof i === 'object' && typeof i.id === 'string' && idOfKey(keyOf(i.id)) && Number.isSafeInteger(i.version);

/**
 * Whether the server of this worker's last pull takes a change's lifted names (shared/syncproto Change.Lifted,
 * said by its Papergist-Features header): a server of the previous version refuses a push that names them, so
 * they go only to one that said so in this round's pull.
 */
let serverLifts = false;

async function pull(call) {
  let { since } = await state();
  for (;;) {
    const { status, data, headers } = await call('GET', `/v1/sync?since=${since}`, {
      headers: { 'If-Modified-Since-Version': String(since) },
    });
    serverLifts = String((headers && headers.get('Papergist-Features')) || '').split(',').some((f) => f.trim() === 'lifted');
    if (status === 304) return;
    if (!data || !Array.isArray(data.items) || !Number.isSafeInteger(data.version)) {
      // Over http, JSON with none of papergist's fields may be a network login page's own; else the server's
      throw account.foreignAnswer(await account.server(), status, data, 'pull');
    }
    if (data.more && data.version <= since) throw new account.SyncError('the server\'s pull answer did not move on');
    const { items, deleted, skipped } = checkPull(data); // the server's own rules; the rest is stored
    if (skipped.length) await reportSkipped(skipped);
    const page = { ...data, items, deleted };
    await exclusive(() => applyPull(page));
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
  const removed = [];
  for (const item of data.items) {
    const key = keyOf(item.id);
    const rec = local[key] && upgrade(local[key]);
    if (!rec) {
      const tomb = local[GONE_PREFIX + item.id];
      if (!tomb) put[key] = fromItem(item);
      else if (tomb.error) { // its removal was refused: the server's newer copy comes back, shown as such
        put[key] = backAfterRefusal(item, tomb);
        drop.push(GONE_PREFIX + item.id);
      } else if (tomb.copy) {
        // Our removal goes out next, at the version it was made at (a newer edit there then meets it as a
        // conflict). Should it come back from its copy (its ID refused: backFromCopy), it comes back as the newest
        // this device has seen: the copy takes this item as the record would have.
        const copy = copyRecord(tomb);
        if (copy && (!copy.version || item.version > copy.version)) put[GONE_PREFIX + item.id] = { ...tomb, copy: merge(copy, item) };
      } // else (an older version's tombstone) our removal goes out next
    } else if (!rec.version || item.version > rec.version) {
      put[key] = merge(rec, item);
    }
  }
  for (const d of deleted) {
    const rec = local[keyOf(d.id)] && upgrade(local[keyOf(d.id)]);
    // Removed there: removed here too, unless this device edited it since (the push will raise a conflict).
    if (rec && rec.version && rec.version <= d.version && !dirtyFields(rec).length && !rec.sync.conflict) {
      drop.push(keyOf(d.id));
      removed.push(d.id);
      removedByPull(rec); // an edit typed before this pull, arriving after it, still counts (library.update)
    }
    if (local[GONE_PREFIX + d.id]) drop.push(GONE_PREFIX + d.id); // removed on both sides
  }
  const st = await state();
  put[STATE] = { ...st, since: data.version };
  // Removals first: a stop between the two writes then leaves since where it was, and the page is pulled again.
  if (drop.length) await chrome.storage.local.remove(drop);
  await chrome.storage.local.set(put);
  index.written([...drop, ...Object.keys(put)]);
  if (removed.length) await forgetTyped(removed);
  await placesChanged(local, put);
}

/**
 * The local record after a newer server item. Fields without a local edit take the server's value; edited ones
 * stay, on their old base version, so that the push tells the server which edits it has not seen.
 * @param {SavedPaper} rec @param {Item} item @returns {SavedPaper}
 */
function merge(rec, item) {
  const next = structuredClone(rec);
  if (!rec.version) return adopt(next, item);
  const { sync } = next;
  // A date or venue the record upgrade lifted from this device's page (sync.lifted holds its mark, so a save or
  // choice since is not one) and that nobody disputes gives way to the server's value when that is the same value
  // known more fully: nobody chose the lift, and it is a prefix of what it gives way to, so the mark is dropped and
  // the server's value taken. Anything else, a fuller lift included, goes up on its old base as any edit: neither
  // the server nor this device can tell a shorter value there from another device's re-save or "Keep mine", so
  // the server applies it only if nobody wrote the field since, else it is a named conflict.
  const lifted = sync.lifted || {};
  const held = new Set([...((sync.conflict && sync.conflict.fields) || []), ...((rec.dispute && rec.dispute.fields) || []),
    ...((item.dispute && item.dispute.fields) || [])]);
  for (const f of dirtyFields(next)) {
    const mine = valueOf(next, f);
    const theirs = valueOf(item, f);
    if (same(f, mine, theirs)) delete sync.dirty[f]; // an edit that made both sides equal needs no push
    else if (lifted[f] === sync.dirty[f] && !held.has(f) && lessFull(f, mine, theirs)) delete sync.dirty[f];
  }
  keepLifted(sync);
  adoptClean(next, item);
  if (sync.conflict) {
    const fields = sync.conflict.fields.filter((f) => sync.dirty[f]);
    if (fields.length) sync.conflict = { ...sync.conflict, fields, server: item, version: item.version };
    else delete sync.conflict;
  }
  if (!dirtyFields(next).length) next.version = item.version;
  return next;
}

/**
 * A paper saved here before this device synced with the account, which has it too: the two merge. Tags join,
 * read wins, the account's save time stays (the server keeps an item's first), page metadata keeps what this
 * device has unless the account knows the same value more fully (lessFull: a date with its day, a venue), so no
 * device cuts the account's day to its page's month; two different notes are a conflict for the user to settle.
 */
function adopt(next, item) {
  next.tags = [...new Set([...(next.tags || []), ...valueOf(item, 'tags')])].sort();
  next.read = Boolean(next.read || item.read);
  next.saved_at = item.saved_at;
  const mine = next.note || '';
  const theirs = item.note || '';
  if (!mine) next.note = theirs;
  for (const name of NAMES) {
    const v = valueOf(next, name);
    if (USER_FIELDS.includes(name)) continue;
    // A date this page gave less fully ("2017-06" of the account's "2017-06-12") is the same date: the fuller stays.
    if (v === '' || (Array.isArray(v) && !v.length) || lessFull(name, v, valueOf(item, name))) next[name] = valueOf(item, name);
  }
  const dirty = {};
  const mark = newMark();
  for (const name of NAMES) if (!same(name, valueOf(next, name), valueOf(item, name))) dirty[name] = mark;
  next.sync = { ...next.sync, dirty };
  next.version = item.version;
  if (mine && theirs && mine !== theirs) {
    next.sync.conflict = { fields: ['note'], server: item, version: item.version, at: new Date().toISOString() };
  }
  return next;
}

/** The batch limits: the API's, or smaller after the server refused a batch as a whole (bisecting to the culprit). */
async function limits() {
  const { limits: l } = await state();
  return l || { ops: MAX_OPS, bytes: MAX_BODY };
}

const encoder = new TextEncoder();
/** @param {any} v @returns {number} the size of v as UTF-8 JSON: the server's limit counts bytes */
const jsonBytes = (v) => encoder.encode(JSON.stringify(v)).length;

/**
 * Builds, stores and sends one batch of changes and deletions.
 * @returns {Promise<boolean>} whether more may remain: the batch was full, or its answer asks for another
 */
async function pushBatch(call) {
  const lim = await limits();
  const flight = await exclusive(async () => {
    // Only what may have something to push, and the records the tombstones name: not the whole library.
    const keys = await index.toPush();
    const named = keys.filter((k) => k.startsWith(GONE_PREFIX)).map((k) => keyOf(k.slice(GONE_PREFIX.length)));
    const all = await chrome.storage.local.get([...keys, ...named]);
    const changes = [];
    const deletions = [];
    const sent = {};
    const stale = [];
    let size = 0;
    let full = false;
    for (const [k, stored] of Object.entries(all)) {
      if (stale.includes(k)) continue; // a record a removal beside it won over
      if (changes.length + deletions.length >= lim.ops || size >= lim.bytes) {
        full = true;
        break;
      }
      if (k.startsWith(GONE_PREFIX)) {
        // library.migrate, before the first round, settled those a stop left beside a record. One still there is
        // an older version's (no mark), or a removal whose record deletion and rollback failed in this worker (the
        // user was told it was cut short): settled by the same rule, so a stop in between changes nothing.
        const rec = all[keyOf(stored.id)];
        const drop = rec ? leftover(k, stored, rec) : null;
        if (drop) stale.push(drop);
        if (drop === k) continue;
        if (!stored.error) { // refused: waits, shown, as a refused edit does
          const d = { id: stored.id, base_version: stored.version };
          deletions.push(d);
          size += jsonBytes(d) + 1;
        }
        continue;
      }
      const id = idOfKey(k);
      if (id === null) continue;
      const rec = upgrade(stored);
      const { conflict } = rec.sync;
      if (rec.sync.error || (conflict && !conflict.server)) continue;
      // A paper in conflict still pushes its other edits, on their own base version: tags then merge three-way.
      const held = new Set((conflict && conflict.fields) || []);
      const dirty = dirtyFields(rec).filter((f) => !held.has(f));
      if (!dirty.length) continue;
      const ch = { id, base_version: rec.version || 0 };
      for (const f of dirty) ch[f] = valueOf(rec, f);
      // The record upgrade's own values, still as it lifted them: the server settles two devices' lifts that
      // differ only in precision (a fuller one wins) without a conflict, and any save or choice as before.
      const lifts = serverLifts ? dirty.filter((f) => rec.sync.lifted && rec.sync.lifted[f] === rec.sync.dirty[f]) : [];
      if (lifts.length) ch.lifted = lifts;
      const n = jsonBytes(ch) + 1;
      if (size + n > lim.bytes && changes.length + deletions.length) {
        full = true;
        break;
      }
      size += n;
      sent[id] = Object.fromEntries(dirty.map((f) => [f, rec.sync.dirty[f]]));
      changes.push(ch);
    }
    if (stale.length) {
      await chrome.storage.local.remove(stale);
      index.written(stale);
      const removed = stale.map(idOfKey).filter((id) => id !== null);
      if (removed.length) await forgetTyped(removed);
    }
    if (!changes.length && !deletions.length) return null;
    const f = { key: crypto.randomUUID(), body: JSON.stringify({ changes, deletions }), sent, full };
    await chrome.storage.local.set({ [INFLIGHT]: f }); // before sending: a retry must reuse key and body
    return f;
  });
  if (!flight) return false;
  return (await send(call, flight)) || Boolean(flight.full);
}

/**
 * Sends a stored batch and applies the answer.
 * @returns {Promise<boolean>} whether another batch should follow at once (see applyResults)
 */
async function send(call, flight) {
  let data;
  let status;
  try {
    ({ status, data } = await call('POST', '/v1/sync', { body: flight.body, headers: { 'Idempotency-Key': flight.key } }));
  } catch (err) {
    if (!refusesBatch(err)) throw err; // kept in flight: the same request goes out again
    if (err.status === 400 && namesLifts(flight)) {
      // A server that does not take lifted names after all (an older one, one downgraded since this batch was
      // stored, or a deploy half done): nothing was applied and every record is still dirty. Named no more
      // until a pull says so again, the same edits go up in a rebuilt batch, without them, and meet the server
      // as any edit; nothing is marked refused for the names.
      serverLifts = false;
      await exclusive(() => chrome.storage.local.remove(INFLIGHT));
      return true;
    }
    await exclusive(() => refuse(flight, err));
    return true;
  }
  // Kept in flight: the same request goes out again once the network lets it through.
  if (!data || !Array.isArray(data.results)) throw account.foreignAnswer(await account.server(), status, data, 'push');
  return exclusive(async () => {
    const again = await applyResults(flight, data);
    await chrome.storage.local.remove(INFLIGHT);
    return again;
  });
}

/** Whether a stored batch names any lift (Change.lifted). */
const namesLifts = (flight) => JSON.parse(flight.body).changes.some((c) => Array.isArray(c.lifted) && c.lifted.length);

/**
 * Whether an error says the batch itself is at fault, so that sending it again cannot help: the server's own
 * "invalid" (400) or reused key (422), or a body too large for the server or a proxy before it (413). Any other
 * answer (a proxy's or firewall's 403 or 404, a route missing during a deploy) leaves the batch stored, to go
 * out again with the rounds' backoff: taking it for a refusal parked every edit in it and dropped its removals.
 * @param {{status?: number, code?: string}} err
 */
const refusesBatch = (err) => err.status === 413 ||
  (err.status === 400 && err.code === 'invalid') || (err.status === 422 && err.code === 'idempotency_key_reused');

/**
 * The server refused a whole batch (too large, or malformed). Retrying it unchanged cannot help, and dropping
 * its edits would lose them: the next batches are halved until the one paper at fault is alone, which then waits
 * with the server's reason shown until the user edits it again.
 */
async function refuse(flight, err) {
  const body = JSON.parse(flight.body);
  const n = body.changes.length + body.deletions.length;
  if (n > 1) {
    const lim = await limits();
    await setState({ limits: { ops: Math.max(1, Math.ceil(n / 2)), bytes: Math.max(16 * 1024, Math.floor(lim.bytes / 2)) } });
  } else if (body.changes.length) {
    const key = keyOf(body.changes[0].id);
    const { [key]: rec } = await chrome.storage.local.get(key);
    if (rec) {
      const next = structuredClone(upgrade(rec));
      next.sync.error = err.message || `refused (HTTP ${err.status})`;
      await chrome.storage.local.set({ [key]: next });
      index.written([key]);
    }
  } else {
    const gone = GONE_PREFIX + body.deletions[0].id;
    const { [gone]: tomb } = await chrome.storage.local.get(gone);
    if (tomb) {
      await chrome.storage.local.set({ [gone]: refusedRemoval(tomb, err.message || `HTTP ${err.status}`) });
      index.written([gone]);
    }
  }
  await chrome.storage.local.remove(INFLIGHT);
}

/**
 * A removal the server refuses: the paper is gone here and still saved there. Dropping the tombstone hid that (a
 * console line only); it stays, not pushed again, and counts as a refused edit does (sync-index.js), so the status
 * names the paper and why, until the round brings the paper back from the server (bringBackRefused, or a pull of a
 * newer copy), the paper is saved here again (save drops the tombstone), or removed there (a pull).
 * @param {{id: string, version: number, at?: number, title?: string}} tomb @param {string} why
 */
const refusedRemoval = (tomb, why) => ({ ...tomb, refused: why,
  error: `its removal (${why}), so it is still saved on your other devices: save it here again to keep it, or remove it there` });

/**
 * The record of a paper whose removal the server refused, from the server's item: back in the library, as the
 * server has it plus the edits typed here before the removal and not pushed (withUnsent), saying why until the user
 * edits, saves or removes it again.
 * @param {Item} item @param {{id: string, version: number, refused?: string, copy?: unknown}} tomb @returns {SavedPaper}
 */
function backAfterRefusal(item, tomb) {
  const rec = withUnsent(item, tomb);
  // A notice, not a sync error: the paper is synced (at the server's version, unless edits typed here before the
  // removal are still to push, which the status counts as any edit); only its removal failed.
  rec.sync.notice = removalRefusedNotice(tomb.refused, { withEdits: dirtyFields(rec).length > 0 });
  return rec;
}

/**
 * A paper whose removal did not go through (refused, or met by another device's edit), back from the server's
 * item PLUS this device's edits not pushed before the removal: its tombstone's copy keeps their marks
 * (library.remove), and merge keeps them on the version they were typed on, so the push sends them, or meets
 * another device's change of the same field as a conflict the user settles. Rebuilt from the item alone, a note
 * typed just before the removal was lost, and the paper shown Synced.
 * @param {Item} item @param {{id: string, version: number, copy?: unknown}} tomb @returns {SavedPaper}
 */
function withUnsent(item, tomb) {
  const copy = copyRecord(tomb);
  if (!copy || !copy.version || (!dirtyFields(copy).length && !copy.sync.conflict)) return fromItem(item);
  return merge(copy, item);
}

/**
 * The record of a paper whose removal the server refused and whose own copy it will not look up (its ID refused),
 * from the copy its tombstone kept (library.remove, updated by the pulls since: applyPull): back as this device last
 * had it. Its clean fields are at the copy's version, so nothing of them is pushed (the server would refuse its ID
 * again); an edit not pushed before the removal is still to push: refused while the server refuses the ID, and
 * shown so, then pushed, or met as a conflict, once it takes it, never overwritten by a pull as a clean field is.
 * Null when the tombstone kept none (an older version's) or it is not a record.
 * @param {{id: string, version: number, refused?: string, copy?: unknown}} tomb @returns {SavedPaper|null}
 */
function backFromCopy(tomb) {
  const rec = copyRecord(tomb);
  if (!rec) return null;
  rec.sync.notice = removalRefusedNotice(tomb.refused, { asHad: true });
  return rec;
}

/**
 * The record a tombstone's copy holds (library.remove; a pull may have updated it since: applyPull), with its edit
 * marks and conflict, at its own version: an edit not pushed when the paper was removed is still to push. A copy
 * kept without marks (an earlier build's) is clean, at the tombstone's version. Null when the tombstone kept none
 * (an older version's) or it is not a record.
 * @param {{id: string, version: number, copy?: unknown}} tomb @returns {SavedPaper|null}
 */
function copyRecord(tomb) {
  const copy = /** @type {any} */ (tomb.copy);
  if (!copy || typeof copy !== 'object' || copy.id !== tomb.id || typeof copy.title !== 'string') return null;
  const rec = /** @type {SavedPaper} */ (structuredClone({ ...copy, version: Number.isSafeInteger(copy.version) ? copy.version : tomb.version }));
  const { dirty, conflict } = copy.sync && typeof copy.sync === 'object' ? copy.sync : {};
  rec.sync = { dirty: dirty && typeof dirty === 'object' && !Array.isArray(dirty) ? dirty : {}, ...(conflict ? { conflict } : {}) };
  return rec;
}

/**
 * What the paper brought back after a refused removal says: what happened, and what to do next, in words. The
 * paper comes back at the server's own version, so removing it again sends a deletion the server takes, unless it
 * refused the paper's ID (shared/syncproto Deletion.Normalize's "id: ..."), which it will refuse again. Other reasons
 * (a base version out of range, an ID twice in one push, a server's own) are not shown as the server wrote them.
 * @param {string|undefined} why the server's message
 * @param {{asHad?: boolean, withEdits?: boolean}} [opts] asHad: it came back from this device's copy (backFromCopy), the
 *   server's refused; withEdits: from the server's item with edits typed here before the removal (withUnsent)
 */
export function removalRefusedNotice(why, { asHad = false, withEdits = false } = {}) {
  const raw = String(why || '').trim();
  const edits = withEdits ? ', with the edits you made here before removing it' : '';
  if (/^id:/.test(raw) || asHad) {
    // asHad: the server would not say whether it still has the paper (its look-up was refused for the ID too), so
    // the other devices' copies are not known; this device's copy holds what it last pulled and its own edits.
    return 'Not removed: the server no longer accepts this paper\'s ID, so it can\'t be removed or changed through sync. ' +
      `It is back ${asHad ? 'as this device last had it; your other devices may have another copy' : `as the server has it${edits}`}. ` +
      'Dismiss to keep it.';
  }
  // A base version out of range: one the server never gave (papergist sends none itself), so the record here was
  // damaged. Not "out of date": an older base version is no refusal but a conflict (editedThereNotice).
  const words = /^base_version:/.test(raw) ? ' (this device\'s copy of it was damaged)' : '';
  return `Not removed: the server refused the removal${words}. It is back as the server has it${edits}: remove it again to ` +
    'remove it everywhere, or Dismiss to keep it.';
}

/**
 * What a paper says that came back because the server kept it: edited on another device after the version this
 * device removed (a deletion answered "conflict"). It used to come back without a word, as if the removal had
 * never been made. It is back at the server's version (or its edits typed here go out first), so a removal again
 * is taken.
 * @param {boolean} withEdits it came back with edits typed here before the removal (withUnsent)
 */
export function editedThereNotice(withEdits) {
  return 'Not removed: it was changed on another device after this device last synced it. It is back as the server has ' +
    `it${withEdits ? ', with the edits you made here before removing it' : ''}: remove it again to remove it everywhere, ` +
    'or Dismiss to keep it.';
}

/**
 * Brings back the papers whose removal the server refused (refusedRemoval): gone here, they are still on the server
 * and the other devices, and a pull brings them only when they change there. Each is asked of the server
 * (GET /v1/items/<id>) and stored as it has it (backAfterRefusal); one the server answers it does not have is
 * removed there, and its tombstone goes. One the server will not look up (its ID is refused too) comes back from the
 * copy its tombstone kept (backFromCopy); without one (an older version's tombstone) it stays as it was, named in
 * the status, and is not asked again. Any other answer that fails (a 404 of a missing route, a proxy's 502, 503 or
 * 504 included) is asked again after LOOKUP_MIN_MS, doubling to LOOKUP_MAX_MS, at the first round after that; an
 * explicit Sync now (syncNow's lookUp) asks at once. No answer at all (the network down) fails the round, as before.
 * @param {boolean} asked the round is a Sync now's: asked at once, whatever the interval
 * @returns {Promise<boolean>} whether a paper came back with edits to push
 */
async function bringBackRefused(call, asked) {
  let toPush = false;
  for (const key of await index.refusedRemovals()) {
    const { [key]: tomb } = await chrome.storage.local.get(key);
    if (!tomb || !tomb.error || tomb.lookup) continue;
    // Its look-up failed lately: asked again later, unless the user asks now, or the wait is longer than any
    // interval (a clock set back since, or one far ahead when it was written).
    if (!asked && tomb.retry && Date.now() < tomb.retry.at && tomb.retry.at - Date.now() <= LOOKUP_MAX_MS) continue;
    let item = null;
    let lookup = '';
    let refusedId = false;
    let failed = false;
    let gone = false;
    try {
      const { data } = await call('GET', `/v1/items/${encodeURIComponent(tomb.id)}`);
      const { items, skipped } = checkPull({ items: [data] });
      if (skipped.length || items[0].id !== tomb.id) lookup = (skipped[0] && skipped[0].error) || 'the server sent another paper';
      else item = items[0];
    } catch (err) {
      // Only a failure with no answer (the network down) or a login ended ends the round. An answer's error, a
      // proxy's 502, 503 or 504 included, is this look-up's alone: the pull and push went through, and the status
      // must not say Offline over them every round.
      const answered = Number.isInteger(err.status) && err.status > 0;
      if (!answered || !(err instanceof account.SyncError) || err.code === 'signed_out') throw err;
      // Two 404s: the server's own miss names the item (backend/sqlite Item: "item <id> not found"): the paper is
      // not on the server (removed there, or its library rebuilt without it), so the removal is done. A route
      // missing during a deploy or behind a proxy answers only "Not Found" (Echo's): the tombstone stays and is
      // asked again. Pinned by backend/httpapi TestItemMissAndMissingRouteSayDifferentThings.
      if (err.status === 404 && err.code === 'not_found' && err.message === `item ${tomb.id} not found`) gone = true;
      else if (err.status === 400 && err.code === 'invalid') {
        lookup = err.message;
        refusedId = true;
      } else {
        console.warn(`papergist: looking up ${tomb.id}, whose removal the server refused`, err);
        failed = true;
      }
    }
    await exclusive(async () => {
      const k = keyOf(tomb.id);
      const { [key]: now, [k]: saved } = await chrome.storage.local.get([key, k]);
      if (!now || !now.error || saved) return; // saved again, or settled, meanwhile
      const copied = refusedId ? backFromCopy(now) : null;
      if (failed) {
        // Stored with the tombstone, so that a worker stopped and started again keeps the interval.
        const n = ((now.retry && now.retry.n) || 0) + 1;
        const wait = Math.min(LOOKUP_MAX_MS, LOOKUP_MIN_MS * 2 ** (n - 1));
        await chrome.storage.local.set({ [key]: { ...now, retry: { n, at: Date.now() + wait } } });
      } else if (copied) {
        // The record first, as below.
        await chrome.storage.local.set({ [k]: copied });
        await chrome.storage.local.remove(key);
        await placesChanged({}, { [k]: copied });
        if (dirtyFields(copied).length) toPush = true;
      } else if (lookup) {
        await chrome.storage.local.set({ [key]: { ...now, lookup } });
      } else if (item) {
        // The record first: a stop between the two writes leaves both, and library.leftover keeps one of them at
        // the next start (the tombstone if it has `at`, then looked up again; else the record, with its notice):
        // either is right. The other way round, a stop would hide the paper for good.
        const rec = backAfterRefusal(item, now);
        await chrome.storage.local.set({ [k]: rec });
        await chrome.storage.local.remove(key);
        await placesChanged({}, { [k]: rec });
        if (dirtyFields(rec).length) toPush = true;
      } else if (gone) {
        await chrome.storage.local.remove(key);
        console.info(`papergist: ${tomb.id}, whose removal the server refused, is not on the server: removed`);
      }
      index.written([key, k]);
    });
  }
  return toPush;
}

/**
 * Applies the server's per-item results of a push to the local records.
 * @returns {Promise<boolean>} whether a paper is ready to push again at once (its other edits, or a re-save)
 */
async function applyResults(flight, resp) {
  const body = JSON.parse(flight.body);
  const ids = [...body.changes.map((c) => c.id), ...body.deletions.map((d) => d.id)];
  const local = await chrome.storage.local.get(ids.flatMap((id) => [keyOf(id), GONE_PREFIX + id]));
  const put = {};
  const drop = [];
  let again = false;
  const now = new Date().toISOString();
  resp.results.forEach((r, i) => {
    if (!r || typeof r !== 'object') return; // malformed: the paper stays dirty and goes out again
    const item = usable(r.item) ? r.item : null;
    if (i >= body.changes.length) {
      const d = body.deletions[i - body.changes.length];
      if (!d) return;
      const saved = local[keyOf(d.id)];
      const tomb = local[GONE_PREFIX + d.id];
      if (r.status === 'invalid' && !saved && tomb) {
        put[GONE_PREFIX + d.id] = refusedRemoval(tomb, (r.error && r.error.message) || 'refused by the server');
        return;
      }
      if (r.status !== 'applied' && r.status !== 'conflict') return; // not a refusal the server said: tried again
      drop.push(GONE_PREFIX + d.id);
      if (r.status === 'applied' && saved && Number.isSafeInteger(r.version) && r.version > 0) {
        // Saved here again while its removal was in flight: created again on top of the removal, as the re-save
        // of a removed paper is, not an edit of the version it was removed at (which the server would take for
        // an edit of a paper removed elsewhere, a conflict).
        put[keyOf(d.id)] = { ...structuredClone(upgrade(saved)), version: r.version };
        again = true;
      }
      // Edited on another device after this one removed it: it comes back rather than losing that edit, with this
      // device's edits not pushed before the removal, which then go out at once.
      if (r.status === 'conflict' && item && !saved) {
        const rec = tomb ? withUnsent(item, tomb) : fromItem(item);
        rec.sync.notice = editedThereNotice(dirtyFields(rec).length > 0);
        put[keyOf(d.id)] = rec;
        if (dirtyFields(rec).length) again = true;
      }
      return;
    }
    const ch = body.changes[i];
    const rec = local[keyOf(ch.id)] && upgrade(local[keyOf(ch.id)]);
    if (!rec) {
      // Removed here while the push was in flight. The server has the item now (perhaps created by this very
      // push): the removal must reach it, based on the version the push made.
      if (r.status === 'applied' && item) put[GONE_PREFIX + ch.id] = { id: ch.id, version: item.version, title: item.title };
      return;
    }
    const next = structuredClone(rec);
    const { sync } = next;
    const seqs = flight.sent[ch.id] || {};
    /** Clears the marks of the fields sent, unless they were edited again since. */
    const acknowledge = (fields) => {
      for (const f of fields) if (sync.dirty[f] === seqs[f]) delete sync.dirty[f];
      keepLifted(sync);
    };
    if (r.status === 'applied' && item) {
      acknowledge(Object.keys(seqs));
      if (item.version >= (next.version || 0)) { // else an old answer replayed: newer state is here already
        adoptClean(next, item);
        next.version = item.version;
      }
      if (sync.conflict) sync.conflict = { ...sync.conflict, server: item, version: item.version };
      delete sync.error;
    } else if (r.status === 'conflict' && item) {
      // Only the fields the server names wait for the user (tags never conflict); the others go out again.
      const named = Array.isArray(r.fields) ? r.fields : Object.keys(seqs).filter((f) => f !== 'tags' && f !== 'saved_at');
      const equal = Object.keys(seqs).filter((f) => same(f, ch[f], valueOf(item, f)));
      acknowledge(equal);
      const fields = named.filter((f) => seqs[f] !== undefined && !equal.includes(f));
      if (fields.length) sync.conflict = { fields, server: item, version: item.version, at: now };
      again = true;
    } else if (r.status === 'conflict' && !ch.base_version && r.version > 0) {
      // Saved anew where the server has a removal this device never saw: not an edit of a removed paper, so it
      // is created again on top of the removal.
      next.version = r.version;
      again = true;
    } else if (r.status === 'conflict') {
      // Removed on another device after this one's edit was based: keep it or let it go, the user says.
      sync.conflict = { fields: Object.keys(seqs), server: null, version: r.version || 0, at: now };
    } else {
      // Refused as malformed: retrying cannot help, and dropping would lose the edit. It waits, with the reason
      // shown, until the user edits the paper again.
      sync.error = (r.error && r.error.message) || `refused by the server (${r.status})`;
    }
    put[keyOf(ch.id)] = next;
  });
  if (drop.length) await chrome.storage.local.remove(drop);
  if (Object.keys(put).length) await chrome.storage.local.set(put);
  index.written([...drop, ...Object.keys(put)]);
  await placesChanged(local, put);
  return again;
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
    const { [key]: stored } = await chrome.storage.local.get(key);
    const rec = stored && upgrade(stored);
    if (!rec || !rec.sync.conflict) throw new Error(`${id} has no conflict to settle`);
    const { server, version, fields } = rec.sync.conflict;
    const next = structuredClone(rec);
    const { dirty } = next.sync;
    const mark = newMark();
    delete next.sync.conflict;
    if (!server) {
      if (keep === 'theirs') {
        await chrome.storage.local.remove(key);
        index.written([key]);
        return forgetTyped([id]);
      }
      // Brought back: created again on top of its tombstone's version, with every field.
      next.version = version;
      for (const n of NAMES) dirty[n] = mark;
    } else {
      // Either choice goes to the server: the fields pushed again settle the item's dispute, which is how the
      // other device learns what was kept.
      for (const f of fields) {
        if (keep === 'theirs') next[f] = valueOf(server, f);
        dirty[f] = mark;
      }
      adoptClean(next, server);
      next.version = server.version;
    }
    keepLifted(next.sync); // a choice is no lift: the fields marked anew lose their lift marks
    await chrome.storage.local.set({ [key]: next });
    index.written([key]);
  });
  return syncNow();
}

let statusTimer = 0;
/** Recomputes the status's counts soon (edits come in bursts). */
function refreshStatus() {
  clearTimeout(statusTimer);
  return new Promise((resolve) => {
    statusTimer = setTimeout(() => {
      resolve(writeStatus(KEEP, (prev) => prev && errorOf(prev)));
    }, 100);
  });
}

/** writeStatus's state that keeps the state shown unless it is one the counts decide (synced, pending). */
const KEEP = 'keep';
/** @type {SyncStatus['state'][]} the states KEEP keeps */
const KEPT = ['syncing', 'offline', 'error', 'signed-out'];
/** The status writes, one after another. @type {Promise<unknown>} */
let statusTail = Promise.resolve();

/**
 * Writes the status the popup shows, counting pending edits and conflicts from the records. One write at a time,
 * each from its own reads: were an edit's recount (a read of the whole library, long in a large one) to run
 * beside a round, the round's last status could land first and the recount's, read before it, last: "Syncing…",
 * or an edit "waiting" that had gone out, until the round that edit queued ended.
 * @param {SyncStatus['state']|'keep'|((prev: SyncStatus|undefined) => SyncStatus['state']|'keep')} [s] derived from
 *   the counts when absent; KEEP: as the status before, when the counts do not decide it (syncing, offline, error,
 *   signed out); or computed from the status before
 * @param {StatusError|((prev: SyncStatus|undefined) => StatusError)} [error] or computed from the status before
 * @param {{quick?: boolean}} [opts] quick: with the counts as they were, as 'syncing' always is
 * @returns {Promise<SyncStatus>}
 */
function writeStatus(s, error, { quick = false } = {}) {
  const write = statusTail.then(async () => {
    /** @type {SyncStatus|undefined} */
    let prev;
    if (s === KEEP || typeof s === 'function' || typeof error === 'function') ({ [STATUS_KEY]: prev } = await chrome.storage.local.get(STATUS_KEY));
    const wanted = typeof s === 'function' ? s(prev) : s;
    const state = wanted !== KEEP ? wanted : prev && KEPT.includes(prev.state) ? prev.state : undefined;
    return statusNow(state, typeof error === 'function' ? error(prev) : error, quick);
  });
  statusTail = write.catch(() => {});
  return write;
}

/**
 * Why a status is what it is: a message alone, or with its code (an ErrorInfo, a SyncError), which the popup reads.
 * @typedef {string|{message?: string, code?: string}|undefined} StatusError
 */

/** A status's error and code as a StatusError, for a write that keeps them (setError's reverse). @param {SyncStatus} status */
const errorOf = (status) => ({ message: status.error, code: status.code });

/** Sets status's error and code from e, dropping those of the status before. @param {SyncStatus} status @param {StatusError} e */
function setError(status, e) {
  delete status.error;
  delete status.code;
  const { message, code } = typeof e === 'string' ? { message: e, code: '' } : e || {};
  if (message) status.error = message;
  if (message && code) status.code = code;
}

/**
 * writeStatus's write, alone. @param {SyncStatus['state']} [s] @param {StatusError} [error] @param {boolean} [quick]
 * @returns {Promise<SyncStatus>}
 */
async function statusNow(s, error, quick = false) {
  if (s && (s === 'syncing' || quick)) {
    // Counts as they were: a scan of every record would cost a large library a quarter second per round.
    const { [STATUS_KEY]: prev } = await chrome.storage.local.get(STATUS_KEY);
    // Right after sign-in the signed-out status's counts are not this account's (the rebase makes every paper
    // pending): none are said until the rebase has counted them.
    const counts = prev && prev.state !== 'signed-out' ? prev : {};
    const status = { pending: 0, conflicts: 0, ...counts, state: s, at: new Date().toISOString() };
    setError(status, error);
    await chrome.storage.local.set({ [STATUS_KEY]: status });
    return status;
  }
  const { pending, conflicts, disputes, errors, removals, reason } = await index.counts();
  if (!s && errors) {
    s = 'error';
    error = { message: errors === 1 ? `the server refuses ${reason}` : `the server refuses ${errors} papers, such as ${reason}`, code: 'invalid' };
  }
  const st = await state();
  /** @type {SyncStatus} */
  const status = { state: s || (pending ? 'pending' : 'synced'), pending, conflicts, disputes, at: new Date().toISOString() };
  // Said offline too, where the error is the connection's: the papers the server refused wait for the user.
  // Refused removals apart: those papers are not in the list to fix, and stay removed here only until a look-up
  // brings them back (bringBackRefused), the user saves them again, or the server no longer has them.
  if (errors) Object.assign(status, { refused: errors, refusedWhy: reason }, removals ? { refusedRemovals: removals } : {});
  setError(status, error);
  if (st.lastSynced) status.lastSynced = st.lastSynced;
  await chrome.storage.local.set({ [STATUS_KEY]: status });
  return status;
}

/**
 * Before a sign-in: the papers synced with another account (lib/other-account.js) go up to the account signed in
 * to only with the user's consent, given on the options page (choice 'add'). Refused without it, before any
 * request: they are never uploaded to another account unasked.
 * @param {string} server an origin @param {string} email @param {unknown} choice
 */
export async function chooseForSignIn(server, email, choice) {
  await claimUnpushed(); // a session that ended unseen (a worker stopped): its papers not uploaded are its own
  const other = otherAccountPapers(await chrome.storage.local.get(null), server, email);
  if (other && choice !== 'add') {
    throw new account.SyncError(`this browser holds ${heldText(other)}: ` +
      `agree first to add ${other.count === 1 ? 'it' : 'them'} to the account you sign in to`, { code: 'consent_required' });
  }
}

/**
 * After sign-in: a first round at once (it uploads what was saved while signed out). The session is noted open
 * first (opened), also should the round wait behind another.
 */
export async function signedIn() {
  const a = await account.session();
  if (a) await opened(a);
  return syncNow();
}

/**
 * The server ended this login (the device was signed out elsewhere, or its refresh token expired), as a request
 * outside a round learnt: the status says so and why, as a round's would.
 * @param {string} why
 */
export async function endedOnServer(why) {
  if (await account.session()) return; // signed in again meanwhile
  await dropRetry();
  await claimUnpushed();
  await writeStatus('signed-out', why);
}

/**
 * After sign-out: the status says so; the records and their versions stay for the next sign-in, and those not
 * uploaded are stamped as the account's (claimUnpushed).
 */
export async function signedOut() {
  forgetPulled(); // no pull removes anything now; an edit of a paper removed before stays refused
  await dropRetry();
  await claimUnpushed();
  return writeStatus('signed-out');
}

/** Starts the triggers; called once per worker start, synchronously, so that listeners are registered in time. */
export function start() {
  onLocalChange(soon);
  chrome.alarms.onAlarm.addListener((a) => {
    // The periodic round is a fallback: while a long poll is open, the server tells of changes by itself.
    if (a.name === RETRY_ALARM) syncNow().catch(() => {}); // the back-off's end
    else if (a.name === ALARM && !listening()) syncNow({ auto: true }).catch(() => {});
  });
  chrome.runtime.onStartup.addListener(() => syncNow({ auto: true }).catch(() => {}));
  self.addEventListener('online', () => syncNow({ auto: true }).catch(() => {}));
  chrome.alarms.get(ALARM).then((a) => { if (!a) return chrome.alarms.create(ALARM, { periodInMinutes: PERIOD_MIN }); });
  // A worker that wakes up signed in, with a batch in flight, edits not pushed, or a stale library syncs now.
  (async () => {
    if (!(await account.session())) return claimUnpushed(); // a session that ended while no worker ran
    const { [INFLIGHT]: flight, [STATUS_KEY]: status } = await chrome.storage.local.get([INFLIGHT, STATUS_KEY]);
    const st = await state();
    const stale = Date.now() - st.lastRound > STARTUP_GAP_MS;
    if (flight || stale || !status || status.pending || status.state !== 'synced') await syncNow({ auto: true });
    listen();
  })().catch((err) => console.warn('papergist: sync at start', err));
}
