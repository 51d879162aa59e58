// The warm-up's rounds around a page that is loading (wasm.js warmUp): the first round runs as soon as the module
// has started, since it readies the page's own call; the others wait out the pause after the page. Go is faked: its
// warmUp counts the rounds; the wasm is an empty module (see wasm.test.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';

register(`data:text/javascript,${encodeURIComponent(`export async function resolve(spec, ctx, next) {
  return spec.endsWith('/wasm/wasm_exec.js') ? { url: 'data:text/javascript,', shortCircuit: true } : next(spec, ctx);
}`)}`);

const g = /** @type {any} */ (globalThis);
const EMPTY_WASM = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
g.chrome = { runtime: { getURL: (/** @type {string} */ f) => `chrome-extension://test/${f}` } };
g.fetch = async () => new Response(EMPTY_WASM, { headers: { 'content-type': 'application/wasm' } });
/** The warm-up rounds Go was asked for, as [rounds, papers] */
const rounds = [];
g.Go = class {
  env = {};
  importObject = {};
  run() {
    g.papergist = { analyze: () => '{"ok":true,"data":{"entries":[]}}', library: () => '{}',
      warmUp: (/** @type {number} */ n, /** @type {number} */ papers) => { rounds.push([n, papers]); return 0; } };
    g.papergistReady();
    return new Promise(() => {});
  }
};

const { pageModule, pageLoading, setWarmUp, stats } = await import('./wasm.js');

test('a page loading as the module starts holds back every warm-up round but the first', async () => {
  setWarmUp({ rounds: 3, largeRounds: 0, afterPageMs: 60_000 });
  pageLoading(); // the browser's first page, heard before the module has started
  await pageModule();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(rounds, [[1, undefined]], 'the first round only, at once: the others wait a minute after the page');
  assert.equal(stats.pagesLoading, 1);
});
