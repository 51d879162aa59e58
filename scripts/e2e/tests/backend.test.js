// The e2e harness for the real sync server (lib/backend.js) and the extension copy granted its host: what the
// sync tests stand on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Backend, newEmail } from '../lib/backend.js';
import { Browser } from '../lib/browser.js';

/** @type {Backend} */
let backend;
before(async () => { backend = await new Backend().start(); });
after(async () => { await backend?.dispose(); });

test('the server keeps acknowledged data across a graceful restart and a SIGKILL, on the same port', async () => {
  const url = backend.url;
  const s = await backend.register(newEmail(), 'correct horse battery', 'harness');
  assert.ok(s.access_token && s.refresh_token && s.device_id);
  assert.equal(s.token, s.access_token);
  const put = await backend.api('PUT', '/v1/items/arxiv:1706.03762', {
    token: s.token, body: { title: 'Attention Is All You Need' },
  });
  assert.equal(put.status, 201, JSON.stringify(put.body));

  await backend.restart();
  assert.equal(backend.url, url);
  let got = await backend.api('GET', '/v1/items/arxiv:1706.03762', { token: s.token });
  assert.equal(got.status, 200, JSON.stringify(got.body));
  assert.equal(got.body.title, 'Attention Is All You Need');

  await backend.kill();
  assert.equal(backend.running, false);
  await assert.rejects(fetch(`${url}/healthz`));
  await backend.start();
  assert.equal(backend.url, url);
  got = await backend.api('GET', '/v1/sync?since=0', { token: s.token });
  assert.equal(got.status, 200, JSON.stringify(got.body));
  assert.deepEqual(got.body.items.map((i) => i.id), ['arxiv:1706.03762']);
});

test('api() reports the server\'s error status and body', async () => {
  const r = await backend.api('GET', '/v1/devices');
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'unauthorized');
  await assert.rejects(backend.login(newEmail(), 'correct horse battery'), /401/);
});

test('the granted copy of the extension may call the server from its service worker', async () => {
  const browser = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
  try {
    const sw = await browser.serviceWorker();
    const res = await sw.evaluate(async (url) => ({
      granted: await chrome.permissions.contains({ origins: [`${url}/*`] }),
      health: await (await fetch(`${url}/healthz`)).json(),
    }), backend.url);
    assert.deepEqual(res, { granted: true, health: { status: 'ok' } });
  } finally {
    await browser.dispose();
  }
});

test('backendForFile() removes the temporary folder of a server whose start failed', async () => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { execFile } = await import('node:child_process');
  const dir = await mkdtemp(path.join(tmpdir(), 'papergist-backend-for-file-'));
  try {
    // A test file whose server exits at once (the "server" is /bin/false): its before hook fails.
    const file = path.join(dir, 'failing-start.test.mjs');
    await writeFile(file, `
      import { test } from 'node:test';
      import { Backend, backendForFile } from ${JSON.stringify(new URL('../lib/backend.js', import.meta.url).href)};
      const server = new Backend();
      const start = server.start.bind(server);
      server.start = async () => { try { return await start(); } finally { console.log('DIR ' + server.dir); } };
      backendForFile(server);
      test('never runs', () => {});
    `);
    const out = await new Promise((resolve) => {
      const env = { ...process.env, PAPERGIST_SERVER_BIN: '/bin/false' };
      delete env.NODE_TEST_CONTEXT; // a file of its own, not a part of this run
      execFile(process.execPath, [file], { env },
        (err, stdout, stderr) => resolve({ code: err ? err.code : 0, text: stdout + stderr }));
    });
    assert.notEqual(out.code, 0, 'the failed start fails the file');
    const made = /DIR (\S*papergist-backend-\S+)/.exec(out.text);
    assert.ok(made, `the server's folder was made before the launch failed:\n${out.text}`);
    assert.equal(existsSync(made[1]), false, `${made[1]} is left behind`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
