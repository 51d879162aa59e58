// What the first page after a browser start runs: Chrome keeps the optimized code of the page module (compiled
// from its extension URL, offscreen/wasm.js) in the profile's wasm code cache, and the next start runs it at once
// instead of baseline code. Chromium writes that entry only once V8 has optimized about 1 MB of the module's code;
// the engine's warm-up makes sure of it in a start that shows nothing but a short listing (largeRounds in
// offscreen/wasm.js).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Browser, openListing, cardsOf } from '../lib/browser.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';

/** The sizes of the files in the profile's wasm code cache (none when Chrome has written none). */
async function wasmCacheFiles(profile) {
  const dir = path.join(profile, 'Default', 'Code Cache', 'wasm');
  const names = await readdir(dir, { recursive: true }).catch(() => []);
  const sizes = await Promise.all(names.map(async (n) => {
    const s = await stat(path.join(dir, n)).catch(() => null);
    return s?.isFile() ? s.size : 0;
  }));
  return sizes.filter((size) => size > 0);
}

describe('the compiled module kept for the next browser start', () => {
  /** @type {Browser} */
  let browser;
  before(async () => {
    browser = await new Browser().start();
  });
  after(() => browser?.dispose());

  test('a start that shows one 50-paper listing leaves Chrome the optimized module in its code cache', async () => {
    assert.deepEqual((await wasmCacheFiles(browser.dir)).filter((size) => size > 1_000_000), [], 'a new profile has none');
    const papers = Array.from({ length: 50 }, (_, i) => syntheticPaper(3000 + i));
    browser.serve('https://arxiv.org/list/cs.CL/new?cache', arxivListing(papers));
    const page = await openListing(browser.context, 'https://arxiv.org/list/cs.CL/new?cache', 'done');
    assert.equal((await cardsOf(page)).length, 50);
    await page.close();
    // The warm-up runs after the page, in about 1-10 s on this machine; the entry is written as it ends.
    let sizes = [];
    for (const end = Date.now() + 90_000; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
      sizes = await wasmCacheFiles(browser.dir);
      if (sizes.some((size) => size > 1_000_000)) break;
    }
    // The entry holds the optimized code (over 1 MB), not the module's 5 MB of wasm.
    assert.ok(sizes.some((size) => size > 1_000_000), `no compiled module in the code cache after 90 s (files: ${sizes.join(', ') || 'none'})`);
  });
});
