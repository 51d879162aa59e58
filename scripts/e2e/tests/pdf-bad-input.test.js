// Saving from a PDF that is not what it should be: a web page served as the PDF, an encrypted or broken
// PDF, a huge one (announced, or streamed without a length), a 404, a redirect, a slow server. Each save
// either succeeds or leaves the library as it was and says why in a sentence: on the badge's title for the
// shortcut and the context menu, in the popup's status line for its Save button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { Browser } from '../lib/browser.js';
import { paperPDF } from '../lib/pdf.js';

const HOSTS = ['https://example.org/*', 'https://api.crossref.org/*', 'http://127.0.0.1/*'];
const PDF = 'application/pdf';
const good = {
  title: ['Sparse Mixtures of Tiny', 'Experts for Reading PDFs'], authors: 'Ada Lovelace and Alan Turing',
  abstract: 'A generated paper that the tests serve in several bad ways, and once in a good one, to see what a user gets.',
};
const signIn = '<!doctype html><html><head><title>Sign in</title></head><body><form><input name="user"></form></body></html>';

/** paperPDF with an /Encrypt entry in its trailer: AES-256 (V=5), or RC4 (V=2) with a user password. */
function encryptedPDF(v) {
  const enc = v === 5
    ? `/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /O <${'ab'.repeat(48)}> /U <${'cd'.repeat(48)}> /OE <${'ef'.repeat(32)}> /UE <${'01'.repeat(32)}> /Perms <${'23'.repeat(16)}> /P -1028 >>`
    : `/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -1028 >>`;
  const s = paperPDF(good).toString('latin1');
  return Buffer.from(s.replace('/Root 1 0 R >>', `/Root 1 0 R ${enc} /ID [<${'0f'.repeat(16)}> <${'0f'.repeat(16)}>] >>`), 'latin1');
}

/** @type {Browser} */
let browser;
/** @type {http.Server} */
let server;
let local = '';
const HUGE = 65 << 20;

before(async () => {
  // a server of our own for what Playwright's routes cannot send: a body streamed without a length, slowly
  server = http.createServer((req, res) => {
    if (req.url === '/huge.pdf') {
      res.writeHead(200, { 'content-type': PDF }); // chunked: no content-length
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < HUGE) {
          sent += chunk.length;
          if (!res.write(sent === chunk.length ? Buffer.concat([Buffer.from('%PDF-1.4\n'), chunk]) : chunk)) return res.once('drain', more);
        }
        res.end();
      };
      return more();
    }
    if (req.url === '/moved.pdf') return res.writeHead(302, { location: '/good.pdf' }).end();
    if (req.url === '/expired.pdf') return res.writeHead(302, { location: '/login' }).end();
    if (req.url === '/login') return res.writeHead(200, { 'content-type': 'text/html' }).end(signIn);
    if (req.url === '/good.pdf') return res.writeHead(200, { 'content-type': PDF }).end(paperPDF(good));
    if (req.url === '/slow.pdf') { // the headers at once, the body 3 s later in two halves
      const body = paperPDF(good);
      res.writeHead(200, { 'content-type': PDF, 'content-length': body.length });
      res.write(body.subarray(0, 100));
      return setTimeout(() => res.end(body.subarray(100)), 3000);
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  local = `http://127.0.0.1:${server.address().port}`;
  browser = await new Browser({ grantHosts: HOSTS }).start();
  browser.serve('https://example.org/papers/signin.pdf', signIn, PDF);
  browser.serve('https://example.org/papers/aes256.pdf', encryptedPDF(5), PDF);
  browser.serve('https://example.org/papers/password.pdf', encryptedPDF(2), PDF);
  browser.serve('https://example.org/papers/broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'), PDF);
  browser.serve('https://example.org/papers/big.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(HUGE)]), PDF);
  browser.serve('https://example.org/papers/slow.pdf', paperPDF(good), PDF, 200, 3000);
  browser.serve('https://example.org/papers/good.pdf', paperPDF(good), PDF);
  browser.serve('https://api.crossref.org/works', JSON.stringify({ status: 'ok', message: { items: [] } }), 'application/json');
  browser.serve('https://example.org/', '<!doctype html><html><body><a href="papers/good.pdf">a paper</a></body></html>');
});
after(async () => {
  await browser?.dispose();
  server?.close();
});

/** Saves the PDF a link points to through the context menu of the page `tab` shows; returns the save and the badge. */
async function saveLink(page, linkUrl) {
  await page.bringToFront();
  const w = await browser.serviceWorker();
  return w.evaluate(async (linkUrl) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const before = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('paper:')).length;
    const saved = await globalThis.papergistEvents.onMenuClicked({ menuItemId: 'papergist-save-link', linkUrl }, tab);
    const after = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('paper:')).length;
    const out = { saved, added: after - before, badge: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
    await chrome.action.setBadgeText({ tabId: tab.id, text: '' });
    await chrome.action.setTitle({ tabId: tab.id, title: 'papergist' });
    return out;
  }, linkUrl);
}

test('a PDF link that gives no readable PDF saves nothing and says why in a sentence', async (t) => {
  const page = await browser.openPage('https://example.org/');
  const cases = [
    ['a web page served as the PDF', 'https://example.org/papers/signin.pdf', /^papergist: papergist could not read this PDF: example\.org sent a web page, not a PDF/],
    ['a redirect to a sign-in page', `${local}/expired.pdf`, /^papergist: papergist could not read this PDF: 127\.0\.0\.1:\d+ sent a web page, not a PDF/],
    ['an AES-256 encrypted PDF', 'https://example.org/papers/aes256.pdf', /^papergist: papergist could not read this PDF: this PDF is encrypted/],
    ['a PDF with a password', 'https://example.org/papers/password.pdf', /^papergist: papergist could not read this PDF: this PDF is encrypted/],
    ['a broken PDF', 'https://example.org/papers/broken.pdf', /^papergist: papergist could not read this PDF: this PDF is damaged or incomplete/],
    ['a 404', 'https://example.org/papers/gone.pdf', /^papergist: papergist could not download this PDF: example\.org answered HTTP 404/],
    ['a PDF over 64 MB with its length', 'https://example.org/papers/big.pdf', /^papergist: This PDF is larger than 64 MB/],
    ['a PDF over 64 MB streamed without a length', `${local}/huge.pdf`, /^papergist: This PDF is larger than 64 MB/],
  ];
  for (const [name, url, want] of cases) {
    await t.test(name, async () => {
      const out = await saveLink(page, url);
      assert.equal(out.saved, null);
      assert.equal(out.added, 0, 'nothing saved');
      assert.equal(out.badge, '!');
      assert.match(out.title, want);
      assert.doesNotMatch(out.title, /<<|undefined|\[object|signal|aborted/i, 'no internals in the sentence');
    });
  }
  await page.close();
});

test('a slow server and a redirect to the PDF still save it, under the link the user saved', async () => {
  const page = await browser.openPage('https://example.org/');
  for (const url of ['https://example.org/papers/slow.pdf', `${local}/slow.pdf`, `${local}/moved.pdf`]) {
    const out = await saveLink(page, url);
    assert.ok(out.saved, `${url}: ${out.title} ${out.badge}`);
    assert.equal(out.saved.title, 'Sparse Mixtures of Tiny Experts for Reading PDFs');
    assert.equal(out.saved.pdf_url, url);
    assert.equal(out.badge, '✓', 'the tab shows another page: its badge says the linked paper was saved, for a moment');
  }
  await page.close();
});

test('while a slow PDF is saved, the badge says a save is under way, and then shows how it ended', async () => {
  const page = await browser.openPage('https://example.org/');
  await page.bringToFront();
  const w = await browser.serviceWorker();
  const badge = () => w.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return [await chrome.action.getBadgeText({ tabId: tab.id }), await chrome.action.getTitle({ tabId: tab.id })];
  });
  // the saved one's ✓ (a linked save, for a moment), then the failed one's !, which that moment does not end
  for (const [url, end] of [[`${local}/slow.pdf`, '✓'], [`${local}/expired.pdf`, '!']]) {
    await w.evaluate(async (linkUrl) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      globalThis.pendingSave = globalThis.papergistEvents.onMenuClicked({ menuItemId: 'papergist-save-link', linkUrl }, tab);
    }, url);
    if (url.endsWith('slow.pdf')) {
      await new Promise((r) => setTimeout(r, 1000)); // the body comes after 3 s
      assert.deepEqual(await badge(), ['…', 'papergist: saving this paper…']);
    }
    await w.evaluate(() => globalThis.pendingSave);
    assert.equal((await badge())[0], end, url);
  }
  await new Promise((r) => setTimeout(r, 4500)); // past the first save's flash
  assert.equal((await badge())[0], '!', 'the failure is still shown');
  await page.close();
});

test('a linked save that ends while a slow PDF save of the tab runs leaves the badge saying …', async () => {
  const page = await browser.openPage('https://example.org/');
  await page.bringToFront();
  const w = await browser.serviceWorker();
  const badge = () => w.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
  const start = (linkUrl) => w.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    (globalThis.pendingSaves ||= []).push(globalThis.papergistEvents.onMenuClicked({ menuItemId: 'papergist-save-link', linkUrl: u }, tab));
  }, linkUrl);
  await start(`${local}/slow.pdf`); // its body comes after 3 s
  await new Promise((r) => setTimeout(r, 300));
  await start(`${local}/good.pdf`);
  await w.evaluate(() => globalThis.pendingSaves[1]);
  assert.equal(await badge(), '…', 'the slow save still runs: no ✓ over its …');
  await w.evaluate(() => globalThis.pendingSaves[0]);
  assert.equal(await badge(), '✓', 'both saved');
  await w.evaluate(() => { globalThis.pendingSaves = []; });
  await page.close();
});

test('a save cut short by a worker stop: the next worker\'s start replaces its … with a sentence', async () => {
  const page = await browser.openPage('https://example.org/');
  await page.bringToFront();
  const tabId = await (await browser.serviceWorker()).evaluate(async (linkUrl) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    globalThis.papergistEvents.onMenuClicked({ menuItemId: 'papergist-save-link', linkUrl }, tab).catch(() => {});
    return tab.id;
  }, `${local}/slow.pdf`);
  // read from an extension page, which also wakes the stopped worker up
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  const badge = () => ext.evaluate(async (id) => [await chrome.action.getBadgeText({ tabId: id }), await chrome.action.getTitle({ tabId: id })], tabId);
  await new Promise((r) => setTimeout(r, 500)); // the body comes after 3 s
  assert.equal((await badge())[0], '…');
  await browser.stopServiceWorker();
  await ext.reload();
  let shown;
  for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    shown = await badge();
    if (shown[0] !== '…') break;
  }
  assert.equal(shown[0], '!', 'not … for ever');
  assert.match(shown[1], /^papergist: the save from this tab was cut short .*save it again/);
  await ext.close();
  await page.close();
});

test('a PDF on this computer (a file:// link) is not saved, and the badge says why', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'papergist-file-pdf-'));
  const file = path.join(dir, 'paper.pdf');
  await writeFile(file, paperPDF(good));
  const page = await browser.openPage('https://example.org/');
  const out = await saveLink(page, `file://${file}`);
  assert.equal(out.saved, null);
  assert.equal(out.added, 0);
  assert.equal(out.badge, '!');
  assert.match(out.title, /^papergist: papergist cannot read a PDF on this computer \(file:\/\/\): open the paper on the web/);
  await page.close();
  await rm(dir, { recursive: true, force: true });
});
