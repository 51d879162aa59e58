// Firefox's engine host (host-firefox.js): the engine runs in the background page itself, called in place. A call
// whose module never starts is answered {code: "timeout"} at the call's limit, and once the module's own start limit
// (offscreen/wasm.js) has ended that start, the next call loads the module again and is answered. Go is faked (see
// offscreen/wasm.test.js): its run() says ready, or never does; the wasm is an empty module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';

register(`data:text/javascript,${encodeURIComponent(`export async function resolve(spec, ctx, next) {
  return spec.endsWith('/wasm/wasm_exec.js') ? { url: 'data:text/javascript,', shortCircuit: true } : next(spec, ctx);
}`)}`);

const g = /** @type {any} */ (globalThis);
const EMPTY_WASM = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
g.chrome = { runtime: { id: 'test', getURL: (/** @type {string} */ f) => `moz-extension://test/${f}` } };
g.location = { href: 'moz-extension://test/background.html' };
let fetched = 0;
g.fetch = async () => {
  fetched++;
  return new Response(EMPTY_WASM, { headers: { 'content-type': 'application/wasm' } });
};
/** Whether the fake Go runtime starts (calls papergistReady once its exports are set). */
let starts = false;
const ANSWER = '{"ok":true,"data":{"entries":[]}}';
g.Go = class {
  env = {};
  importObject = {};
  run() {
    if (starts) {
      g.papergist = { analyze: () => ANSWER, warmUp: () => 0, library: () => '{}' };
      g.papergistReady();
    }
    return new Promise(() => {}); // Go never exits
  }
};

const { moduleLimits } = await import('../offscreen/wasm.js');
moduleLimits.startMs = 400; // before host-firefox.js starts the module (offscreen.js)
const quiet = console.error;
console.error = () => {}; // offscreen.js logs the failed start
const { toHost } = await import('./host-firefox.js');

test('Firefox: an engine that never starts answers "timeout" at the call\'s limit, and the next page after its start limit works', async () => {
  const msg = { target: 'offscreen', type: 'engine/analyze', request: { html: '<p>', url: 'https://arxiv.org/list/cs.LG/new' } };
  const t0 = performance.now();
  const reply = await toHost(msg, 100);
  assert.ok(performance.now() - t0 >= 90, 'not before its limit');
  assert.deepEqual(reply, { ok: false, error: { code: 'timeout', message: 'the engine did not answer engine/analyze within 100 ms' } });
  await new Promise((r) => setTimeout(r, 400)); // the module's start limit ends the start that never came
  starts = true;
  const next = await toHost(msg, 1000);
  assert.equal(next.ok, true, JSON.stringify(next));
  assert.equal(next.data.json, ANSWER);
  assert.equal(fetched, 2, 'the module was loaded again');
  console.error = quiet;
});
