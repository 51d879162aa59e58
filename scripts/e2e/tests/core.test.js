// The core of papergist in the browser under test (PAPERGIST_BROWSER=chromium|firefox; `make test` runs both):
// cards on the team's real listing pages, hostile text staying text, saving from a card with a real click, the
// popup and its export, and signing in and syncing with the real server from a second profile.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Session, browserUnderTest } from '../lib/browsers.js';
import { SHARED_PAGES } from '../lib/browser.js';
import { newEmail, backendForFile } from '../lib/backend.js';
import { arxivListing, arxivAbsPage, syntheticPaper, XSS_TITLE, REAL } from '../lib/fixtures.js';
import { parseBibTeX } from '../lib/parsers.js';
import { paperPDF } from '../lib/pdf.js';

const KIND = browserUnderTest();
const GRANT = ['http://127.0.0.1/*'];
const LISTING = 'https://arxiv.org/list/cs.CL/new';
const papers = Array.from({ length: 8 }, (_, i) => syntheticPaper(60 + i));
const id = (p) => `arxiv:${p.id}`;
const PASSWORD = 'correct horse battery staple';
/** A page's script, served late (Session.serve's delay). */
const SLOW_SCRIPT = 'https://arxiv.org/static/browse/slow.js';

const { backend, browsers: sessions } = backendForFile();

async function session() {
  const s = await new Session({ kind: KIND, grantHosts: GRANT }).start();
  s.serve(LISTING, arxivListing(papers));
  sessions.push(s);
  return s;
}

function assertOneCardEach(cards, count, label) {
  assert.equal(cards.length, count, `${label}: ${cards.length} cards for ${count} papers`);
  assert.equal(new Set(cards.map((c) => c.id)).size, cards.length, `${label}: a paper has two cards`);
  for (const c of cards) assert.ok(c.tldr.trim().length > 0, `${label}: ${c.id} has an empty TL;DR`);
}

/** Creates the account (or signs in) from the options page, with real typing and clicks. */
async function signInFromOptions(s, email, { create = false, libraryNote } = {}) {
  const page = await s.open(s.extensionURL('options/options.html'));
  await page.waitFor(() => ['signed-in', 'signed-out'].includes(document.body.dataset.state));
  if (libraryNote !== undefined) {
    // What signing in does with the papers already in this browser, said before the click (options.test.js has more).
    if (libraryNote) await page.waitFor(() => !document.querySelector('#library-note').hidden);
    const note = await page.evaluate(() => {
      const el = document.querySelector('#library-note');
      return el.hidden ? '' : el.textContent;
    });
    assert.equal(note, libraryNote);
  }
  const device = await page.evaluate(() => document.querySelector('#device-name').value);
  assert.match(device, KIND === 'firefox' ? /^Firefox on Linux$/ : /^(Chrome|Chromium) on Linux$/, 'the device names its browser');
  await page.fill('#server', backend.url);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await page.click(create ? '#create' : '#sign-in');
  await page.waitFor(() => document.body.dataset.state !== 'busy' && document.body.dataset.state !== 'signed-out');
  const state = await page.evaluate(() => [document.body.dataset.state, document.querySelector('#error')?.textContent]);
  assert.equal(state[0], 'signed-in', `sign-in failed: ${state[1]}`);
  await page.close();
}

describe(`papergist in ${KIND}`, () => {
  /** @type {Session} */
  let a;
  before(async () => {
    a = await session();
  });

  describe('cards on the real pages of ../shared/fixtures/pages', () => {
    for (const rp of REAL) {
      const file = path.join(SHARED_PAGES, rp.file);
      test(rp.file, { skip: !existsSync(file) && `${file} not found: ../shared is not beside the repository` }, async () => {
        await a.serveFile(rp.url, file, 'text/html; charset=utf-8');
        const page = await a.openListing(rp.url);
        const cards = await page.cards();
        assertOneCardEach(cards, rp.papers, rp.file);
        if (rp.first) assert.equal(cards[0].id, rp.first);
        await page.close();
      });
    }
  });

  test('a hostile title and abstract stay text', async () => {
    const url = 'https://arxiv.org/list/cs.CR/new';
    a.serve(url, arxivListing([syntheticPaper(0, { title: XSS_TITLE }), syntheticPaper(1, {
      abstract: 'We show that <script>window.__papergistPwned=2</script> <img src=x onerror="window.__papergistPwned=3"> is harmless. It is.',
    })]));
    const page = await a.openListing(url);
    const cards = await page.cards();
    assertOneCardEach(cards, 2, 'hostile');
    assert.deepEqual(cards.map((c) => c.elements.filter((e) => ['img', 'script', 'b'].includes(e))), [[], []], 'page markup became elements in a card');
    assert.ok(cards[1].tldr.includes('<script>window.__papergistPwned=2</script>'), `the abstract's markup shows as text: ${cards[1].tldr}`);
    assert.equal(await page.evaluate(() => window.__papergistPwned), undefined);
    await page.close();
  });

  test('a listing opened again shows its cards from what the background answered it before', async () => {
    const url = 'https://arxiv.org/list/cs.AI/new';
    a.serve(url, arxivListing(papers.slice(0, 4)));
    const timingOf = async (page) => JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')));
    let page = await a.openListing(url);
    const first = await page.cards();
    assert.equal((await timingOf(page)).early, undefined, 'a page never seen waits for its reply');
    await page.close();
    page = await a.openListing(url);
    const timing = await timingOf(page);
    assert.equal(timing.early, 1, `shown from the early answer (timing ${JSON.stringify(timing)})`);
    assert.deepEqual((await page.cards()).map((c) => [c.id, c.tldr, c.saved]), first.map((c) => [c.id, c.tldr, c.saved]));
    await page.close();
  });

  test('a listing opened again after the background stopped is shown from the answer it stored', async () => {
    // Firefox unloads an idle event page after this long (ms): short, so that the test can wait for it
    const s = await new Session({ kind: KIND, prefs: { 'extensions.background.idle.timeout': 2000 } }).start();
    sessions.push(s);
    const url = 'https://arxiv.org/list/cs.AI/recent';
    // A script the parser waits for, as pages have: the page is parsed (and sent) well after the early answer
    // comes, from a background that starts again meanwhile, however busy the machine.
    s.serve(SLOW_SCRIPT, '', 'text/javascript', 200, 1500);
    s.serve(url, arxivListing(papers.slice(2, 6)).replace('</body>', `<script src="${SLOW_SCRIPT}"></script></body>`));
    const timingOf = async (page) => JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')));
    let page = await s.openListing(url);
    const first = await page.cards();
    await page.close();
    await s.waitForStoredAnswer(url);
    await s.stopBackground(); // as the browser stops it when idle: the answer comes from session storage
    page = await s.openListing(url, 'shown');
    const timing = await timingOf(page);
    assert.equal(timing.early, 1, `shown from the stored early answer (timing ${JSON.stringify(timing)})`);
    assert.deepEqual((await page.cards()).map((c) => [c.id, c.tldr]), first.map((c) => [c.id, c.tldr]));
    await page.close();
  });

  test('a card saves with a click; the popup lists the paper and exports it', async () => {
    const page = await a.openListing(LISTING);
    const cards = await page.cards();
    assert.deepEqual(cards.map((c) => c.id), papers.map(id));
    assert.deepEqual(cards.map((c) => [c.shadowMode, c.saved]), papers.map(() => ['closed', 'false']));
    // the page's scripts see the hosts, but neither inside them nor which paper is saved
    const hidden = () => [...document.querySelectorAll('papergist-card')].map((c) => [c.shadowRoot, c.getAttributeNames().join()]);
    const unsaved = await page.evaluate(hidden);
    assert.deepEqual(unsaved, papers.map(() => [null, 'data-paper-id']));
    await page.clickSave(id(papers[2]));
    await page.waitForSaved(id(papers[2]));
    assert.deepEqual(await page.evaluate(hidden), unsaved, 'the page sees the saved card as before');
    const rec = (await a.records())[id(papers[2])];
    assert.equal(rec.title, papers[2].title);
    assert.ok(rec.tldr.length > 0, 'saved with its TL;DR');

    const popup = await a.openPopup();
    await popup.waitFor((pid) => [...document.querySelectorAll('li.paper')].some((li) => li.dataset.paperId === pid), id(papers[2]));
    const listed = await popup.evaluate(() => [...document.querySelectorAll('li.paper')].map((li) => li.dataset.paperId));
    assert.deepEqual(listed, [id(papers[2])]);
    const entries = parseBibTeX(await a.download(popup, 'button[data-format=bibtex]'));
    assert.deepEqual(entries.map((e) => [e.fields.title, e.fields.eprint]), [[papers[2].title, papers[2].id]]);
    await popup.close();
    await page.close();
  });

  test('a second click removes the paper; a save or removal elsewhere shows on the open card', async () => {
    const page = await a.openListing(LISTING);
    const p = papers[5];
    await page.clickSave(id(p));
    await page.waitForSaved(id(p));
    await page.clickSave(id(p));
    await page.waitForSaved(id(p), false);
    assert.equal((await a.records())[id(p)], undefined);
    // the popup's save and removal (the background tells the tab; its card changes in place)
    await a.message('library/save', { paper: { id: id(p), title: p.title, authors: p.authors, url: `https://arxiv.org/abs/${p.id}` }, summary: { tldr: 'We study it.', keyphrases: [] } });
    await page.waitForSaved(id(p));
    await a.message('library/remove', { id: id(p) });
    await page.waitForSaved(id(p), false);
    await page.close();
  });

  test('the Topics control opens the page digest, and a topic click marks its papers', async () => {
    const url = 'https://arxiv.org/list/cs.IR/new';
    a.serve(url, arxivListing(Array.from({ length: 30 }, (_, i) => syntheticPaper(200 + i))));
    const page = await a.openListing(url);
    await page.clickInShadow('papergist-digest', 'button.toggle');
    await page.waitInShadow('papergist-digest', (root) => root.querySelectorAll('.panel li button').length >= 2);
    await page.clickInShadow('papergist-digest', '.panel li:last-child button');
    await page.waitFor(() => document.querySelectorAll('papergist-card[data-highlight]').length > 0);
    await page.close();
  });

  test('the popup saves the paper of the page in the active tab', async () => {
    const p = syntheticPaper(300);
    const url = `https://arxiv.org/abs/${p.id}v2`;
    a.serve(url, arxivAbsPage(p));
    const page = await a.openListing(url);
    const popup = await a.open(a.extensionURL(`popup/popup.html?tab=${await a.tabId(page)}`));
    await popup.click('#save-tab');
    await popup.waitFor((t) => document.querySelector('#tab-status').textContent === `Saved: ${t}`, p.title);
    assert.equal((await a.records())[id(p)]?.title, p.title);
    await popup.click(`li.paper[data-paper-id="${id(p)}"] button.remove`);
    await popup.waitFor((pid) => !document.querySelector(`li.paper[data-paper-id="${pid}"]`), id(p));
    assert.equal((await a.records())[id(p)], undefined);
    await popup.close();
    await page.close();
  });

  test('the keyboard shortcut and the context menu save the paper of a page', async () => {
    const [p, q] = [syntheticPaper(301), syntheticPaper(302)];
    for (const x of [p, q]) a.serve(`https://arxiv.org/abs/${x.id}v1`, arxivAbsPage(x, 'v1'));
    const tabP = await a.openListing(`https://arxiv.org/abs/${p.id}v1`);
    assert.equal(await a.fireEvent('onCommand', 'save-paper', await a.tabId(tabP)), id(p));
    const tabQ = await a.openListing(`https://arxiv.org/abs/${q.id}v1`);
    assert.equal(await a.fireEvent('onMenuClicked', 'papergist-save', await a.tabId(tabQ)), id(q));
    const recs = await a.records();
    assert.deepEqual([recs[id(p)]?.title, recs[id(q)]?.title], [p.title, q.title]);
    for (const x of [p, q]) await a.message('library/remove', { id: id(x) });
    await tabP.close();
    await tabQ.close();
  });

  test('a PDF tab whose URL names no paper is saved from what its first page shows', async (t) => {
    // Served by a server of the test's own on 127.0.0.1 (granted, as the user grants a PDF's host when the popup
    // asks): the background downloads the PDF itself, and Firefox's test browser serves only its tabs' requests.
    const title = 'Sparse Mixtures of Tiny Experts for Streaming Speech Recognition';
    const pdf = paperPDF({ title: [title], authors: 'Ada Lovelace and Charles Babbage',
      abstract: 'We route each audio frame to two of sixty-four tiny experts and halve the word error rate of streaming recognizers at equal compute.' });
    const server = http.createServer((req, res) => {
      if (req.url !== '/preprints/sparse-experts.pdf') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => server.close());
    const url = `http://127.0.0.1:${/** @type {any} */ (server.address()).port}/preprints/sparse-experts.pdf`;
    const tab = await a.open(url);
    const saved = await a.fireEvent('onCommand', 'save-paper', await a.tabId(tab));
    assert.ok(saved, 'the shortcut saved a paper');
    const rec = (await a.records())[saved];
    assert.equal(rec?.title, title);
    assert.deepEqual(rec.authors, ['Ada Lovelace', 'Charles Babbage']);
    assert.equal(rec.pdf_url, url, 'the record keeps the PDF URL');
    assert.match(rec.abstract, /^We route each audio frame/);
    assert.ok(rec.tldr.length > 0, 'summarized');
    await a.message('library/remove', { id: saved });
    await tab.close();
  });

  test('signed in, the saved paper reaches the server and a second profile', async () => {
    const email = newEmail(`core-${KIND}`);
    await signInFromOptions(a, email, { create: true,
      libraryNote: 'Signing in adds the paper saved in this browser while signed out, with its tags and notes, to the account you sign in to.' });
    assert.equal((await a.message('sync/now')).status.state, 'synced');
    const { access_token: token } = await backend.login(email, PASSWORD);
    const { body } = await backend.api('GET', '/v1/sync?since=0', { token });
    assert.deepEqual(body.items.map((i) => [i.id, i.title]), [[id(papers[2]), papers[2].title]]);

    const b = await session();
    await signInFromOptions(b, email, { libraryNote: '' });
    assert.equal((await b.message('sync/now')).status.state, 'synced');
    assert.equal((await b.records())[id(papers[2])]?.title, papers[2].title);
    const page = await b.openListing(LISTING);
    await page.waitForSaved(id(papers[2]));
    const popup = await b.openPopup();
    await popup.waitFor((pid) => [...document.querySelectorAll('li.paper')].some((li) => li.dataset.paperId === pid), id(papers[2]));
    await popup.close();

    // Live: a save in A reaches B's open listing by itself (B's long poll; Firefox: its event page), with nothing
    // done in B. Read from B's page only, since a look into B's extension would wake its background.
    const inA = await a.openListing(LISTING);
    await inA.clickSave(id(papers[3]));
    await inA.waitForSaved(id(papers[3]));
    await page.waitForSaved(id(papers[3]), true, 20_000);
    await inA.close();
    await page.close();

    // Signed out, then into another account: refused without the consent (that account gets none of the first
    // one's papers); with it, the papers go up (options.test.js has the rest: same account, the background's refusal).
    assert.equal((await a.message('sync/now')).status.state, 'synced');
    await a.message('account/sign-out');
    const other = newEmail(`core-other-${KIND}`);
    const opts = await a.open(a.extensionURL('options/options.html'));
    await opts.waitFor(() => document.body.dataset.state === 'signed-out');
    await opts.fill('#server', backend.url);
    await opts.fill('#email', other);
    await opts.fill('#password', PASSWORD);
    assert.equal(await opts.evaluate(() => !document.querySelector('#other-papers').hidden &&
      document.querySelector('#other-papers legend').textContent),
    `This browser holds 2 papers synced with ${email}: signing in to another account adds them, with their tags and notes, to that account.`);
    await opts.click('#create');
    await opts.waitFor(() => /refused: nothing was sent/.test(document.querySelector('#error').textContent));
    assert.equal(await opts.evaluate(() => document.body.dataset.state), 'signed-out');
    await assert.rejects(backend.login(other, PASSWORD), /401/, 'no account was created without the consent');
    await opts.click('#others-add');
    await opts.click('#create');
    await opts.waitFor(() => document.body.dataset.state === 'signed-in');
    assert.equal((await a.message('sync/now')).status.state, 'synced');
    const { access_token: otherToken } = await backend.login(other, PASSWORD);
    assert.deepEqual((await backend.api('GET', '/v1/sync?since=0', { token: otherToken })).body.items.map((i) => i.id).sort(),
      [id(papers[2]), id(papers[3])].sort());
    await opts.close();
  });

  test('a paper saved while signed in but offline is that account\'s: another account gets it only with consent naming it', async () => {
    // a is signed in to the previous test's second account. Its two papers go, so that the one saved offline is the
    // only paper here: it used to count as saved while signed out, and the next account got it without a question.
    const first = (await a.message('account/get')).account.email;
    for (const p of [papers[2], papers[3]]) await a.message('library/remove', { id: id(p) });
    assert.equal((await a.message('sync/now')).status.state, 'synced');
    const offline = { id: 'arxiv:2412.00042', title: 'Saved on the train, offline', authors: ['A. Author'],
      url: 'https://arxiv.org/abs/2412.00042' };
    await backend.stop(); // the server unreachable
    try {
      await a.message('library/save', { paper: offline, summary: { tldr: '', keyphrases: [] } });
      await a.message('library/update', { id: offline.id, patch: { note: 'confidential work note' } });
      assert.equal((await a.message('sync/now')).status.state, 'offline');
      await a.message('account/sign-out');
    } finally {
      await backend.start();
    }
    const third = newEmail(`core-third-${KIND}`);
    const opts = await a.open(a.extensionURL('options/options.html'));
    await opts.waitFor(() => document.body.dataset.state === 'signed-out');
    await opts.fill('#server', backend.url);
    await opts.fill('#email', third);
    await opts.fill('#password', PASSWORD);
    const asked = await opts.evaluate(() => [!document.querySelector('#other-papers').hidden &&
      document.querySelector('#other-papers legend').textContent, document.querySelector('#library-note').hidden]);
    await opts.click('#create'); // without the tick
    await opts.waitFor(() => document.body.dataset.state === 'signed-out' && /failed|refused/.test(document.querySelector('#error').textContent) ||
      document.body.dataset.state === 'signed-in');
    await assert.rejects(backend.login(third, PASSWORD), /401/, 'no account was created, so the paper went nowhere');
    assert.match(await opts.evaluate(() => document.querySelector('#error').textContent), /^Creating the account refused: nothing was sent/);
    assert.deepEqual(asked, [`This browser holds a paper of ${first} (not uploaded to it yet): signing in to another account adds ` +
      'it, with its tags and notes, to that account.', true], 'asked about, named as the first account\'s; not "saved while signed out"');
    await opts.click('#others-add');
    await opts.click('#create');
    await opts.waitFor(() => document.body.dataset.state === 'signed-in');
    assert.equal((await a.message('sync/now')).status.state, 'synced');
    const { access_token: token } = await backend.login(third, PASSWORD);
    assert.deepEqual((await backend.api('GET', '/v1/sync?since=0', { token })).body.items.map((i) => [i.id, i.note]),
      [[offline.id, 'confidential work note']], 'with the consent, the paper and its note');
    await opts.close();
  });
});
