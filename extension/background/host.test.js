// host.js against a fake Chrome: requests and replies go over the channel the worker hands the offscreen document,
// each reply reaches the request that asked, and a request whose document goes away is answered with an error
// instead of waiting for ever (at once when the document's port disconnects), after which the next request opens a
// new channel.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const URL = 'chrome-extension://papergist/offscreen/offscreen.html';
/** @type {MessagePort[]} the ports the document was handed, in order */
const handed = [];
/** @type {((port: any) => void)[]} the worker's runtime.onConnect listeners */
const onConnect = [];
/** The runtime ports the documents opened to the worker (PORT.ENGINE), in order; die() is the document going away. */
const lifelines = [];

let alive = true;
let created = 0;
let closed = 0;
/** The offscreen document as a client of the worker: a new one (a new id) each time it is created. */
const newClient = () => ({
  id: `doc-${created}`,
  url: URL,
  postMessage: (/** @type {any} */ data, /** @type {MessagePort[]} */ transfer) => {
    assert.equal(data.connect, true);
    handed.push(transfer[0]);
    if (typeof data.token !== 'string') return; // as offscreen/document.js, which opens its port then
    const gone = [];
    const port = { name: `offscreen/engine#${data.token}`, onDisconnect: { addListener: (fn) => gone.push(fn) },
      disconnect: () => {}, die: () => gone.forEach((fn) => fn(port)) };
    lifelines.push(port);
    for (const l of onConnect) l(port);
  },
});
let client = newClient();

Object.assign(globalThis, {
  chrome: {
    runtime: { getURL: (/** @type {string} */ p) => `chrome-extension://papergist/${p}`, getContexts: async () => (alive ? [{}] : []),
      onConnect: { addListener: (fn) => onConnect.push(fn) } },
    offscreen: {
      createDocument: async () => {
        created++;
        client = newClient();
        alive = true;
      },
      closeDocument: async () => {
        closed++;
        alive = false;
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
  assert.equal(got.error.code, 'engine_stopped');

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
  assert.equal((await early).error.code, 'engine_stopped');
  const next = toHost({ target: 'offscreen', type: 'x', n: 5 }); // opens a new document before late gives up
  await new Promise((r) => setTimeout(r, 10));
  serve(handed[2], (msg) => ({ ok: true, data: msg.n * 10 }));
  assert.deepEqual(await next, { ok: true, data: 50 });
  assert.equal((await late).error.code, 'engine_stopped');
  assert.deepEqual(await toHost({ target: 'offscreen', type: 'x', n: 6 }), { ok: true, data: 60 });
  assert.equal(handed.length, 3);
  assert.equal(created, 2);
});

test('a document that goes away answers for its requests at once, through its port, not after a look', { timeout: 5000 }, async (t) => {
  t.mock.timers.enable({ apis: ['setInterval'] }); // the look every CHECK_MS never comes
  assert.equal(lifelines.length, 3, 'each document opened its port');
  handed[2].onmessage = null; // the document stops answering, and goes away
  const reply = toHost({ target: 'offscreen', type: 'y' });
  await new Promise((r) => setTimeout(r, 10));
  alive = false;
  lifelines[2].die();
  assert.equal((await reply).error.code, 'engine_stopped');
  const next = toHost({ target: 'offscreen', type: 'x', n: 8 });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(created, 3, 'a new document, opened without waiting for a look');
  serve(handed[3], (msg) => ({ ok: true, data: msg.n * 10 }));
  assert.deepEqual(await next, { ok: true, data: 80 });

  // Gone between requests: the next request goes to a new document at once, with no failed trip.
  alive = false;
  lifelines[3].die();
  const after = toHost({ target: 'offscreen', type: 'x', n: 9 });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(created, 4);
  assert.equal(handed.length, 5);
  serve(handed[4], (msg) => ({ ok: true, data: msg.n * 10 }));
  assert.deepEqual(await after, { ok: true, data: 90 });
  for (const port of handed) port.close(); // lets the test process end
});

test('a request not answered within its limit is answered "timeout", and the next one reaches a new document', { timeout: 5000 }, async () => {
  // The document keeps the request (a call into Go that does not return): its end of the channel never answers.
  handed[4].onmessage = () => {};
  alive = true;
  const t0 = performance.now();
  const reply = await toHost({ target: 'offscreen', type: 'engine/analyze' }, 200);
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'timeout');
  assert.ok(performance.now() - t0 >= 190, 'answered at its limit, not before');
  assert.equal(closed, 1, 'the stuck document is closed');
  const next = toHost({ target: 'offscreen', type: 'x', n: 10 }, 5000);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(created, 5, 'a new document, opened after the stuck one closed');
  serve(handed[5], (msg) => ({ ok: true, data: msg.n * 10 }));
  assert.deepEqual(await next, { ok: true, data: 100 });
  for (const port of handed) port.close();
});

/** A fresh channel for the next test: the document's port disconnects (the earlier tests closed their ends). */
async function freshChannel() {
  alive = false;
  lifelines.at(-1).die();
  alive = true;
  const n = handed.length;
  const first = toHost({ target: 'offscreen', type: 'x', n: 1 });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(handed.length, n + 1);
  return { port: handed[n], first };
}

/** The document's end answering in turn, ms each, as Go does one call at a time. @param {MessagePort} port */
function serveInTurn(port, ms, reply = (/** @type {any} */ msg) => ({ ok: true, data: msg.n })) {
  let queue = Promise.resolve();
  port.onmessage = ({ data: { id, msg } }) => {
    queue = queue.then(() => new Promise((r) => setTimeout(() => { port.postMessage({ id, reply: reply(msg) }); r(undefined); }, ms)));
  };
}

test('pages queued behind others on a busy document are not timed out, and the document stays open', { timeout: 10000 }, async () => {
  const { port, first } = await freshChannel();
  serveInTurn(port, 400);
  await first;
  const closedBefore = closed;
  // five pages at once, 400 ms each, limit 1000 ms: the last is answered after 2 s, but the document never went
  // 1000 ms without answering
  const got = await Promise.all([1, 2, 3, 4, 5].map((n) => toHost({ target: 'offscreen', type: 'engine/analyze', n }, 1000)));
  assert.deepEqual(got.map((r) => (r.ok ? r.data : r.error.code)), [1, 2, 3, 4, 5]);
  assert.equal(closed, closedBefore, 'no document closed');
  port.close();
});

/** An analysis's reply from the document, as offscreen/wasm.js gives it, with no entries. */
const analysisReply = () => ({ ok: true, data: { json: JSON.stringify({ ok: true, data: { entries: [] } }), wait: 0, go: 0, stats: {} } });

test('a document still starting its module is not closed, however short the limit', { timeout: 10000 }, async () => {
  const { engineLimits, analyze } = await import('./engine.js');
  alive = false;
  lifelines.at(-1).die();
  alive = true;
  const n = handed.length;
  engineLimits.analyzeMs = 300;
  try {
    const closedBefore = closed;
    const page = analyze({ html: '', url: 'https://arxiv.org/list/x' });
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(handed.length, n + 1, 'a new document');
    // its module starts in 1000 ms (more than the limit), then answers in turn, 50 ms each
    let queue = new Promise((r) => setTimeout(r, 1000));
    handed[n].onmessage = ({ data: { id } }) => {
      queue = queue.then(() => new Promise((r) => setTimeout(() => { handed[n].postMessage({ id, reply: analysisReply() }); r(undefined); }, 50)));
    };
    assert.deepEqual((await page).entries, []);
    assert.equal(closed, closedBefore, 'the starting document is not closed');
  } finally {
    engineLimits.analyzeMs = 20_000;
    handed[n].close();
  }
});

test('an analysis whose document stopped is tried again once, with a whole limit, even after a long wait in the queue', { timeout: 10000 }, async () => {
  const { engineLimits, engineStats, analyze } = await import('./engine.js');
  const { port, first } = await freshChannel();
  /** @type {Set<string>} the pages answered "engine_stopped" once */
  const stopped = new Set();
  serveInTurn(port, 200, (msg) => {
    if (msg.n !== undefined) return { ok: true, data: msg.n };
    const url = msg.request.url;
    if (url.endsWith('last') && !stopped.has(url)) {
      stopped.add(url);
      return { ok: false, error: { code: 'engine_stopped', message: 'gone' } };
    }
    return analysisReply();
  });
  await first;
  engineLimits.analyzeMs = 300;
  try {
    const retries = engineStats.retries;
    const closedBefore = closed;
    // three pages at once, 200 ms each: the last waited 600 ms (twice its limit) in a busy queue when it is
    // answered "engine_stopped", and is tried again
    const got = await Promise.all(['a', 'b', 'last'].map((u) => analyze({ html: '', url: `https://arxiv.org/list/${u}` })
      .then((a) => a.entries.length, (e) => e.code)));
    assert.deepEqual(got, [0, 0, 0]);
    assert.equal(engineStats.retries, retries + 1, 'tried again once');
    assert.equal(closed, closedBefore, 'no document closed');
  } finally {
    engineLimits.analyzeMs = 20_000;
    port.close();
  }
});
