// The options page against the real server: create an account, sign out and in, see, rename and revoke devices,
// sync now, and the errors a user meets (bad server address, wrong password, no server, revoked elsewhere), all
// shown on the page. The extension copy is granted http://127.0.0.1/* at install: headless Chromium never settles
// the permission prompt, and the page skips it for an origin already granted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser } from '../lib/browser.js';
import { Backend, newEmail, freePort } from '../lib/backend.js';
import { parseServer, deviceNameProblem, defaultDeviceName } from '../../../extension/options/fields.js';

const PASSWORD = 'correct horse battery staple';

/** @type {Backend} */
let backend;
/** @type {Browser} */
let browser;

before(async () => {
  backend = await new Backend().start();
  browser = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
});
after(async () => {
  await browser?.dispose();
  await backend?.dispose();
});

/** Opens the options page and waits until it shows signed in or out. */
async function openOptions() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await settled(page);
  return page;
}

/** Waits until the page is done with its last action; returns 'signed-in' or 'signed-out'. */
async function settled(page, want) {
  await page.waitForFunction((w) => {
    const s = document.body.dataset.state;
    return w ? s === w : s === 'signed-in' || s === 'signed-out' || s === 'error';
  }, want, { timeout: 20_000 });
  return page.evaluate(() => document.body.dataset.state);
}

/** What the page shows: state, messages and the device list. */
function view(page) {
  return page.evaluate(() => {
    const shown = (sel) => {
      const el = document.querySelector(sel);
      return el && !el.hidden && !el.closest('[hidden]') ? el.textContent.trim() : '';
    };
    return {
      state: document.body.dataset.state,
      error: shown('#error'),
      notice: shown('#notice'),
      serverError: shown('#server-error'),
      email: shown('#account-email'),
      server: shown('#account-server'),
      status: shown('#sync-status'),
      devices: [...document.querySelectorAll('#devices li.device')].map((li) => ({
        id: li.dataset.deviceId,
        name: li.querySelector('.name').textContent,
        current: !li.querySelector('.this-device').hidden,
        revocable: Boolean(li.querySelector('.revoke')),
      })),
    };
  });
}

/** Fills the sign-in form and clicks Sign in or Create account. */
async function submitAccount(page, { server = backend.url, email, password = PASSWORD, deviceName, create = false }) {
  await page.fill('#server', server);
  await page.fill('#email', email);
  await page.fill('#password', password);
  if (deviceName !== undefined) await page.fill('#device-name', deviceName);
  await page.click(create ? '#create' : '#sign-in');
}

/** The account's devices as the server lists them, seen from a fresh login of its own. */
async function serverDevices(email) {
  const s = await backend.login(email, PASSWORD, 'checker');
  const { status, body } = await backend.api('GET', '/v1/devices', { token: s.token });
  assert.equal(status, 200, JSON.stringify(body));
  await backend.api('POST', '/v1/auth/logout', { token: s.token });
  return body.devices.filter((d) => d.id !== s.device_id);
}

test('an account from the options page: create, sign out and in, devices, rename, revoke, sync', async (t) => {
  const email = newEmail('options');
  const page = await openOptions();
  let acceptDialogs = false; // the answer to the page's confirm()
  page.on('dialog', (d) => (acceptDialogs ? d.accept() : d.dismiss()));

  await t.test('signed out at first, with the default server and a device name of this browser', async () => {
    assert.equal(await settled(page), 'signed-out');
    assert.equal(await page.inputValue('#server'), 'http://127.0.0.1:8080');
    assert.match(await page.inputValue('#device-name'), /^(Chrome|Chromium) on Linux$/);
  });

  let laptopId;
  await t.test('Create account signs in and shows the email, the server and this device', async () => {
    await submitAccount(page, { email, deviceName: 'Laptop', create: true });
    assert.equal(await settled(page, 'signed-in'), 'signed-in');
    await page.waitForSelector('#devices li.device');
    const v = await view(page);
    assert.equal(v.error, '');
    assert.equal(v.email, email);
    assert.equal(v.server, backend.url);
    assert.match(v.notice, /Account created/);
    assert.equal(await page.inputValue('#rename'), 'Laptop');
    assert.equal(v.devices.length, 1);
    assert.deepEqual({ ...v.devices[0], id: undefined }, { id: undefined, name: 'Laptop', current: true, revocable: false });
    laptopId = v.devices[0].id;
    assert.deepEqual((await serverDevices(email)).map((d) => [d.id, d.name]), [[laptopId, 'Laptop']]);
  });

  await t.test('the sync status line follows the background, and Sync now runs a round', async () => {
    await page.waitForFunction(() => /Up to date/.test(document.querySelector('#sync-status').textContent), null, { timeout: 20_000 });
    await page.evaluate(() => chrome.storage.local.set({
      'sync:status': { state: 'offline', pending: 2, conflicts: 1, error: 'cannot reach the server (test)', at: new Date().toISOString() },
    }));
    await page.waitForFunction(() => document.querySelector('#sync-status').dataset.syncState === 'offline');
    assert.match((await view(page)).status, /^Offline — 2 changes kept\. 2 changes stay on this device .*1 conflict waits for your choice in the toolbar popup/);
    assert.match((await view(page)).status, /Why: cannot reach the server \(test\)\.$/, 'the error\'s words, in view');
    // Offline with a refused removal, and a retry round behind a network login page: the popup's words (its line,
    // then its tooltip), not "Syncing…" nor a count that leaves the refused papers out.
    await page.evaluate(() => chrome.storage.local.set({
      'sync:status': { state: 'offline', pending: 3, conflicts: 0, refused: 1, refusedRemovals: 1, at: new Date().toISOString() },
    }));
    await page.waitForFunction(() => /refused/.test(document.querySelector('#sync-status').textContent));
    assert.match((await view(page)).status, /^Offline — 3 changes kept; 1 refused\. .*1 paper whose removal the server refused is removed here only/);
    await page.evaluate(() => chrome.storage.local.set({
      'sync:status': { state: 'syncing', pending: 2, conflicts: 0, code: 'network_login', at: new Date().toISOString() },
    }));
    await page.waitForFunction(() => /sign in to the network/.test(document.querySelector('#sync-status').textContent));
    assert.match((await view(page)).status, /^Offline — sign in to the network\. A network login page is in the way: open any web page/);
    assert.equal(await page.getAttribute('#sync-status', 'data-sync-state'), 'offline');
    await page.click('#sync-now');
    await settled(page, 'signed-in');
    await page.waitForFunction(() => document.querySelector('#sync-status').dataset.syncState === 'synced');
    assert.match((await view(page)).status, /^Up to date \(last synced just now\)\.$/);
  });

  await t.test('Sign out shows the sign-in form and ends the login on the server', async () => {
    await page.click('#sign-out');
    assert.equal(await settled(page, 'signed-out'), 'signed-out');
    const v = await view(page);
    assert.match(v.notice, /Signed out/);
    assert.equal(v.error, '');
    assert.deepEqual(v.devices, [], 'the ended login\'s device list is gone');
    assert.deepEqual(await serverDevices(email), []);
  });

  await t.test('Sign in again', async () => {
    await submitAccount(page, { email, deviceName: 'Laptop' });
    assert.equal(await settled(page, 'signed-in'), 'signed-in');
    await page.waitForSelector('#devices li.device');
    const v = await view(page);
    assert.equal(v.email, email);
    assert.match(v.notice, /^Signed in as /);
    assert.deepEqual(v.devices.map((d) => [d.name, d.current]), [['Laptop', true]]);
    assert.notEqual(v.devices[0].id, laptopId, 'the new login\'s device, not the list from before the sign-out');
    laptopId = v.devices[0].id;
  });

  await t.test('a second device appears (its name as text, never as markup) and can be revoked', async () => {
    const phone = await backend.login(email, PASSWORD, '<b>Phone</b> <img src=x onerror="document.title=1">');
    await page.reload();
    await settled(page, 'signed-in');
    await page.waitForSelector(`#devices li[data-device-id="${phone.device_id}"]`);
    let v = await view(page);
    assert.deepEqual(v.devices.map((d) => [d.id, d.name, d.current, d.revocable]).sort(), [
      [laptopId, 'Laptop', true, false],
      [phone.device_id, '<b>Phone</b> <img src=x onerror="document.title=1">', false, true],
    ].sort());
    assert.equal(await page.locator('#devices img, #devices b').count(), 0);

    acceptDialogs = false; // Cancel in the confirmation keeps it
    await page.click(`#devices li[data-device-id="${phone.device_id}"] .revoke`);
    assert.equal((await backend.api('GET', '/v1/me', { token: phone.token })).status, 200);

    acceptDialogs = true;
    await page.click(`#devices li[data-device-id="${phone.device_id}"] .revoke`);
    await settled(page, 'signed-in');
    await page.waitForSelector(`#devices li[data-device-id="${phone.device_id}"]`, { state: 'detached' });
    v = await view(page);
    assert.equal(v.error, '');
    assert.match(v.notice, /^Revoked /);
    assert.deepEqual(v.devices.map((d) => d.id), [laptopId]);
    assert.equal((await backend.api('GET', '/v1/me', { token: phone.token })).status, 401);
    assert.deepEqual((await serverDevices(email)).map((d) => d.id), [laptopId]);
  });

  await t.test('Rename shows the new name here and on the server; a bad name is refused on the page', async () => {
    await page.fill('#rename', '  Work laptop  ');
    await page.click('#rename-button');
    await settled(page, 'signed-in');
    await page.waitForFunction(() => document.querySelector('#devices li.device .name')?.textContent === 'Work laptop');
    const v = await view(page);
    assert.equal(v.error, '');
    assert.match(v.notice, /now called "Work laptop"/);
    assert.equal(await page.inputValue('#rename'), 'Work laptop');
    assert.deepEqual((await serverDevices(email)).map((d) => [d.id, d.name]), [[laptopId, 'Work laptop']]);

    await page.evaluate(() => { document.querySelector('#rename').value = 'x'.repeat(101); }); // past the server's 100
    await page.click('#rename-button');
    assert.match((await view(page)).error, /^Renaming failed: The device name is too long/);
    assert.deepEqual((await serverDevices(email)).map((d) => d.name), ['Work laptop']);
  });

  await t.test('revoked from another device, this one ends signed out with the reason shown', async () => {
    const other = await backend.login(email, PASSWORD, 'other');
    const del = await backend.api('DELETE', `/v1/devices/${laptopId}`, { token: other.token });
    assert.equal(del.status, 204);
    await page.click('#sync-now');
    await settled(page, 'signed-out');
    const v = await view(page);
    assert.equal(v.error, 'You are signed out: this device was signed out on the server; sign in again.');
  });

  await t.test('errors show on the page: bad server address, wrong password, no server there', async () => {
    await page.reload();
    assert.equal(await settled(page), 'signed-out');
    for (const [server, want] of [
      ['127.0.0.1:8080', /start it with http:\/\/ or https:\/\//],
      ['ftp://127.0.0.1', /must start with http:\/\/ or https:\/\//],
      ['http://127.0.0.1:8080/api', /without a path/],
      ['http://', /not a valid URL/],
    ]) {
      await submitAccount(page, { server, email });
      const v = await view(page);
      assert.equal(v.state, 'signed-out', server);
      assert.match(v.serverError, want, server);
      assert.equal(v.error, '', `${server}: said once, under the field (its description), not again at the top`);
      assert.equal(await page.getAttribute('#server', 'aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'server');
      // Announced even when the focus was already on the field (Enter there): the message is a live region.
      assert.equal(await page.getAttribute('#server-error', 'role'), 'alert', server);
    }

    await submitAccount(page, { email, password: 'not the password' });
    assert.equal(await settled(page, 'signed-out'), 'signed-out');
    let v = await view(page);
    assert.equal(v.serverError, '');
    assert.equal(v.error, 'Signing in failed: wrong email or password');

    await submitAccount(page, { email, create: true });
    await settled(page, 'signed-out');
    assert.match((await view(page)).error, /^Creating the account failed: an account with this email already exists/);

    await submitAccount(page, { email: newEmail(), password: 'short', create: true });
    assert.match((await view(page)).error, /at least 8 characters/);

    const nobody = `http://127.0.0.1:${await freePort()}`;
    await submitAccount(page, { server: nobody, email });
    await settled(page, 'signed-out');
    v = await view(page);
    assert.match(v.error, new RegExp(`^Signing in failed: cannot reach ${nobody.replace(/[.]/g, '\\.')}`));
    assert.match(v.error, /: check the server address, and that the server is running$/, 'says what to check');
  });

  await t.test('an origin not granted yet: the page asks for it alone, and says so when refused', async () => {
    // Headless Chromium never settles the browser's prompt: the page's chrome.permissions.request is replaced by
    // one that records what it was asked and answers as the user would.
    const ask = (answer) => page.evaluate((a) => {
      window.asked = [];
      chrome.permissions.request = (p) => { window.asked.push(p); return Promise.resolve(a); };
    }, answer);
    await page.reload();
    await settled(page, 'signed-out');
    await ask(false);
    await submitAccount(page, { server: 'http://localhost:8080', email });
    await settled(page, 'signed-out');
    assert.deepEqual(await page.evaluate(() => window.asked), [{ origins: ['http://localhost:8080/*'] }]);
    assert.equal((await view(page)).error, 'Signing in failed: papergist needs your permission to connect to ' +
      'http://localhost:8080, and it was not given. Click Sign in again and choose Allow.');

    // Granted by the user, then revoked before the background checks: the background's refusal shows.
    await ask(true);
    await page.click('#sign-in');
    await settled(page, 'signed-out');
    assert.match((await view(page)).error, /^Signing in failed: papergist may not connect to http:\/\/localhost:8080/);

    // The granted server's origin is not asked for again.
    await ask(false);
    await submitAccount(page, { email });
    assert.equal(await settled(page, 'signed-in'), 'signed-in');
    assert.deepEqual(await page.evaluate(() => window.asked), []);
  });

  await t.test('a device name of 100 characters beyond the BMP reaches the server whole', async () => {
    await page.click('#sign-out');
    await settled(page, 'signed-out');
    const owls = '\u{1F989}'.repeat(100); // 100 characters, 200 UTF-16 units: a cut by units split one in two
    await submitAccount(page, { email, deviceName: owls });
    assert.equal(await settled(page, 'signed-in'), 'signed-in');
    assert.ok((await serverDevices(email)).some((d) => d.name === owls), 'the whole name, on the server');
  });
});

test('the page\'s field rules', async (t) => {
  await t.test('server addresses', () => {
    for (const [raw, want] of [
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
      ['  https://papergist.example.org/  ', 'https://papergist.example.org'],
      ['HTTPS://Papergist.Example.org:443', 'https://papergist.example.org'],
    ]) assert.equal(parseServer(raw), want, raw);
    for (const [raw, want] of [
      ['', /Enter the server's address/],
      ['localhost:8080', /like http:\/\/localhost:8080/],
      ['javascript://alert(1)', /must start with http:\/\/ or https:\/\//],
      ['https://user:pw@example.org', /user name and password/],
      ['https://example.org/?q=1', /without a path: https:\/\/example\.org/],
      ['http://exa mple.org', /not a valid URL/],
    ]) assert.throws(() => parseServer(raw), want, raw);
  });
  await t.test('device names', () => {
    assert.equal(deviceNameProblem(' Laptop '), '');
    assert.equal(deviceNameProblem('é'.repeat(100)), '');
    assert.match(deviceNameProblem('  '), /Enter a name/);
    assert.match(deviceNameProblem('é'.repeat(101)), /too long/);
    assert.match(deviceNameProblem('a\nb'), /control characters/);
    assert.match(deviceNameProblem('a\u0085b'), /control characters/);
  });
  await t.test('default device names', () => {
    const ua = (brands, platform) => ({ userAgentData: { brands: brands.map((brand) => ({ brand })), platform } });
    assert.equal(defaultDeviceName(ua(['Not)A;Brand', 'Chromium', 'Google Chrome'], 'macOS')), 'Chrome on macOS');
    assert.equal(defaultDeviceName(ua(['Chromium', 'Microsoft Edge'], 'Windows')), 'Edge on Windows');
    assert.equal(defaultDeviceName(ua(['Chromium'], 'Chrome OS')), 'Chromium on ChromeOS');
    assert.equal(defaultDeviceName({ platform: 'Linux x86_64' }), 'Chrome on Linux');
    assert.equal(defaultDeviceName({ platform: 'MacIntel' }), 'Chrome on macOS');
    assert.equal(defaultDeviceName({}), 'Chrome');
  });
});

test('signed out with papers in the browser, the form says that signing in adds them to the account', async () => {
  const other = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
  try {
    const page = await other.context.newPage();
    const url = `chrome-extension://${other.extensionId}/options/options.html`;
    await page.goto(url);
    await settled(page, 'signed-out');
    const note = () => page.evaluate(() => {
      const el = document.querySelector('#library-note');
      return el.hidden ? '' : el.textContent;
    });
    assert.equal(await note(), '', 'nothing to say with an empty library');
    const save = (id, title) => page.evaluate((paper) => chrome.runtime.sendMessage({ type: 'library/save', paper,
      summary: { tldr: '', keyphrases: [] } }), { id, title, authors: ['A. Author'], url: `https://arxiv.org/abs/${id.slice(6)}` });
    await save('arxiv:2401.00001', 'Saved while signed out');
    await page.reload();
    await settled(page, 'signed-out');
    assert.equal(await note(), 'Signing in adds the paper saved in this browser while signed out, with its tags and notes, to the account you sign in to.');

    // Signed in to a work account, a paper synced, signed out: the same account again asks and claims nothing.
    const workEmail = newEmail('work');
    await submitAccount(page, { email: workEmail, create: true });
    await settled(page, 'signed-in');
    await save('arxiv:2401.00002', 'Work paper');
    await page.click('#sync-now');
    await settled(page, 'signed-in');
    await page.waitForFunction(() => document.querySelector('#sync-status').dataset.syncState === 'synced', null, { timeout: 20_000 });
    await page.click('#sign-out');
    await settled(page, 'signed-out');
    await page.fill('#email', workEmail);
    assert.equal(await note(), '', 'the work account\'s own papers are not "added" to it');
    assert.equal(await page.isHidden('#other-papers'), true);
    await page.fill('#email', workEmail.toUpperCase());
    assert.equal(await note(), '');
    assert.equal(await page.isHidden('#other-papers'), true);
    // Another account: the question, and the count.
    await page.fill('#email', newEmail('personal'));
    assert.equal(await page.isHidden('#other-papers'), false);
    assert.equal(await page.textContent('#other-papers legend'), `This browser holds 2 papers synced with ${workEmail}: ` +
      'signing in to another account adds them, with their tags and notes, to that account.');
  } finally {
    await other.dispose();
  }
});

test('two devices of one name (the name proposed to each browser) are told apart by when each signed in', async () => {
  const email = newEmail('twins');
  await backend.register(email, PASSWORD, 'Tablet');
  const first = await backend.login(email, PASSWORD, 'Chromium on Linux');
  await new Promise((r) => setTimeout(r, 1100)); // another second: the sign-in times differ as shown
  const second = await backend.login(email, PASSWORD, 'Chromium on Linux');
  const other = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
  try {
    const page = await other.context.newPage();
    await page.goto(`chrome-extension://${other.extensionId}/options/options.html`);
    await settled(page, 'signed-out');
    await submitAccount(page, { email, deviceName: 'Laptop' });
    await settled(page, 'signed-in');
    await page.waitForSelector(`#devices li[data-device-id="${second.device_id}"]`);
    const seen = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#devices li.device')]
      .map((li) => [li.querySelector('.name').textContent, li.querySelector('.seen').textContent])));
    const rows = await page.evaluate(() => [...document.querySelectorAll('#devices li.device')]
      .map((li) => [li.dataset.deviceId, li.querySelector('.seen').textContent]));
    const of = (id) => rows.find((r) => r[0] === id)[1];
    assert.match(of(first.device_id), /^last seen just now, signed in \S/);
    assert.match(of(second.device_id), /^last seen just now, signed in \S/);
    assert.notEqual(of(first.device_id), of(second.device_id), 'the two read differently');
    assert.equal(seen.Laptop, 'in use now', 'a name of its own: no sign-in time');
    assert.equal(seen.Tablet, 'last seen just now');
  } finally {
    await other.dispose();
  }
});

test('papers of another account: signing in to a new one needs consent, without it nothing is sent; the same account asks nothing', async () => {
  const other = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
  try {
    const page = await other.context.newPage();
    await page.goto(`chrome-extension://${other.extensionId}/options/options.html`);
    await settled(page, 'signed-out');
    const save = (id, title, note) => page.evaluate(async ({ paper, note }) => {
      await chrome.runtime.sendMessage({ type: 'library/save', paper, summary: { tldr: '', keyphrases: [] } });
      if (note) await chrome.runtime.sendMessage({ type: 'library/update', id: paper.id, patch: { note } });
    }, { paper: { id, title, authors: ['A. Author'], url: `https://arxiv.org/abs/${id.slice(6)}` }, note });
    const onServer = async (email) => {
      const s = await backend.login(email, PASSWORD, 'checker');
      const { body } = await backend.api('GET', '/v1/sync?since=0', { token: s.token });
      await backend.api('POST', '/v1/auth/logout', { token: s.token });
      return body.items.map((i) => `${i.title}|${i.note}`).sort();
    };
    const upToDate = () => page.waitForFunction(() => document.querySelector('#sync-status').dataset.syncState === 'synced',
      null, { timeout: 20_000 });
    const signOut = async () => {
      await page.click('#sign-out');
      await settled(page, 'signed-out');
    };
    const shown = (sel) => page.evaluate((q) => {
      const el = document.querySelector(q);
      return el.hidden || el.closest('[hidden]') ? '' : el.textContent.trim();
    }, sel);
    const work = ['Work paper one|laptop note', 'Work paper two|'];

    // The work account: two papers, one with a note, synced; then signed out.
    const workEmail = newEmail('work');
    await submitAccount(page, { email: workEmail, create: true });
    await settled(page, 'signed-in');
    await save('arxiv:2402.00001', 'Work paper one', 'laptop note');
    await save('arxiv:2402.00002', 'Work paper two');
    await upToDate();
    await page.click('#sync-now');
    await upToDate();
    assert.deepEqual(await onServer(workEmail), work);
    await signOut();

    // The same account again: no question, no note, nothing refused.
    await page.fill('#email', workEmail);
    assert.equal(await page.isHidden('#other-papers'), true);
    assert.equal(await shown('#library-note'), '');
    await submitAccount(page, { email: workEmail });
    await settled(page, 'signed-in');
    await page.click('#sync-now');
    await upToDate();
    assert.deepEqual(await onServer(workEmail), work);
    await signOut();

    // Another account: the form asks before the click, and refuses to go on without the consent: nothing is sent.
    const personal = newEmail('personal');
    await page.fill('#email', personal);
    assert.equal(await shown('#other-papers legend'), `This browser holds 2 papers synced with ${workEmail}: ` +
      'signing in to another account adds them, with their tags and notes, to that account.');
    assert.match(await shown('#other-papers-help'), /export them and remove them .* or sign in from another browser profile/);
    await submitAccount(page, { email: personal, create: true });
    await settled(page, 'signed-out');
    assert.match(await shown('#error'), /^Creating the account refused: nothing was sent\. This browser holds 2 papers synced with /);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'others-add');
    await assert.rejects(backend.login(personal, PASSWORD), /401/, 'no account was created without the consent');
    // The background refuses too, should a page send none (or anything but 'add'), before any request.
    for (const others of [undefined, 'keep']) {
      const refused = await page.evaluate(({ email, others }) => chrome.runtime.sendMessage({ type: 'account/sign-in',
        server: 'http://127.0.0.1:1', email, password: 'whatever password', create: true, others }), { email: personal, others });
      assert.equal(refused.ok, false);
      assert.equal(refused.error.code, 'consent_required', 'a code the options page tells apart, not a sentence to match');
      assert.match(refused.error.message, /holds 2 papers synced with .*: agree first to add them to the account you sign in to/);
    }
    await page.evaluate(({ server, email, password }) => chrome.runtime.sendMessage({ type: 'account/sign-in',
      server, email, password, deviceName: 'x', create: true }), { server: backend.url, email: personal, password: PASSWORD });
    await assert.rejects(backend.login(personal, PASSWORD), /401/, 'the background sent nothing either');

    // With the consent: the new account gets both, tags and notes included.
    await page.check('#others-add');
    await submitAccount(page, { email: personal, create: true });
    await settled(page, 'signed-in');
    await upToDate();
    await page.click('#sync-now');
    await upToDate();
    assert.deepEqual(await onServer(personal), work);
  } finally {
    await other.dispose();
  }
});
