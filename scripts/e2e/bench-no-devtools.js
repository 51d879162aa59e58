// `make bench-extension`, after bench.js in Chromium: a listing seen before, in Chromium with no DevTools client
// attached, as users run it. bench.js drives Chromium through Playwright, which attaches to every tab over CDP
// (domains enabled, its request routing, its own world), and that traffic shares the tab's main thread with the
// page. Here Chromium is started on its own, with the built extension, on a 50-paper listing served over HTTPS from
// this process (a self-signed certificate for arxiv.org made with openssl, which Chromium is told to accept); a
// small script in the listing posts the content script's own figure (data-papergist-ms: DOMContentLoaded → all
// cards) back here and reloads the page, so every load after the first is of a page seen before. Prints the first
// load (the listing opened with the browser, as a restored tab is, while the engine is still starting) and the
// median and range of the next ones.
import https from 'node:https';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, EXTENSION } from './lib/browser.js';
import { arxivListing, syntheticPaper } from './lib/fixtures.js';

/** Loads of the page seen before (env BENCH_RELOADS). */
const RELOADS = Number(process.env.BENCH_RELOADS || 20);
const PAPERS = 50;
/** The pause before each reload (ms), after the cards are shown and reported. */
const GAP_MS = 700;

/** Posts the figures of this load to /report once the cards are shown, then reloads unless told to stop. */
const REPORT = `<script>
(() => {
  const root = document.documentElement;
  const shown = () => ['shown', 'done', 'error'].includes(root.getAttribute('data-papergist'));
  const report = () => fetch('/report', { method: 'POST', body: JSON.stringify({
    ms: Number(root.getAttribute('data-papergist-ms')), timing: JSON.parse(root.getAttribute('data-papergist-timing') || '{}'),
    error: root.getAttribute('data-papergist') === 'error' ? root.getAttribute('data-papergist-error') || 'error' : undefined,
  }) }).then((r) => r.text()).then((next) => next === 'again' && setTimeout(() => location.reload(), ${GAP_MS}));
  const watch = () => (shown() ? report() : new MutationObserver((_, o) => shown() && (o.disconnect(), report()))
    .observe(root, { attributeFilter: ['data-papergist'] }));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch); else watch();
})();
</script>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = await mkdtemp(path.join(tmpdir(), 'papergist-bench-'));
try {
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=arxiv.org',
    '-addext', 'subjectAltName=DNS:arxiv.org', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  if (made.error || made.status !== 0) console.log('bench-extension without DevTools: skipped, openssl could not make a certificate');
  else await bench(dir);
} finally {
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
}

/** Runs the loads with the certificate in dir, and prints the figures. @param {string} dir */
async function bench(dir) {
  const papers = Array.from({ length: PAPERS }, (_, i) => syntheticPaper(90_000 + i, { id: `2609.${String(i).padStart(5, '0')}` }));
  const html = arxivListing(papers, { extraHead: REPORT });
  /** @type {{ms: number, timing: Record<string, number>}[]} */
  const loads = [];
  let finish = () => {};
  /** @type {(err: Error) => void} */
  let fail = () => {};
  const finished = new Promise((resolve, reject) => { finish = resolve; fail = reject; });
  const server = https.createServer({ key: await readFile(path.join(dir, 'key.pem')), cert: await readFile(path.join(dir, 'cert.pem')) }, (req, res) => {
    if (req.method === 'POST' && req.url === '/report') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        const load = JSON.parse(body);
        if (load.error) { // the page's analysis failed: said at once, not after waiting out the 180 s
          res.end('stop');
          fail(new Error(`load ${loads.length + 1}: the page's analysis failed: ${load.error} (data-papergist="error")`));
          return;
        }
        loads.push(load);
        const more = loads.length <= RELOADS;
        res.end(more ? 'again' : 'stop');
        if (!more) finish();
      });
      return;
    }
    if (req.url.startsWith('/list/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const chromium = spawn(CHROMIUM, ['--headless=new', `--user-data-dir=${path.join(dir, 'profile')}`,
    `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
    `--host-resolver-rules=MAP arxiv.org 127.0.0.1:${port}, MAP * ~NOTFOUND , EXCLUDE 127.0.0.1`,
    'https://arxiv.org/list/cs.CL/new'], { stdio: 'ignore' });
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${loads.length} of ${RELOADS + 1} loads after 180 s`)), 180_000); });
  try {
    await Promise.race([finished, late]);
  } finally {
    clearTimeout(timer);
    if (chromium.exitCode === null && chromium.signalCode === null) {
      const exited = new Promise((resolve) => chromium.once('exit', resolve));
      chromium.kill();
      await exited;
    }
    server.close();
  }
  if (process.env.BENCH_VERBOSE) for (const l of loads) console.log(JSON.stringify(l));
  const [first, ...seen] = loads;
  const ms = seen.map((l) => l.ms);
  const early = seen.filter((l) => l.timing.early === 1).length;
  const beforeDCL = seen.filter((l) => l.timing.early === 1 && l.timing.came < 0).length;
  // came: when the answer came, from the content script's start at DOMContentLoaded (negative: before it)
  const after = seen.filter((l) => l.timing.early === 1 && l.timing.came >= 0).map((l) => l.timing.came);
  console.log(`bench-extension without DevTools: real headless Chromium, no client attached, a ${PAPERS}-paper listing reloaded ${RELOADS} times`);
  console.log(`  the listing opened with the browser (as a restored tab is) ${first.ms.toFixed(0)} ms; the page seen before: median ${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}), ${ms.filter((x) => x <= 100).length} of ${ms.length} loads ≤ 100 ms`);
  console.log(`  from the early answer: ${early} of ${seen.length} loads; it came before DOMContentLoaded in ${beforeDCL}, in the others a median ${after.length ? median(after).toFixed(0) : '-'} ms after it`);
}
