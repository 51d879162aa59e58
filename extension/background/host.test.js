// host.js against a fake Chrome: requests and replies go over the channel the worker hands the offscreen document,
// each reply reaches the request that asked, and a request whose document goes away is answered with an error
// instead of waiting for ever, after which the next request opens a new channel.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const URL = 'chrome-extension://papergist/offscreen/offscreen.html';
/** @type {MessagePort[]} the ports the document was handed, in order */
const handed = [];
let alive = true;
let created = 0;
/** The offscreen document as a client of the worker: a new one (a new id) each time it is created. */
const newClient = () => ({
  id: `doc-${created}`,
  url: URL,
  postMessage: (/** @type {any} */ data, /** @type {MessagePort[]} */ transfer) => {
    assert.deepEqual(data, { connect: true });
    handed.push(transfer[0]);
  },
});
let client = newClient();

Object.assign(globalThis, {
  chrome: {
    runtime: { getURL: (/** @type {string} */ p) => `chrome-extension://papergist/${p}`, getContexts: async () => (alive ? [{}] : []) },
    offscreen: {
      createDocument: async () => {
        created++;
        client = newClient();
        alive = true;
      },
    },
  },
  clients: {
    matchAll: async () => (alive ? [client] : []),
    get: async (/** @type {string} */ id) => (alive && id === client.id ? client : undefined),
  },
});
const { toHost } = await import('./host.js');

/** The document's end of the channel: answers each request with reply(msg), in the order given by delays. */
function serve(/** @type {MessagePort} */ port, /** @type {(msg: any) => any} */ reply, /** @type {(msg: any) => number} */ delay = () => 0) {
  port.onmessage = ({ data: { id, msg } }) => setTimeout(() => port.postMessage({ id, reply: reply(msg) }), delay(msg));
}

test('requests go over one channel, and each reply reaches the request that asked', async () => {
  const first = toHost({ target: 'offscreen', type: 'x', n: 1 });
  const second = toHost({ target: 'offscreen', type: 'x', n: 2 });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(handed.length, 1);
  serve(handed[0], (msg) => ({ ok: true, data: msg.n * 10 }), (msg) => (msg.n === 1 ? 30 : 0)); // the second answered first
  assert.deepEqual(await Promise.all([first, second]), [{ ok: true, data: 10 }, { ok: true, data: 20 }]);
  assert.deepEqual(await toHost({ target: 'offscreen', type: 'x', n: 3 }), { ok: true, data: 30 });
  assert.equal(handed.length, 1);
});

test('a request whose document goes away is answered with an error, and the next one reaches a new document', { timeout: 10000 }, async () => {
  handed[0].onmessage = null; // the document stops answering
  const reply = toHost({ target: 'offscreen', type: 'y' });
  await new Promise((r) => setTimeout(r, 10));
  alive = false;
  const got = await reply;
  assert.equal(got.ok, false);
  assert.equal(got.error.code, 'unavailable');

  const next = toHost({ target: 'offscreen', type: 'x', n: 4 });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(created, 1);
  assert.equal(handed.length, 2);
  serve(handed[1], (msg) => ({ ok: true, data: msg.n * 10 }));
  assert.deepEqual(await next, { ok: true, data: 40 });
});

test('requests that outlived their document leave the channel to the next document alone', { timeout: 15000 }, async () => {
  handed[1].onmessage = null;
  const early = toHost({ target: 'offscreen', type: 'y' });
  await new Promise((r) => setTimeout(r, 500));
  const late = toHost({ target: 'offscreen', type: 'y' });
  await new Promise((r) => setTimeout(r, 10));
  alive = false;
  assert.equal((await early).error.code, 'unavailable');
  const next = toHost({ target: 'offscreen', type: 'x', n: 5 }); // opens a new document before late gives up
  await new Promise((r) => setTimeout(r, 10));
  serve(handed[2], (msg) => ({ ok: true, data: msg.n * 10 }));
  assert.deepEqual(await next, { ok: true, data: 50 });
  assert.equal((await late).error.code, 'unavailable');
  assert.deepEqual(await toHost({ target: 'offscreen', type: 'x', n: 6 }), { ok: true, data: 60 });
  assert.equal(handed.length, 3);
  assert.equal(created, 2);
  for (const port of handed) port.close(); // lets the test process end
});
