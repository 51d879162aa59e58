// The options page: the sync server, sign-in or account creation, and once signed in this device's name, the
// account's devices, sign-out and the sync status. It talks to the background only through lib/messages.js (the
// background holds the tokens) and reads the sync status from chrome.storage.local. Every failure is shown as
// text on the page. body[data-state] is 'loading', 'signed-out', 'signed-in', 'busy' or 'error' (for the tests).
import { MSG, STATUS_KEY, CHECKED_KEY, send, sentenceOf } from '../lib/messages.js';
import { DEFAULT_SERVER, MIN_PASSWORD, parseServer, deviceNameProblem, defaultDeviceName } from './fields.js';
import { statusText, isOffline, ago } from './status-text.js';
import { otherAccountPapers, ownerOf, heldText } from '../lib/other-account.js';

/** @typedef {import('../lib/messages.js').Account} Account */
/** @typedef {import('../lib/messages.js').Device} Device */
/** @typedef {import('../lib/messages.js').SyncStatus} SyncStatus */

const $ = (sel) => /** @type {HTMLElement} */ (document.querySelector(sel));
const input = (sel) => /** @type {HTMLInputElement} */ (document.querySelector(sel));

/** @type {Account|null} */
let account = null;
/** @type {SyncStatus|null} */
let lastStatus = null;
/** @type {string|undefined} when the library was last known current (sync:checked): "Up to date" needs it recent */
let lastChecked;
/**
 * Origins known to be granted. The sign-in click must call chrome.permissions.request before its first await
 * (the browser only prompts during a user gesture), so it decides from what was checked beforehand.
 * @type {Map<string, boolean>}
 */
const granted = new Map();
/** Set while this page signs out, so that load() does not take it for a login ended by the server. */
let signingOut = false;

// --- messages on the page ---

function showError(text) {
  const el = $('#error');
  el.textContent = text;
  el.hidden = !text;
}

function showNotice(text) {
  const el = $('#notice');
  el.textContent = text;
  el.hidden = !text;
}

function clearMessages() {
  showError('');
  showNotice('');
}

const messageOf = (err) => sentenceOf(err);

/** Marks a field wrong with its message under it, or right again with ''. */
function fieldError(sel, text) {
  const el = input(sel);
  el.setAttribute('aria-invalid', String(Boolean(text)));
  const note = document.getElementById(`${el.id}-error`);
  if (note) {
    note.textContent = text;
    note.hidden = !text;
  }
}

// --- state ---

function setState(state) {
  document.body.dataset.state = state;
  $('#loading').hidden = true;
}

/**
 * Runs one action with every button disabled and the page 'busy'. Its failure is shown as "<what> failed: why";
 * either way the page then shows the account as the background has it (a revoked login ends signed out).
 * @param {string} what @param {() => Promise<void>} fn
 */
async function run(what, fn) {
  setState('busy');
  for (const b of document.querySelectorAll('button')) b.disabled = true;
  let failed = null;
  try {
    await fn();
  } catch (err) {
    failed = err;
  }
  for (const b of document.querySelectorAll('button')) b.disabled = false;
  await load();
  if (failed) {
    showNotice('');
    showError(`${what} failed: ${messageOf(failed)}`);
  }
}

/** Asks the background for the account and shows the signed-in or signed-out view. */
async function load() {
  try {
    const { account: acc, server } = await send(MSG.GET_ACCOUNT);
    const was = account;
    account = acc || null;
    if (was && !account && !signingOut) {
      // The background dropped the session: the server refused this login (revoked elsewhere, or expired).
      const why = lastStatus && lastStatus.state === 'signed-out' && lastStatus.error
        ? lastStatus.error.replace(/^signed out:\s*/i, '')
        : 'the server ended this login (revoked from another device, or expired); sign in again';
      showNotice('');
      showError(`You are signed out: ${why}.`);
    }
    if (account) await showSignedIn(account);
    else showSignedOut(server || DEFAULT_SERVER);
  } catch (err) {
    setState('error');
    showError(`Cannot read the sync account from the extension: ${messageOf(err)}. Reload this page to try again.`);
  }
}

// --- signed out ---

let formFilled = false;

function showSignedOut(server) {
  clearDevices(); // the list belongs to the login that ended: never show it to the next one
  $('#signed-in').hidden = true;
  $('#signed-out').hidden = false;
  if (!formFilled) {
    // Once: afterwards the fields keep what the user typed, also after a failed sign-in.
    input('#server').value = server;
    input('#device-name').value = defaultDeviceName(navigator);
    formFilled = true;
  }
  checkGrant(server);
  setState('signed-out');
  showLibraryNote();
}

/** @type {Record<string, any>|null} chrome.storage.local as read for the note and the question below */
let stored = null;

/**
 * Says, before the click, what signing in does with the papers of this browser: those saved while signed out go up
 * to the account signed in to; those synced with another account (lib/other-account.js) only with the consent asked
 * for in the fieldset, shown while the form names another account than theirs (the same account asks nothing).
 */
async function showLibraryNote() {
  try {
    stored = await chrome.storage.local.get(null);
  } catch {
    stored = null;
  }
  showOtherPapers();
}

/** @type {{from: string, count: number, unsent: number}|null} the papers the fieldset asks about now */
let other = null;

/** The note and the question for the account the form names now. */
function showOtherPapers() {
  const note = $('#library-note');
  const box = $('#other-papers');
  const papers = stored ? Object.entries(stored).filter(([k, v]) => k.startsWith('paper:') && v && typeof v === 'object').map(([, v]) => v) : [];
  let server = '';
  try {
    server = parseServer(input('#server').value);
  } catch { /* said at the click */ }
  other = stored && server ? otherAccountPapers(stored, server, input('#email').value) : null;
  const last = stored && stored['sync:state'] && typeof stored['sync:state'].account === 'string' ? stored['sync:state'].account : '';
  // Only papers saved while signed out: those of an account (synced with it, or saved while signed in to it) are its
  // own (same account) or asked about.
  const up = papers.filter((p) => !ownerOf(p, last)).length;
  note.textContent = !up ? ''
    : `Signing in adds the ${up === 1 ? 'paper' : `${up} papers`} saved in this browser while signed out, with ` +
      `${up === 1 ? 'its' : 'their'} tags and notes, to the account you sign in to.`;
  note.hidden = !up;
  box.hidden = !other;
  if (other) {
    const one = other.count === 1;
    $('#other-papers-legend').textContent = `This browser holds ${heldText(other)}: signing in to another account adds ` +
      `${one ? 'it' : 'them'}, with ${one ? 'its' : 'their'} tags and notes, to that account.`;
  } else {
    input('#others-add').checked = false;
  }
}

// Papers saved, removed or synced meanwhile (another tab, the popup): the note and the question follow.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || document.body.dataset.state !== 'signed-out') return;
  if (Object.keys(changes).some((k) => k.startsWith('paper:') || k === 'sync:state')) showLibraryNote();
});

/** Remembers whether the extension may connect to the server typed in (see granted). */
function checkGrant(raw) {
  let origin;
  try {
    origin = parseServer(raw);
  } catch {
    return;
  }
  chrome.permissions.contains({ origins: [`${origin}/*`] })
    .then((ok) => granted.set(origin, ok))
    .catch(() => granted.delete(origin));
}

chrome.permissions.onAdded.addListener(() => checkGrant(input('#server').value));
chrome.permissions.onRemoved.addListener(() => granted.clear());

input('#server').addEventListener('input', () => {
  fieldError('#server', '');
  showOtherPapers();
});
input('#email').addEventListener('input', showOtherPapers);
$('#other-papers').addEventListener('change', () => { $('#others-error').textContent = ''; });
input('#server').addEventListener('change', () => {
  const el = input('#server');
  let origin;
  try {
    origin = parseServer(el.value);
  } catch (err) {
    fieldError('#server', err.message);
    return;
  }
  fieldError('#server', '');
  el.value = origin;
  checkGrant(origin);
  if (!account) {
    send(MSG.SET_SERVER, { server: origin }).catch((err) => fieldError('#server', messageOf(err)));
  }
});

$('#account-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const submitter = /** @type {SubmitEvent} */ (ev).submitter;
  signIn(Boolean(submitter && submitter.id === 'create'));
});

/**
 * Signs in or creates the account. Synchronous up to chrome.permissions.request, which must run while the click
 * still counts as a user gesture; the request is skipped when the server's origin is already granted (headless
 * Chromium never settles it, and a granted origin needs no prompt).
 */
function signIn(create) {
  clearMessages();
  const what = create ? 'Creating the account' : 'Signing in';
  let origin;
  try {
    origin = parseServer(input('#server').value);
    fieldError('#server', '');
  } catch (err) {
    // Said once, under the field: a live region (role=alert), so that a screen reader says it also when the
    // focus is already there (Enter in the field moves nothing); focus moves there from elsewhere.
    fieldError('#server', err.message);
    input('#server').focus();
    return;
  }
  const email = input('#email').value.trim();
  const password = input('#password').value;
  const deviceName = input('#device-name').value.trim();
  const problem = !email ? ['#email', 'enter your email address.']
    : !password ? ['#password', 'enter your password.']
      : create && [...password].length < MIN_PASSWORD ? ['#password', `a new account's password needs at least ${MIN_PASSWORD} characters.`]
        : deviceNameProblem(deviceName) ? ['#device-name', deviceNameProblem(deviceName)] : null;
  if (problem) {
    showError(`${what} failed: ${problem[1]}`);
    input(problem[0]).focus();
    return;
  }
  showOtherPapers(); // the account typed now: the consent is asked for it
  const others = other && input('#others-add').checked ? 'add' : '';
  $('#others-error').textContent = '';
  if (other && !others) {
    const them = other.count === 1 ? 'it' : 'them';
    $('#others-error').textContent = `Tick “Add them to the account I sign in to” to add ${them}, or keep ${them} out as said below.`;
    showError(`${what} refused: nothing was sent. This browser holds ${heldText(other)}; signing in here would add ${them} to ${email}.`);
    input('#others-add').focus();
    return;
  }
  const permission = granted.get(origin) === true
    ? Promise.resolve(true)
    : chrome.permissions.request({ origins: [`${origin}/*`] });
  run(what, async () => {
    if (granted.get(origin) !== true) showNotice(`Allow papergist to connect to ${origin} when the browser asks.`);
    let ok;
    try {
      ok = await permission;
    } catch (err) {
      throw new Error(`the browser did not let papergist ask for access to ${origin}: ${messageOf(err)}`, { cause: err });
    }
    if (!ok) {
      throw new Error(`papergist needs your permission to connect to ${origin}, and it was not given. ` +
        `Click ${create ? 'Create account' : 'Sign in'} again and choose Allow.`);
    }
    granted.set(origin, true);
    showNotice('');
    let acc;
    try {
      ({ account: acc } = await send(MSG.SIGN_IN, { server: origin, email, password, deviceName, create, ...(others ? { others } : {}) }));
    } catch (err) {
      // No answer at all: a typo in the address, or the server not started. Say what to check.
      const why = messageOf(err);
      if (err && err.code === 'consent_required') showLibraryNote(); // the form's picture was stale: it asks now
      if (/^cannot reach /.test(why)) throw new Error(`${why}: check the server address, and that the server is running`, { cause: err });
      throw err;
    }
    input('#password').value = '';
    showNotice(`${create ? 'Account created. ' : ''}Signed in as ${acc.email}; your saved papers are syncing.`);
  });
}

// --- signed in ---

async function showSignedIn(acc) {
  $('#signed-out').hidden = true;
  $('#signed-in').hidden = false;
  $('#account-email').textContent = acc.email;
  $('#account-server').textContent = acc.server;
  const rename = input('#rename');
  if (document.activeElement !== rename) rename.value = acc.deviceName;
  showStatus(lastStatus);
  setState('signed-in');
  await loadDevices();
}

/** The device whose login the list shown belongs to. */
let devicesOf = '';

function clearDevices() {
  $('#devices').replaceChildren();
  delete $('#devices').dataset.loaded;
  devicesOf = '';
}

async function loadDevices() {
  const status = $('#devices-status');
  if (account && devicesOf !== account.deviceId) clearDevices(); // another login's list: gone before the fetch
  try {
    const { devices } = await send(MSG.LIST_DEVICES);
    devicesOf = account ? account.deviceId : '';
    // This device first, then the others by when they were last seen.
    const order = [...devices].sort((a, b) => Number(b.current) - Number(a.current) ||
      String(b.last_seen_at).localeCompare(String(a.last_seen_at)));
    // Two browsers left at the proposed name ("Chromium on Linux") are told apart by when each signed in.
    const names = order.map((d) => d.name);
    const twins = new Set(names.filter((n, i) => names.indexOf(n) !== i));
    $('#devices').replaceChildren(...order.map((d) => deviceItem(d, twins.has(d.name))));
    status.hidden = true;
    status.classList.remove('error');
    $('#devices').dataset.loaded = String(Date.now());
  } catch (err) {
    clearDevices();
    status.textContent = `Cannot list the devices: ${messageOf(err)}`;
    status.classList.add('error');
    status.hidden = false;
  }
}

/** @param {Device} d @param {boolean} [twin] another device of the list has its name */
function deviceItem(d, twin = false) {
  const li = /** @type {HTMLElement} */ (/** @type {HTMLTemplateElement} */ ($('#device-item')).content.firstElementChild.cloneNode(true));
  li.dataset.deviceId = d.id;
  li.dataset.current = String(Boolean(d.current));
  li.querySelector('.name').textContent = d.name;
  /** @type {HTMLElement} */ (li.querySelector('.this-device')).hidden = !d.current;
  const seen = /** @type {HTMLElement} */ (li.querySelector('.seen'));
  seen.textContent = (d.current ? 'in use now' : `last seen ${ago(d.last_seen_at)}`) +
    (twin ? `, signed in ${new Date(d.created_at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}` : '');
  seen.title = `signed in ${new Date(d.created_at).toLocaleString()}, last seen ${new Date(d.last_seen_at).toLocaleString()}`;
  const revoke = /** @type {HTMLButtonElement} */ (li.querySelector('.revoke'));
  if (d.current) {
    revoke.remove(); // this device signs out with Sign out
  } else {
    revoke.setAttribute('aria-label', `Revoke ${d.name}`);
    revoke.addEventListener('click', () => {
      if (!confirm(`Revoke "${d.name}"? That browser is signed out and stops syncing until it signs in again. Its saved papers stay on it.`)) return;
      clearMessages();
      run('Revoking the device', async () => {
        await send(MSG.REVOKE_DEVICE, { id: d.id });
        showNotice(`Revoked "${d.name}".`);
      });
    });
  }
  return li;
}

$('#rename-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  clearMessages();
  const name = input('#rename').value.trim();
  const problem = deviceNameProblem(name);
  if (problem) {
    showError(`Renaming failed: ${problem}`);
    return;
  }
  run('Renaming', async () => {
    const { account: acc } = await send(MSG.RENAME_DEVICE, { name });
    input('#rename').value = acc.deviceName;
    showNotice(`This device is now called "${acc.deviceName}".`);
  });
});

$('#sign-out').addEventListener('click', async () => {
  clearMessages();
  signingOut = true;
  await run('Signing out', async () => {
    await send(MSG.SIGN_OUT);
    showNotice('Signed out. Your saved papers stay in this browser.');
  });
  signingOut = false;
});

$('#sync-now').addEventListener('click', () => {
  clearMessages();
  run('Syncing', async () => {
    const { status } = await send(MSG.SYNC_NOW);
    showStatus(status);
  });
});

// --- sync status ---

/** @param {SyncStatus|null} st */
function showStatus(st) {
  lastStatus = st;
  const el = $('#sync-status');
  const offline = !!st && isOffline(st, Date.now(), lastChecked);
  el.dataset.syncState = !st ? '' : offline ? 'offline' : st.state;
  el.textContent = statusText(st, Date.now(), lastChecked);
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (changes[CHECKED_KEY]) {
    lastChecked = changes[CHECKED_KEY].newValue;
    if (!changes[STATUS_KEY]) showStatus(lastStatus);
  }
  if (!changes[STATUS_KEY]) return;
  const st = changes[STATUS_KEY].newValue || null;
  showStatus(st);
  // Signed out by the background (this login was revoked elsewhere): show the sign-in form.
  if (st && st.state === 'signed-out' && account && document.body.dataset.state !== 'busy') load();
});
setInterval(() => showStatus(lastStatus), 30_000); // "last synced N minutes ago" ages, "Up to date" goes stale

// --- start ---

addEventListener('error', (e) => showError(`Something went wrong on this page: ${e.message}`));
addEventListener('unhandledrejection', (e) => showError(`Something went wrong on this page: ${messageOf(e.reason)}`));

chrome.storage.local.get([STATUS_KEY, CHECKED_KEY])
  .then(({ [STATUS_KEY]: st, [CHECKED_KEY]: at }) => {
    lastChecked = at;
    showStatus(st || null);
  })
  .catch((err) => { $('#sync-status').textContent = `Cannot read the sync status: ${messageOf(err)}`; });
load();
