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
    assert.match((await view(page)).status, /^Offline: cannot reach the server \(test\)\. 2 changes waiting\..*1 conflict to settle/);
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

test('signed out with papers in the browser, the form says that signing in copies them to the account, also another one', async () => {
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
    assert.equal(await note(), 'Signing in adds the paper saved in this browser, with its tags and notes, to the account you sign in to.');

    // Signed in to a work account, a paper synced, signed out: another account would get it too, and the form says so.
    await submitAccount(page, { email: newEmail('work'), create: true });
    await settled(page, 'signed-in');
    await save('arxiv:2401.00002', 'Work paper');
    await page.click('#sync-now');
    await settled(page, 'signed-in');
    await page.click('#sign-out');
    await settled(page, 'signed-out');
    await page.waitForFunction(() => !document.querySelector('#library-note').hidden);
    assert.equal(await note(), 'Signing in adds the 2 papers saved in this browser, with their tags and notes, to the account ' +
      'you sign in to (all were synced with an account before: signing in to another account copies them into it too).');
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
