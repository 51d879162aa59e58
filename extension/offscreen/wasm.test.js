// The Go module's start limit (wasm.js instantiate): a module that never says it is ready fails its callers with a
// clear error, and the next call loads it again; and the warm-up's first round around the first page. Go is faked:
// its run() says ready, or never does, and its warmUp counts the rounds; the wasm is an empty module. wasm_exec.js
// (which the build copies into the extension) is not needed for that, and is left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';

register(`data:text/javascript,${encodeURIComponent(`export async function resolve(spec, ctx, next) {
  return spec.endsWith('/wasm/wasm_exec.js') ? { url: 'data:text/javascript,', shortCircuit: true } : next(spec, ctx);
}`)}`);

const g = /** @type {any} */ (globalThis);
/** The smallest wasm module: its magic and version. */
const EMPTY_WASM = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
g.chrome = { runtime: { getURL: (/** @type {string} */ f) => `chrome-extension://test/${f}` } };
let fetched = 0;
g.fetch = async () => {
  fetched++;
  return new Response(EMPTY_WASM, { headers: { 'content-type': 'application/wasm' } });
};
/** Whether the fake Go runtime starts (calls papergistReady once its exports are set). */
let starts = false;
/** The warm-up rounds the fake Go was asked for, as [rounds, papers]. */
const rounds = [];
g.Go = class {
  env = {};
  importObject = {};
  run() {
    if (!starts) return new Promise(() => {}); // stuck before its exports are set
    g.papergist = { analyze: () => '{"ok":true,"data":{"entries":[]}}', library: () => '{}',
      warmUp: (/** @type {number} */ n, /** @type {number} */ papers) => { rounds.push([n, papers]); return 0; } };
    g.papergistReady();
    return new Promise(() => {});
  }
};

const { analyzeJSON, moduleLimits, setWarmUp } = await import('./wasm.js');
setWarmUp({ rounds: 0, largeRounds: 0, afterPageMs: 0 });

test('a module that never starts fails the page with "timeout" at its limit, and the next page loads it again and works', async () => {
  moduleLimits.startMs = 150;
  const t0 = performance.now();
  await assert.rejects(analyzeJSON({ html: '<p>', url: 'https://arxiv.org/list/cs.LG/new' }), (err) => {
    assert.equal(err.code, 'timeout');
    assert.equal(err.message, 'wasm/papergist.wasm did not start within 150 ms');
    return true;
  });
  assert.ok(performance.now() - t0 >= 140, 'not before its limit');
  assert.equal(fetched, 1);
  starts = true;
  const { json } = await analyzeJSON({ html: '<p>', url: 'https://arxiv.org/list/cs.LG/new?next' });
  assert.equal(json, '{"ok":true,"data":{"entries":[]}}');
  assert.equal(fetched, 2, 'loaded again, not the failed start\'s promise');
  const again = await analyzeJSON({ html: '<p>', url: 'https://arxiv.org/list/cs.LG/new?again' });
  assert.equal(again.json, json);
  assert.equal(fetched, 2, 'a module that started is kept');
});

/** The host as a browser start finds it: a module of its own, with 3 short rounds and a 2 s pause after a page. */
async function freshHost(/** @type {string} */ name) {
  starts = true;
  rounds.length = 0;
  const host = await import(`./wasm.js?${name}`);
  host.setWarmUp({ rounds: 3, largeRounds: 0, afterPageMs: 2_000 });
  return host;
}

test('a page loading as the module starts holds back every warm-up round but the first, which readies its path', async () => {
  const host = await freshHost('loading');
  host.pageLoading(); // the browser's first page, heard before the module has started
  await host.pageModule();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(rounds, [[1, undefined]], 'the first round at once; the others wait out the pause after the page');
});

test('once a page has called Go, the first warm-up round waits out the pause after it too', async () => {
  const host = await freshHost('analyzed');
  const { json } = await host.analyzeJSON({ html: '<p>', url: 'https://arxiv.org/list/cs.LG/new' }); // before the start
  assert.equal(json, '{"ok":true,"data":{"entries":[]}}');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(rounds, [], 'the page compiled its path itself: no round right after it');
});

test('a page that said it was loading holds the warm-up rounds back until its analysis, up to its limit', async () => {
  const host = await freshHost('until-analyzed');
  host.setWarmUp({ rounds: 3, largeRounds: 0, afterPageMs: 50, loadingPageMs: 60_000 });
  host.pageLoading(); // the first page: parsed, then sent, on a loaded machine, well past the pause after it
  await host.pageModule();
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(rounds, [[1, undefined]], 'only the first round, which readies the page\'s path');
  await host.analyzeJSON({ html: '<p>', url: 'https://arxiv.org/list/cs.LG/new' });
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(rounds.length, 3, 'the rest once the page has been analyzed and the pause after it is over');
});

test('a page that said it was loading and never sent its analysis holds the rounds back only up to a limit', async () => {
  const host = await freshHost('never-sent');
  host.setWarmUp({ rounds: 3, largeRounds: 0, afterPageMs: 0, loadingPageMs: 100 });
  host.pageLoading(); // closed before DOMContentLoaded
  await host.pageModule();
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(rounds.length, 3);
});

test('a page loading after one that never sent its analysis is held for as its own', async () => {
  const host = await freshHost('after-never-sent');
  host.setWarmUp({ rounds: 5, largeRounds: 0, afterPageMs: 0, loadingPageMs: 150 });
  host.pageLoading(); // closed before DOMContentLoaded: its hold is over before the next page comes
  await new Promise((resolve) => setTimeout(resolve, 200));
  host.pageLoading(); // the next page, still being parsed
  await host.pageModule();
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(rounds, [[1, undefined]], 'only the first round while the next page loads');
  await new Promise((resolve) => setTimeout(resolve, 300));
  // (at least: the earlier tests' hosts, 2 s after their pages, may add theirs meanwhile)
  assert.ok(rounds.length >= 5, 'the rest once its limit is over');
});
