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
// Before host-firefox.js starts the module (offscreen.js). Long enough that the test's first call, even on a loaded
// machine, comes while that start still waits: the call's own limit (100 ms) must be what answers it.
moduleLimits.startMs = 2000;
const quiet = console.error;
/** @type {() => void} */
let startFailed = () => {};
/** offscreen.js's log of the module's first start failing (its start limit): no timer of the test's guesses it */
const firstStartEnded = new Promise((resolve) => { startFailed = resolve; });
console.error = (...args) => { // offscreen.js logs the failed start; anything else is shown
  if (args[0] === 'papergist: wasm') startFailed();
  else quiet(...args);
};
const beforeStart = performance.now();
const { toHost } = await import('./host-firefox.js'); // offscreen.js starts the module

test('Firefox: an engine that never starts answers "timeout" at the call\'s limit, and the next page after its start limit works', async (t) => {
  t.after(() => { console.error = quiet; });
  const msg = { target: 'offscreen', type: 'engine/analyze', request: { html: '<p>', url: 'https://arxiv.org/list/cs.LG/new' } };
  const t0 = performance.now();
  const reply = await toHost(msg, 100);
  assert.ok(performance.now() - t0 >= 90, 'not before its limit');
  assert.deepEqual(reply, { ok: false, error: { code: 'timeout', message: 'the engine did not answer engine/analyze within 100 ms' } });
  await firstStartEnded; // the module's start limit (2 s) ends the start that never came
  assert.ok(performance.now() - beforeStart >= 1990, 'not before its start limit');
  starts = true;
  const next = await toHost(msg, 30_000); // a limit no loaded machine reaches: what counts is that it answers
  assert.equal(next.ok, true, JSON.stringify(next));
  assert.equal(next.data.json, ANSWER);
  assert.equal(fetched, 2, 'the module was loaded again');
});
