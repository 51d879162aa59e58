// `make bench-sync`, second part: how live sync feels. Two headless Chromium profiles on one account and the real
// server, both with the same arXiv listing open. A saves 20 papers from its cards, one at a time, with real clicks;
// for each, the delay from the click until B's already open card shows it saved (no click in B: its long poll,
// extension/background/sync-live.js). Then B sits idle, signed in, and every request it makes is counted at a
// proxy in front of the server for BENCH_IDLE_MIN minutes (default 3) with the real 25 s wait, and extrapolated
// to an hour. PAPERGIST_E2E_SERVER=http://127.0.0.1:8787 measures against that server (e.g. `make worker-dev`).
import { Browser, openListing } from './lib/browser.js';
import { Backend, newEmail } from './lib/backend.js';
import { arxivListing, syntheticPaper } from './lib/fixtures.js';
import { signIn, waitStatus, PushHoldingProxy } from './lib/sync.js';
import { median } from './lib/popup-timing.js';
import { clickSave, waitForSaved } from './lib/cards.js';

const CHANGES = 20;
const IDLE_MIN = Number(process.env.BENCH_IDLE_MIN || 3);
const LISTING = 'https://arxiv.org/list/cs.IR/new';
const PASSWORD = 'benchmark password 1';
const papers = Array.from({ length: CHANGES }, (_, i) => syntheticPaper(500 + i));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const external = process.env.PAPERGIST_E2E_SERVER;
const backend = external ? { url: external, dispose: async () => {} } : await new Backend().start();
const proxy = await new PushHoldingProxy(backend.url).start(); // B's only way to the server: every request is counted
const browsers = [];
try {
  const profile = async () => {
    const b = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
    b.serve(LISTING, arxivListing(papers));
    browsers.push(b);
    return b;
  };
  const a = await profile();
  const b = await profile();
  const email = newEmail('live-bench');
  await signIn(a, backend.url, email, PASSWORD, { create: true, deviceName: 'A' });
  await signIn(b, proxy.url, email, PASSWORD, { deviceName: 'B' });
  await waitStatus(a, (s) => s.state === 'synced');
  await waitStatus(b, (s) => s.state === 'synced');
  const listingA = await openListing(a.context, LISTING);
  const listingB = await openListing(b.context, LISTING);

  const delays = [];
  for (const p of papers) {
    const id = `arxiv:${p.id}`;
    const t0 = performance.now();
    await clickSave(listingA, id);
    await waitForSaved(listingB, id, true, 60_000);
    delays.push(performance.now() - t0);
    await sleep(1000); // each change on its own, not batched with the next
  }
  const sorted = [...delays].sort((x, y) => x - y);
  console.log(`live sync, A's click → B's open card saved, over ${CHANGES} changes: median ${Math.round(median(delays))} ms, ` +
    `worst ${Math.round(sorted.at(-1))} ms (best ${Math.round(sorted[0])} ms)`);

  // Idle: nothing changes anywhere; the listing stays open in B, as a user would leave it.
  await sleep(30_000); // past the rounds that followed the last change
  const from = proxy.requests.length;
  const t0 = performance.now();
  await sleep(IDLE_MIN * 60_000);
  const seen = proxy.requests.slice(from);
  const minutes = (performance.now() - t0) / 60_000;
  const byPath = {};
  for (const r of seen) {
    const key = `${r.method} ${r.path.replace(/\?.*/, '')} ${r.status}`;
    byPath[key] = (byPath[key] || 0) + 1;
  }
  console.log(`idle signed-in browser: ${seen.length} requests in ${minutes.toFixed(1)} min, about ` +
    `${Math.round((seen.length / minutes) * 60)} per hour measured (${JSON.stringify(byPath)})`);
  console.log('  by reasoning: one wait per 25 s = 144 per hour, plus an access-token refresh per ~14 min (about 4 per hour; ' +
    'none may fall in a short measurement); the 5-minute alarm round is skipped while the long poll is open');
} finally {
  for (const x of browsers) await x.dispose().catch(() => {});
  await proxy.close();
  await backend.dispose();
}
