// host.js against a fake Chrome: the engine's replies reach the request that asked, and a request whose offscreen
// document goes away is answered with an error instead of waiting for ever.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const URL = 'chrome-extension://papergist/offscreen/offscreen.html';
/** @type {Array<(event: any) => void>} */
const listeners = [];
/** @type {any[]} */
const sent = [];
let alive = true;
const client = { id: 'doc-1', url: URL, postMessage: (/** @type {any} */ m) => sent.push(m) };

Object.assign(globalThis, {
  chrome: {
    runtime: { getURL: (/** @type {string} */ p) => `chrome-extension://papergist/${p}`, getContexts: async () => [{}] },
    offscreen: { createDocument: async () => {} },
  },
  clients: { matchAll: async () => (alive ? [client] : []), get: async () => (alive ? client : undefined) },
  addEventListener: (/** @type {string} */ type, /** @type {(event: any) => void} */ fn) => {
    if (type === 'message') listeners.push(fn);
  },
});
const { toHost } = await import('./host.js');
const post = (/** @type {any} */ data, source = client) => listeners.forEach((fn) => fn({ data, source }));

test('a reply reaches the request that asked, and only a reply from the document counts', async () => {
  alive = true;
  const reply = toHost({ target: 'offscreen', type: 'x' });
  await new Promise((r) => setTimeout(r, 10));
  const { id, msg } = sent.at(-1);
  assert.deepEqual(msg, { target: 'offscreen', type: 'x' });
  post({ id, reply: { ok: true, data: 'forged' } }, { ...client, url: 'https://example.org/' });
  post({ id, reply: { ok: true, data: 42 } });
  assert.deepEqual(await reply, { ok: true, data: 42 });
});

test('a request whose document goes away is answered with an error', { timeout: 10000 }, async () => {
  alive = true;
  const reply = toHost({ target: 'offscreen', type: 'y' });
  await new Promise((r) => setTimeout(r, 10));
  alive = false;
  const got = await reply;
  assert.equal(got.ok, false);
  assert.equal(got.error.code, 'unavailable');
});
