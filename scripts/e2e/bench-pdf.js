// `make bench-pdf`: the time to save from a PDF tab in headless Chromium, from the shortcut's handler to the
// saved record: the first save of the browser session (it loads the PDF module) and later ones, for a PDF
// whose URL names its paper (arXiv: metadata only) and one that must be downloaded and read (no ID in the URL:
// the first page's DOI, then Crossref). Metadata answers are served locally, so network time is not counted.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Browser, ROOT, openListing } from './lib/browser.js';
import { arxivAtom, arxivListing, syntheticPaper } from './lib/fixtures.js';
import { paperPDF } from './lib/pdf.js';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const PDFS = path.resolve(ROOT, '../shared/fixtures/pdfs');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await new Browser({ grantHosts: ['https://arxiv.org/*', 'https://example.org/*', 'https://api.crossref.org/*'] }).start();
try {
  const title = 'Apparent and average accelerations of the Universe';
  const unread = existsSync(path.join(PDFS, 'ieee10-iqbal.pdf'))
    ? await readFile(path.join(PDFS, 'ieee10-iqbal.pdf')) // 582 KB, 8 pages, prints its DOI
    : paperPDF({ header: 'DOI 10.1109/DSDE.2010.49', title: ['A Generated Paper'], authors: 'Ada Lovelace, Alan Turing' });
  browser.api = (route) => route.fulfill({ status: 200, contentType: 'application/atom+xml',
    body: arxivAtom([{ id: '0807.3577', title, authors: ['Krzysztof Bolejko'], abstract: 'An abstract for the bench, long enough to summarize. It has two sentences.' }]) });
  browser.serve('https://api.crossref.org/works/10.1109/dsde.2010.49', JSON.stringify({ message: {
    DOI: '10.1109/DSDE.2010.49', title: ['A New Requirement Prioritization Model'], author: [{ given: 'Muhammad Atif', family: 'Iqbal' }],
    abstract: '<jats:p>An abstract for the bench. It has two sentences.</jats:p>' } }), 'application/json');
  const cases = [];
  for (let i = 0; i < RUNS; i++) {
    browser.serve(`https://arxiv.org/pdf/0807.3577v${i + 1}`, paperPDF({ title: [title], authors: 'Krzysztof Bolejko' }), 'application/pdf');
    browser.serve(`https://example.org/files/paper-${i}.pdf`, unread, 'application/pdf');
    cases.push(['arxiv', `https://arxiv.org/pdf/0807.3577v${i + 1}`], ['read', `https://example.org/files/paper-${i}.pdf`]);
  }
  // a listing first, as a session would have: the listing engine is loaded and warm, not counted below
  browser.serve('https://arxiv.org/list/cs.CL/new', arxivListing([syntheticPaper(1), syntheticPaper(2)]));
  const t0 = Date.now();
  await (await openListing(browser.context, 'https://arxiv.org/list/cs.CL/new')).close();
  const warm = Date.now() - t0;
  const times = { arxiv: [], read: [] };
  let first = null;
  for (const [kind, url] of cases) {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.bringToFront();
    const w = await browser.serviceWorker();
    const { ms, id } = await w.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.storage.local.clear();
      const t0 = performance.now();
      const saved = await globalThis.papergistEvents.onCommand('save-paper', tab);
      return { ms: performance.now() - t0, id: saved && saved.id };
    });
    if (!id) throw new Error(`bench-pdf: nothing saved from ${url}`);
    if (first === null) first = { kind, ms };
    else times[kind].push(ms);
    await page.close();
  }
  console.log('bench-pdf: save from a PDF tab (shortcut handler → saved record), headless Chromium');
  console.log(`  (a listing opened first: ${warm} ms until its cards, which loads the listing engine)`);
  console.log(`  first save from a PDF in the session (loads the PDF module), ${first.kind}: ${first.ms.toFixed(0)} ms`);
  console.log(`  arXiv PDF (URL → arXiv API → summary): median ${median(times.arxiv).toFixed(0)} ms of ${times.arxiv.length}`);
  console.log(`  PDF read in wasm (${(unread.length / 1024).toFixed(0)} KB download → first page → DOI → Crossref → summary): median ${median(times.read).toFixed(0)} ms of ${times.read.length}`);
} finally {
  await browser.dispose();
}
