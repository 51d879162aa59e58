// Every paper on a listing gets exactly one card with a TL;DR, on the team's real pages and on ours;
// page text stays text; listings without abstracts get them from one batched arXiv API request.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Browser, openListing, cardsOf, SHARED_PAGES, ROOT } from '../lib/browser.js';
import { cardOf, cdpOf, clickSave, inShadow, waitForSaved } from '../lib/cards.js';
import { arxivListing, arxivAbsPage, syntheticPaper, XSS_TITLE, REAL } from '../lib/fixtures.js';
import { fakeArxivAPI } from '../lib/api.js';

/** Whether the manifest's content script runs at url (match patterns: scheme://host/path with * globs). */
async function contentScriptRunsAt(url) {
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'extension/manifest.json'), 'utf8'));
  const glob = (p) => new RegExp('^' + p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$');
  return manifest.content_scripts.some((cs) => cs.matches.some((m) => glob(m).test(url)));
}

/**
 * The extractor's committed fixtures (wasm/extract/testdata/<site>/*.html) of the sites the content script
 * runs on, with their golden results.
 */
async function goldenFixtures() {
  const dir = path.join(ROOT, 'wasm/extract/testdata');
  if (!existsSync(dir)) return [];
  const out = [];
  for (const site of await readdir(dir)) {
    if (!existsSync(path.join(dir, site)) || site === 'fuzz') continue;
    for (const f of await readdir(path.join(dir, site)).catch(() => [])) {
      if (!f.endsWith('.html')) continue;
      const file = path.join(dir, site, f);
      const golden = file.replace(/\.html$/, '.golden.json');
      if (!existsSync(golden)) continue;
      const html = await readFile(file, 'utf8');
      const m = /papergist-fixture-url:\s*(\S+)/.exec(html.slice(0, 500));
      const want = JSON.parse(await readFile(golden, 'utf8'));
      if (m && (await contentScriptRunsAt(m[1]))) {
        out.push({ name: `${site}/${f}`, url: m[1], html, ids: want.papers.map((p) => p.id), locators: want.papers.map((p) => p.locator) });
      }
    }
  }
  return out;
}

/**
 * What is right before the page's first card: the selector of those given that its previous element matches,
 * else that element's start tag.
 */
function justBefore(page, selectors = REAL.map((rp) => rp.under).filter(Boolean)) {
  return page.evaluate((sels) => {
    const prev = document.querySelector('papergist-card')?.previousElementSibling;
    if (!prev) return 'nothing';
    return sels.find((s) => prev.matches(s)) || prev.outerHTML.slice(0, prev.outerHTML.indexOf('>') + 1);
  }, selectors);
}

function assertOneCardEach(cards, count, label) {
  assert.equal(cards.length, count, `${label}: ${cards.length} cards for ${count} papers`);
  const ids = cards.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, `${label}: a paper has two cards`);
  for (const c of cards) {
    assert.equal(c.shadowMode, 'closed', `${label}: ${c.id} has no closed shadow root`);
    assert.ok(c.tldr.trim().length > 0, `${label}: ${c.id} has an empty TL;DR`);
  }
}

describe('cards', () => {
  /** @type {Browser} */
  let browser;
  before(async () => {
    browser = await new Browser().start();
    browser.api = fakeArxivAPI();
  });
  after(() => browser?.dispose());

  describe('on the real pages of ../shared/fixtures/pages', () => {
    for (const rp of REAL) {
      const file = path.join(SHARED_PAGES, rp.file);
      test(rp.file, { skip: !existsSync(file) && `${file} not found: ../shared is not beside the repository` }, async () => {
        await browser.serveFile(rp.url, file, 'text/html; charset=utf-8');
        const page = await openListing(browser.context, rp.url);
        const cards = await cardsOf(page);
        assertOneCardEach(cards, rp.papers, rp.file);
        if (rp.first) assert.equal(cards[0].id, rp.first);
        if (rp.under) assert.equal(await justBefore(page), rp.under, `${rp.file}: the card is not right under ${rp.under}`);
        await page.close();
      });
    }
  });

  test('the extractor fixtures of every site (wasm/extract/testdata)', async (t) => {
    const fixtures = await goldenFixtures();
    let linked = 0;
    if (!fixtures.length) return t.skip('no extractor fixtures with golden results yet');
    for (const f of fixtures) {
      await t.test(f.name, async () => {
        browser.serve(f.url, f.html);
        const page = await openListing(browser.context, f.url);
        const cards = await cardsOf(page);
        assertOneCardEach(cards, f.ids.length, f.name);
        assert.deepEqual(cards.map((c) => c.id), f.ids);
        // Each paper's link is where the extractor counted it (Locator.Link), among the links the browser lists.
        const misplaced = await page.evaluate((locators) => locators.filter((l) => l.link)
          .filter((l) => !(document.links[l.link - 1] && /** @type {HTMLAnchorElement} */ (document.links[l.link - 1]).href === l.href)), f.locators);
        assert.deepEqual(misplaced, [], `${f.name}: links not at their counted positions`);
        linked += f.locators.filter((l) => l.link).length;
        await page.close();
      });
    }
    assert.ok(linked >= 30, `only ${linked} papers of the fixtures have a link position`); // 45 when written
  });

  test('document.links lists the links the extractor counts (wasm/extract/testdata/links.json)', async () => {
    const vector = JSON.parse(await readFile(path.join(ROOT, 'wasm/extract/testdata/links.json'), 'utf8'));
    browser.serve(vector.url, vector.html);
    const page = await browser.context.newPage();
    await page.goto(vector.url);
    assert.deepEqual(await page.evaluate(() => [...document.links].map((a) => a.getAttribute('href'))), vector.links);
    await page.close();
  });

  test('an arXiv /new listing: cards right under each entry, from the abstracts on the page', async () => {
    const papers = Array.from({ length: 12 }, (_, i) => syntheticPaper(i));
    browser.serve('https://arxiv.org/list/cs.CL/new', arxivListing(papers));
    const before = browser.apiRequests.length;
    const page = await openListing(browser.context, 'https://arxiv.org/list/cs.CL/new');
    const cards = await cardsOf(page);
    assertOneCardEach(cards, papers.length, '/new');
    assert.deepEqual(cards.map((c) => c.id), papers.map((p) => `arxiv:${p.id}`));
    assert.ok(cards.every((c) => c.state === 'page'), 'abstracts come from the page');
    assert.equal(browser.apiRequests.length, before, 'no API request when the page has abstracts');
    // Each card sits inside its own entry's <dd>, after the entry's title.
    const placed = await page.evaluate(() => [...document.querySelectorAll('papergist-card')].map((c) => {
      const dd = c.closest('dd');
      const dt = dd && dd.previousElementSibling;
      return { id: c.dataset.paperId, dt: dt && dt.querySelector('a[title=Abstract]').id };
    }));
    for (const p of placed) assert.equal(p.id, `arxiv:${p.dt}`);
    await page.close();
  });

  test('a hostile title stays text', async () => {
    const papers = [syntheticPaper(0, { title: XSS_TITLE, abstract: '' }), syntheticPaper(1, {
      abstract: 'We show that <script>window.__papergistPwned=2</script> <img src=x onerror="window.__papergistPwned=3"> is harmless. It is.',
    })];
    const url = 'https://arxiv.org/list/cs.CR/new';
    browser.serve(url, arxivListing(papers));
    const saved = browser.api;
    browser.api = async (route) => route.fulfill({ status: 500, body: 'down' }); // the title is all there is
    try {
      const page = await openListing(browser.context, url);
      const cards = await cardsOf(page);
      assertOneCardEach(cards, 2, 'hostile');
      assert.ok(cards[0].tldr.includes('<img src=x onerror='), `the title shows as text: ${cards[0].tldr}`);
      const injected = {
        pwned: await page.evaluate(() => window.__papergistPwned),
        imgs: cards.flatMap((c) => c.elements).filter((t) => ['img', 'script', 'b'].includes(t)).length,
      };
      assert.deepEqual(injected, { pwned: undefined, imgs: 0 });
      await page.close();
    } finally {
      browser.api = saved;
    }
  });

  test('a listing without abstracts fetches them in one batched API request', async () => {
    const papers = Array.from({ length: 30 }, (_, i) => syntheticPaper(100 + i, { abstract: '' }));
    const url = 'https://arxiv.org/list/cs.LG/recent';
    browser.serve(url, arxivListing(papers));
    const before = browser.apiRequests.length;
    const page = await openListing(browser.context, url);
    const requests = browser.apiRequests.slice(before);
    assert.equal(requests.length, 1, 'one request for the whole page');
    const ids = new URL(requests[0]).searchParams.get('id_list').split(',');
    assert.deepEqual(ids.sort(), papers.map((p) => p.id).sort());
    const cards = await cardsOf(page);
    assertOneCardEach(cards, 30, '/recent');
    for (const c of cards) {
      assert.equal(c.state, 'fetched', c.id);
      assert.match(c.tldr, /Abstract of|retrieval|question answering/i, 'the TL;DR comes from the fetched abstract');
    }
    await page.close();

    // A second visit uses the cache: no request, cards fetched at once.
    const again = await openListing(browser.context, url);
    assert.equal(browser.apiRequests.length, before + 1, 'cached abstracts need no request');
    assert.ok((await cardsOf(again)).every((c) => c.state === 'fetched'));
    await again.close();
  });

  test('cards say so while the abstracts load', async () => {
    const papers = Array.from({ length: 4 }, (_, i) => syntheticPaper(400 + i, { abstract: '' }));
    const url = 'https://arxiv.org/list/cs.DL/recent';
    browser.serve(url, arxivListing(papers));
    const saved = browser.api;
    let release;
    const held = new Promise((r) => { release = r; });
    browser.api = async (route, u) => { await held; return fakeArxivAPI()(route, u); };
    try {
      const page = await openListing(browser.context, url, 'shown');
      const loading = await cardsOf(page);
      assertOneCardEach(loading, 4, 'loading');
      for (const c of loading) {
        assert.equal(c.state, 'pending');
        assert.match(c.status, /loading the abstract/i);
      }
      release();
      await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done');
      for (const c of await cardsOf(page)) {
        assert.equal(c.state, 'fetched');
        assert.equal(c.status, '');
      }
      await page.close();
    } finally {
      release();
      browser.api = saved;
    }
  });

  test('a failed API request is marked on the cards, which keep a TL;DR', async () => {
    const papers = Array.from({ length: 5 }, (_, i) => syntheticPaper(300 + i, { abstract: '' }));
    const url = 'https://arxiv.org/list/cs.AI/pastweek?show=5';
    browser.serve(url, arxivListing(papers));
    const saved = browser.api;
    browser.api = async (route) => route.fulfill({ status: 503, body: 'Service Unavailable' });
    try {
      const page = await openListing(browser.context, url);
      const cards = await cardsOf(page);
      assertOneCardEach(cards, 5, 'failed API');
      for (const c of cards) {
        assert.equal(c.state, 'failed');
        assert.match(c.status, /could not load/i);
      }
      await page.close();
    } finally {
      browser.api = saved;
    }
  });

  test('a listing of one paper: its card is right under that entry, not after the page\'s column or under its heading', async () => {
    // An author page with one paper, beside a sidebar: nothing but the page bounds the entry.
    const url = 'https://aclanthology.org/people/ada-lovelace/';
    browser.serve(url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ada Lovelace - ACL Anthology</title></head><body>
<nav class="navbar"><a href="/">ACL Anthology</a> <a href="/faq/">FAQ</a> <a href="/info/corrections/">Corrections</a></nav>
<section id="main"><h2 id="title">Ada Lovelace</h2><hr><div class="row"><div class="col-lg-9"><h4>2024</h4>
<div class="d-sm-flex align-items-stretch mb-3"><div class="d-block me-2 list-button-row"><span><a href="https://aclanthology.org/2024.acl-long.1.pdf">pdf</a> <a href="/2024.acl-long.1.bib">bib</a></span></div>
<span class="d-block"><strong><a class="align-middle" href="/2024.acl-long.1/">Counting machines that weave algebraic patterns</a></strong><br><a href="/people/ada-lovelace/">Ada Lovelace</a> | <a href="/people/charles-babbage/">Charles Babbage</a><br><a href="/volumes/2024.acl-long/" class="text-muted">Proceedings of the 62nd Annual Meeting of the Association for Computational Linguistics</a></span></div>
</div><div class="col-lg-3"><h4>Co-authors</h4><ul><li><a href="/people/charles-babbage/">Charles Babbage</a></li></ul><h4>Venues</h4><ul><li><a href="/venues/acl/">ACL</a></li></ul></div></div></section>
<footer><a href="/info/credits/">Credits</a></footer></body></html>`);
    const page = await openListing(browser.context, url);
    assertOneCardEach(await cardsOf(page), 1, 'one paper');
    assert.equal(await justBefore(page, ['div.d-sm-flex']), 'div.d-sm-flex');
    await page.close();
  });

  test('a paper page whose title sits in a row beside its buttons: the card goes under the row, not into the title', async () => {
    const p = syntheticPaper(410);
    const url = `https://arxiv.org/abs/${p.id}v2`;
    browser.serve(url, arxivAbsPage(p).replace(/(<h1 class="title mathjax">[\s\S]*?<\/h1>)/,
      '<div class="title-row" style="display:flex; gap:8px">$1<a href="/pdf/x">PDF</a></div>'));
    const page = await openListing(browser.context, url);
    assertOneCardEach(await cardsOf(page), 1, 'flex title');
    assert.deepEqual(await page.evaluate(() => {
      const card = document.querySelector('papergist-card');
      return [card.parentElement.localName, card.previousElementSibling?.className];
    }), ['div', 'title-row']);
    await page.close();
  });

  test('a section of one entry (a day, the cross-lists): its card is in that entry, not after the section', async () => {
    // arXiv's markup: each section is a <dl> that opens with its <h3>; one of them lists one paper.
    const papers = Array.from({ length: 4 }, (_, i) => syntheticPaper(700 + i));
    const items = (ps) => arxivListing(ps).match(/<dl id='articles'>([^]*)<\/dl>/)[1];
    const sections = [['New submissions', papers.slice(0, 2)], ['Cross submissions (showing 1 of 1 entries)', papers.slice(2, 3)],
      ['Replacement submissions', papers.slice(3)]].map(([h3, ps]) => `<dl id='articles'><h3>${h3}</h3>${items(ps)}</dl>`);
    const url = 'https://arxiv.org/list/cs.CL/new?sections';
    browser.serve(url, arxivListing(papers).replace(/<h3>[^]*<\/dl>/, sections.join('\n')));
    const page = await openListing(browser.context, url);
    assertOneCardEach(await cardsOf(page), 4, 'sections');
    // Each card is in the <dd> of its own entry, as on a section of many.
    const inside = await page.evaluate(() => [...document.querySelectorAll('papergist-card')].map((c) => {
      const dd = c.parentElement.closest('dd');
      return `${c.dataset.paperId} in ${dd ? dd.previousElementSibling.querySelector('a[title=Abstract]').id : c.parentElement.localName}`;
    }));
    assert.deepEqual(inside, papers.map((p) => `arxiv:${p.id} in ${p.id}`));
    await page.close();
  });

  test('entries whose title heading sits above their link (<h3>Title</h3><p><a>…</a></p>): each card is under its whole entry', async () => {
    const papers = Array.from({ length: 3 }, (_, i) => syntheticPaper(740 + i));
    const hash = (i) => String(i + 1).repeat(40);
    const url = 'https://www.semanticscholar.org/search?q=heading-titled';
    browser.serve(url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search - Semantic Scholar</title></head><body>
<main><h1>Results</h1><div class="results">${papers.map((p, i) => `<div class="cl-paper-row"><h3>${p.title}</h3>
<p><a href="/paper/${hash(i)}">View paper</a></p><p class="cl-paper-authors">${p.authors.map((a) => `<a href="/author/${a.replace(/\W/g, '')}">${a}</a>`).join(', ')}</p>
<p>${p.abstract}</p></div>`).join('\n')}</div></main></body></html>`);
    const page = await openListing(browser.context, url);
    assert.equal((await cardsOf(page)).length, 3);
    // Each card right after its own entry's <div>, not after the entry's link line, between it and the authors.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('papergist-card')].map((c) => {
      const prev = c.previousElementSibling;
      return `${c.dataset.paperId} after ${prev.className || prev.localName} ${prev.querySelector('a')?.getAttribute('href')}`;
    })), papers.map((_, i) => `s2:${hash(i)} after cl-paper-row /paper/${hash(i)}`));
    await page.close();
  });

  test('a listing of one result whose title heading sits above its link: the card is under the whole entry', async () => {
    const [p] = [syntheticPaper(745)];
    const hash = '7'.repeat(40);
    const url = 'https://www.semanticscholar.org/search?q=heading-titled-one';
    browser.serve(url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search - Semantic Scholar</title></head><body>
<main><h1>Results</h1><div class="results"><div class="cl-paper-row"><h3>${p.title}</h3>
<p><a href="/paper/${hash}">View paper</a></p><p class="cl-paper-authors">${p.authors.map((a) => `<a href="/author/${a.replace(/\W/g, '')}">${a}</a>`).join(', ')}</p>
<p>${p.abstract}</p></div></div><h2>Related searches</h2><p><a href="/search?q=a">a</a> <a href="/search?q=b">b</a></p></main></body></html>`);
    const page = await openListing(browser.context, url);
    assert.equal((await cardsOf(page)).length, 1);
    // After the entry (here its list, which holds only it), not after its link's line, between it and the authors;
    // and not after the next section.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('papergist-card')].map((c) => {
      const prev = c.previousElementSibling;
      return `${c.dataset.paperId} after ${prev.className || prev.localName}, before ${c.nextElementSibling?.localName}`;
    })), [`s2:${hash} after results, before h2`]);
    await page.close();
  });

  test('a listing of one result that grows: the first card moves under its entry, as on a listing of several', async () => {
    const papers = Array.from({ length: 3 }, (_, i) => syntheticPaper(750 + i));
    const hash = (i) => String.fromCharCode(97 + i).repeat(40);
    const row = (p, i) => `<div class="cl-paper-row" data-test-id="search-result"><div class="cl-paper-title"><a data-test-id="title-link" href="/paper/${hash(i)}"><h2>${p.title}</h2></a></div>
<div class="cl-paper-authors">${p.authors.map((a) => `<a href="/author/${a.replace(/\W/g, '')}">${a}</a>`).join(', ')}</div><div class="cl-paper-abstract">${p.abstract}</div></div>`;
    const url = 'https://www.semanticscholar.org/search?q=grows';
    browser.serve(url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search - Semantic Scholar</title></head><body>
<main><h1>Results</h1><div class="result-page">${row(papers[0], 0)}</div><nav class="pagination"><a href="/search?q=grows&page=2">Next</a></nav></main></body></html>`);
    const page = await openListing(browser.context, url);
    assert.equal((await cardsOf(page)).length, 1);
    // "Load more": two more results in the same list.
    await page.evaluate((html) => document.querySelector('.result-page').insertAdjacentHTML('beforeend', html), papers.slice(1).map((p, i) => row(p, i + 1)).join('\n'));
    await page.waitForFunction(() => document.querySelectorAll('papergist-card').length === 3, null, { timeout: 15_000 });
    await page.waitForTimeout(1000);
    // In page order: each result, then its card; none after the whole list.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.cl-paper-row, papergist-card')]
      .map((n) => (n.localName === 'papergist-card' ? `card ${n.dataset.paperId}` : n.querySelector('a').getAttribute('href')))),
    papers.flatMap((_, i) => [`/paper/${hash(i)}`, `card s2:${hash(i)}`]));
    await page.close();
  });

  test('a listing whose entry is a title <dt> and several <dd>s (CVF): the card is under the last, the links', async () => {
    const papers = Array.from({ length: 3 }, (_, i) => syntheticPaper(720 + i));
    const name = (p) => p.title.replace(/\W+/g, '_');
    const url = 'https://openaccess.thecvf.com/CVPR2025?day=all';
    browser.serve(url, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>CVPR 2025 Open Access Repository</title></head>
<body><div id="header"><a href="/menu">Home</a></div><div id="content"><dl>
<dd><h3>These CVPR 2025 papers are the Open Access versions, provided by the Computer Vision Foundation.</h3></dd>
${papers.map((p) => `<dt class="ptitle"><br><a href="/content/CVPR2025/html/${name(p)}_CVPR_2025_paper.html">${p.title}</a></dt>
<dd>${p.authors.map((a) => `<form class="authsearch" action="/CVPR2025" method="post"><input type="hidden" name="query_author" value="${a}"><a href="#">${a}</a></form>`).join(',\n')}</dd>
<dd>[<a href="/content/CVPR2025/papers/${name(p)}_CVPR_2025_paper.pdf">pdf</a>] [<a href="http://arxiv.org/abs/${p.id}">arXiv</a>]</dd>`).join('\n')}
</dl></div></body></html>`);
    const page = await openListing(browser.context, url);
    assertOneCardEach(await cardsOf(page), 3, 'CVF');
    // Each card comes after its entry's [pdf] link and before the next entry's title.
    const order = await page.evaluate(() => [...document.querySelectorAll('#content dt a, #content dd > a, papergist-card')]
      .map((n) => (n.localName === 'papergist-card' ? 'card' : n.textContent)).filter((t) => t === 'card' || t === 'pdf' || t.length > 20));
    assert.deepEqual(order, papers.flatMap((p) => [p.title, 'pdf', 'card']));
    await page.close();
  });

  test('on a right-to-left page (Scholar in Arabic) a card reads left to right, and a paper\'s own text in its script\'s direction', async () => {
    // The direction each card's TL;DR is laid out in (a full stop on the wrong end otherwise), from the computed
    // style DevTools reports (the shadow roots are closed).
    const directions = async (page) => {
      const cdp = await cdpOf(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const texts = [];
      const walk = (n) => {
        if (n.localName === 'span' && (n.attributes || []).join(' ').split(' ').includes('text')) texts.push(n.nodeId);
        for (const c of [...(n.shadowRoots || []), ...(n.children || [])]) walk(c);
      };
      walk(root);
      const out = [];
      for (const nodeId of texts) {
        const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId });
        out.push(computedStyle.find((p) => p.name === 'direction').value);
      }
      return out;
    };
    const rtl = (html) => html.replace('<html>', '<html dir="rtl" lang="ar">');
    const english = await readFile(path.join(ROOT, 'wasm/extract/testdata/scholar/results.html'), 'utf8');
    const url = 'https://scholar.google.com/scholar?hl=ar&q=attention';
    browser.serve(url, rtl(english));
    let page = await openListing(browser.context, url);
    assert.equal((await cardsOf(page)).length, 5);
    assert.deepEqual(await directions(page), Array(5).fill('ltr'), 'English TL;DRs');
    await page.close();

    // A paper in Arabic on the same page: its TL;DR runs right to left.
    const arabic = 'نموذج الانتباه للترجمة الآلية';
    const url2 = 'https://scholar.google.com/scholar?hl=ar&q=arabic';
    browser.serve(url2, rtl(english).replace('Attention Models in Graphs: A Survey &amp; Outlook &lt;img src=x onerror=alert(1)&gt;', arabic));
    page = await openListing(browser.context, url2);
    const cards = await cardsOf(page);
    assert.ok(cards[1].tldr.includes('الانتباه'), cards[1].tldr); // no abstract: its TL;DR is its title
    assert.deepEqual(await directions(page), ['ltr', 'rtl', 'ltr', 'ltr', 'ltr']);
    await page.close();
  });

  test('a page that renders its list after the cards were shown (Next.js): the cards move under their entries', async () => {
    // OpenReview's newer pages: the papers are in __NEXT_DATA__, the list is rendered by the page's script later.
    const html = await readFile(path.join(ROOT, 'wasm/extract/testdata/openreview/group-nextdata.html'), 'utf8');
    const url = /papergist-fixture-url:\s*(\S+)/.exec(html)[1];
    browser.serve(url, html);
    const page = await openListing(browser.context, url);
    assert.equal((await cardsOf(page)).length, 2, 'shown before the list, at the top');
    await page.evaluate(() => {
      document.querySelector('#group-container').innerHTML = `<ul class="submissions-list">
        <li><div class="note"><h4><a href="/forum?id=v1NoteAAA1">Score-Based Generative Modeling in Latent Space</a></h4>
          <div class="note-authors">Arash Vahdat, Karsten Kreis, Jan Kautz</div></div></li>
        <li><div class="note"><h4><a href="/forum?id=v2NoteBBB2">Diffusion Models Beat GANs on Image Synthesis</a></h4>
          <div class="note-authors">Prafulla Dhariwal, Alex Nichol</div></div></li></ul>`;
    });
    const under = () => page.evaluate(() => [...document.querySelectorAll('papergist-card')]
      .map((c) => `${c.dataset.paperId} under ${c.previousElementSibling?.querySelector('a')?.getAttribute('href') || c.parentElement.localName}`));
    const want = ['openreview:v1NoteAAA1 under /forum?id=v1NoteAAA1', 'openreview:v2NoteBBB2 under /forum?id=v2NoteBBB2'];
    for (let i = 0; i < 50 && JSON.stringify(await under()) !== JSON.stringify(want); i++) await page.waitForTimeout(100);
    assert.deepEqual(await under(), want);
    assertOneCardEach(await cardsOf(page), 2, 'rendered later');
    await page.close();
  });

  test('an entry with a collapsed abstract its "abs" button opens (ACL): the card goes under the abstract, not above it', async () => {
    const entry = (i) => `<div class="d-sm-flex align-items-stretch mb-3"><div class="d-block me-2 list-button-row"><span>
<a href="https://aclanthology.org/2024.acl-long.${i}.pdf">pdf</a> <a href="#abstract-2024--acl-long--${i}" data-bs-toggle="collapse" aria-expanded="false" aria-controls="abstract-2024--acl-long--${i}" title="Show Abstract">abs</a></span></div>
<span class="d-block"><strong><a class="align-middle" href="/2024.acl-long.${i}/">Weaving algebraic patterns, part ${i}</a></strong><br><a href="/people/ada-lovelace/">Ada Lovelace</a></span></div>
<div class="card bg-light mb-2 collapse abstract-collapse" id="abstract-2024--acl-long--${i}"><div class="card-body p-3 small">We weave algebraic patterns with engines, part ${i}. They work.</div></div>`;
    const url = 'https://aclanthology.org/people/ada-lovelace-abs/';
    browser.serve(url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ada Lovelace - ACL Anthology</title></head><body>
<section id="main"><h2 id="title">Ada Lovelace</h2><div class="row"><div class="col-lg-9"><h4>2024</h4>${entry(1)}${entry(2)}</div></div></section></body></html>`);
    const page = await openListing(browser.context, url);
    assertOneCardEach(await cardsOf(page), 2, 'abs');
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('papergist-card')].map((c) => c.previousElementSibling.id)),
      ['abstract-2024--acl-long--1', 'abstract-2024--acl-long--2']);
    await page.close();
  });

  test('entries laid out side by side (Hugging Face\'s grid of three columns): each card is under its own entry', async () => {
    const fixture = await readFile(path.join(ROOT, 'wasm/extract/testdata/huggingface/daily-2025-01-20.html'), 'utf8');
    const url = /papergist-fixture-url:\s*(\S+)/.exec(fixture)[1];
    // The site's stylesheet, as far as the list goes: a grid of three columns.
    browser.serve(url, fixture.replace('</head>', '<style>.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 20px }</style></head>'));
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done', null, { timeout: 20_000 });
    assertOneCardEach(await cardsOf(page), 4, 'grid');
    // Each card's box is below its entry's title and within its column; the entries stay three to a row.
    const boxes = await page.evaluate(() => [...document.querySelectorAll('article h3 a')].map((a) => {
      const card = [...document.querySelectorAll('papergist-card')].find((c) => c.dataset.paperId.endsWith(a.getAttribute('href').split('/').pop()));
      const t = a.getBoundingClientRect();
      const c = card && card.getBoundingClientRect();
      return { under: Boolean(c) && c.top >= t.bottom && c.left < t.right && c.right > t.left, left: Math.round(t.left) };
    }));
    assert.deepEqual(boxes.map((b) => b.under), [true, true, true, true], JSON.stringify(boxes));
    assert.equal(new Set(boxes.slice(0, 3).map((b) => b.left)).size, 3, 'the first three entries are side by side');
    await page.close();
  });

  test('a card that moves from the fallback spot under its entry keeps what it showed (a failed save\'s reason)', async () => {
    const html = await readFile(path.join(ROOT, 'wasm/extract/testdata/openreview/group-nextdata.html'), 'utf8');
    const url = /papergist-fixture-url:\s*(\S+)/.exec(html)[1];
    browser.serve(url, html);
    const page = await openListing(browser.context, url);
    const id = 'openreview:v1NoteAAA1';
    const before = await cardOf(page, id);
    assert.ok(before, 'shown before the list, at the top');
    // Its save fails (the storage refuses the paper's write): the card says why.
    const w = await browser.serviceWorker();
    await w.evaluate((key) => {
      globalThis.papergistCardSet = chrome.storage.local.set.bind(chrome.storage.local);
      chrome.storage.local.set = (items, ...rest) => (Object.hasOwn(items, key)
        ? Promise.reject(new Error('the disk is full')) : globalThis.papergistCardSet(items, ...rest));
    }, `paper:${id}`);
    try {
      await clickSave(page, id);
      for (let i = 0; i < 50 && !(await cardOf(page, id)).status.startsWith('Not saved'); i++) await page.waitForTimeout(100);
    } finally {
      await w.evaluate(() => { chrome.storage.local.set = globalThis.papergistCardSet; });
    }
    assert.match((await cardOf(page, id)).status, /^Not saved: /);
    await page.evaluate(() => {
      document.querySelector('#group-container').innerHTML = `<ul class="submissions-list">
        <li><div class="note"><h4><a href="/forum?id=v1NoteAAA1">Score-Based Generative Modeling in Latent Space</a></h4>
          <div class="note-authors">Arash Vahdat, Karsten Kreis, Jan Kautz</div></div></li>
        <li><div class="note"><h4><a href="/forum?id=v2NoteBBB2">Diffusion Models Beat GANs on Image Synthesis</a></h4>
          <div class="note-authors">Prafulla Dhariwal, Alex Nichol</div></div></li></ul>`;
    });
    const under = () => page.evaluate((pid) => {
      const c = document.querySelector(`papergist-card[data-paper-id="${pid}"]`);
      return c?.previousElementSibling?.querySelector('a')?.getAttribute('href') || c?.parentElement.localName;
    }, id);
    for (let i = 0; i < 50 && (await under()) !== '/forum?id=v1NoteAAA1'; i++) await page.waitForTimeout(100);
    assert.equal(await under(), '/forum?id=v1NoteAAA1');
    const after = await cardOf(page, id);
    assert.match(after.status, /^Not saved: /, 'the reason stays');
    assert.equal(after.buttonNode, before.buttonNode, 'the same card, moved');
    assert.equal(after.elements.includes('a'), false, 'under its entry, the card no longer repeats the title');
    assertOneCardEach(await cardsOf(page), 2, 'rendered later');
    await page.close();
  });

  test('a single-page navigation that changes the list gets the new cards', async () => {
    const first = Array.from({ length: 5 }, (_, i) => syntheticPaper(500 + i));
    const second = Array.from({ length: 3 }, (_, i) => syntheticPaper(600 + i));
    // the page's own script swaps the list and pushes a URL, as a client-side router does
    const next = arxivListing(second).match(/<dl id='articles'>([^]*)<\/dl>/)[1];
    const script = `<script>
      function nextPage() {
        history.pushState({}, '', '/list/cs.NE/new?page=2');
        document.querySelector('dl#articles').innerHTML = ${JSON.stringify(next).replace(/</g, '\\u003c')};
      }
    </script>`;
    const url = 'https://arxiv.org/list/cs.NE/new';
    browser.serve(url, arxivListing(first, { extraHead: script }));
    const page = await openListing(browser.context, url);
    assert.deepEqual((await cardsOf(page)).map((c) => c.id), first.map((p) => `arxiv:${p.id}`));
    await page.evaluate(() => window.nextPage());
    await page.waitForFunction((n) => document.querySelectorAll('papergist-card').length === n &&
      document.documentElement.getAttribute('data-papergist') === 'done' &&
      document.querySelector('papergist-card').dataset.paperId.endsWith('80600'), second.length, { timeout: 10_000 });
    const cards = await cardsOf(page);
    assertOneCardEach(cards, second.length, 'after navigation');
    assert.deepEqual(cards.map((c) => c.id), second.map((p) => `arxiv:${p.id}`));
    assert.equal(await page.locator('papergist-digest').count(), 1, 'one digest control');
    await page.close();
  });

  test('the digest control opens and lists the page topics', async () => {
    const papers = Array.from({ length: 40 }, (_, i) => syntheticPaper(i));
    browser.serve('https://arxiv.org/list/cs.IR/new', arxivListing(papers));
    const page = await openListing(browser.context, 'https://arxiv.org/list/cs.IR/new');
    const digest = page.locator('papergist-digest');
    await digest.locator('button.toggle').click();
    await assert.doesNotReject(digest.locator('.panel h2').waitFor({ state: 'visible' }));
    const topics = digest.locator('.panel li button');
    assert.ok((await topics.count()) >= 2, 'five research areas make more than one topic');
    // the last topic's papers are further down: a click scrolls the first of them into view
    await topics.last().click();
    const ids = await page.evaluate(() => [...document.querySelectorAll('papergist-card[data-highlight]')].map((c) => c.dataset.paperId));
    assert.ok(ids.length > 0, 'a topic click highlights its papers');
    await page.waitForFunction((id) => {
      const r = document.querySelector(`papergist-card[data-paper-id="${id}"]`).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, ids[0], { timeout: 5000 });
    await page.close();
  });

  test('the digest by keyboard on the real arXiv listing: Enter opens it, Tab goes into it, Escape closes it; each topic says its count in words', async () => {
    const rp = REAL.find((r) => r.file.startsWith('arxiv/list-'));
    const file = path.join(SHARED_PAGES, rp.file);
    if (!existsSync(file)) return;
    await browser.serveFile(rp.url, file, 'text/html; charset=utf-8');
    const page = await openListing(browser.context, rp.url);
    await page.bringToFront();
    const digest = page.locator('papergist-digest');
    await digest.locator('button.toggle').focus();
    await page.keyboard.press('Enter');
    await digest.locator('.panel li button').first().waitFor({ state: 'visible' });
    const focused = () => page.evaluate(() => {
      const r = document.querySelector('papergist-digest').shadowRoot;
      const a = r.activeElement;
      return a ? (a.classList.contains('toggle') ? 'toggle' : a.closest('.panel') ? 'panel' : a.localName) : 'outside';
    });
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'panel', 'Tab from the open Topics button goes into its panel');
    const names = await digest.locator('.panel li button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') || b.textContent));
    for (const n of names) assert.match(n, /^\S.*, \d+ papers?$/, `a topic's name runs its count into its words: ${n}`);
    // The page's own Escape handlers (closing its dialog, clearing its search) hear only the Escapes the digest
    // does not use.
    await page.evaluate(() => {
      window.pageEscapes = 0;
      document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') window.pageEscapes++; });
    });
    await page.keyboard.press('Escape');
    assert.ok(await digest.locator('.panel').isHidden(), 'Escape closes the panel');
    assert.equal(await focused(), 'toggle', 'and puts the focus back on Topics');
    assert.equal(await digest.locator('button.toggle').getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => window.pageEscapes), 0, 'the Escape that closed the panel reached the page too');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => window.pageEscapes), 1, 'an Escape with the panel closed is the page\'s');
    await page.close();
  });

  test('a Google Scholar result with a cut abstract snippet: its card does not say the page has no abstract nor repeat the title as a TL;DR, and a page without one says so (the real pages)', async () => {
    const rp = REAL.find((r) => r.file.startsWith('scholar/'));
    const file = path.join(SHARED_PAGES, rp.file);
    if (!existsSync(file)) return;
    await browser.serveFile(rp.url, file, 'text/html; charset=utf-8');
    const page = await openListing(browser.context, rp.url);
    const shown = await page.evaluate(() => document.querySelector('.gs_rs')?.textContent || '');
    assert.match(shown, /Theoretical results suggest/, 'the result shows a snippet of the abstract');
    const [card] = await cardsOf(page);
    assert.equal(card.state, 'missing');
    assert.doesNotMatch(card.status, /^No abstract/, `the card contradicts the snippet above it: ${card.status}`);
    // Its TL;DR, made from the title alone, is the title word for word: the card leaves it out under the title
    // and shows what it has (the status, the key phrases).
    const title = await page.evaluate(() => document.querySelector('.gs_rt a')?.textContent || '');
    const words = (t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
    assert.equal(words(card.tldr), words(title), 'the TL;DR is the title');
    const shows = await inShadow(page, 'papergist-card', (root) => ({
      tldr: root.querySelector('.tldr').getClientRects().length > 0,
      phrases: [...root.querySelectorAll('.phrases li')].filter((li) => li.getClientRects().length > 0).length,
      status: root.querySelector('.status').getClientRects().length > 0,
    }));
    assert.deepEqual(shows, { tldr: false, phrases: card.phrases.length, status: true }, 'the repeated title is left out, the rest shown');
    assert.ok(card.phrases.length > 0, 'the card has key phrases');
    assert.equal(card.status, 'No full abstract on this page: no TL;DR beyond its title.');
    await page.close();
    // A page with no abstract at all for a paper (an ACL author's page: K18-3004 has no "abs") says just that:
    // "full" there would tell the reader a part of it is on the page.
    const acl = REAL.find((r) => r.file.startsWith('acl/people-'));
    const aclFile = path.join(SHARED_PAGES, acl.file);
    if (!existsSync(aclFile)) return;
    await browser.serveFile(acl.url, aclFile, 'text/html; charset=utf-8');
    const people = await openListing(browser.context, acl.url);
    const bare = await cardOf(people, 'acl:K18-3004');
    assert.equal(bare?.state, 'missing', JSON.stringify(bare));
    assert.match(bare.status, /^No abstract on this page: TL;DR from the title only\.$/, 'a page without the abstract says so');
    await people.close();
  });

  test('accents reach the card composed, whether the page wrote them as TeX or as a letter and a combining mark', async () => {
    // Other scripts and a character outside the BMP (a surrogate pair in JavaScript) go through the wasm's reading
    // of the page (str in wasm/main.go) and back unchanged.
    const accented = syntheticPaper(520, {
      abstract: 'Schr\\"odinger bridges with \u6771\u4eac \u{1F600} Cafe\u0301 flows. We propose \u6771\u4eac \u{1F600} nai\u0308ve Schr\\"odinger bridges for caf\u00e9 routing. It works.',
    });
    const url = 'https://arxiv.org/list/cs.CL/new?accents';
    browser.serve(url, arxivListing([accented, syntheticPaper(521)]));
    const page = await openListing(browser.context, url);
    let card;
    for (let i = 0; i < 100 && !(card = await cardOf(page, `arxiv:${accented.id}`))?.tldr; i++) await page.waitForTimeout(100);
    assert.match(card.tldr, /Schrödinger/, card.tldr);
    assert.match(card.tldr, /naïve|Café/, card.tldr);
    assert.ok(card.tldr.includes('\u6771\u4eac \u{1F600}'), card.tldr);
    assert.doesNotMatch(card.tldr, /[\u0300-\u036f]/, 'no combining mark is left');
    assert.equal(card.tldr, card.tldr.normalize('NFC'));
    await page.close();
  });

  test('a TL;DR with a long unbroken word or URL wraps on a narrow window: the Save button stays inside the card, clickable', async () => {
    const p = syntheticPaper(530, {
      abstract: 'We propose RetrievalAugmentedGenerationWithDenseRetrieverAndCrossEncoderRerankerForOpenDomainQA, ' +
        'released at https://github.com/some-organisation/a-very-long-repository-name-for-open-domain-question-answering-v2 ' +
        'and it improves accuracy by 3 points on three benchmarks.',
    });
    const url = 'https://arxiv.org/list/cs.CL/new?narrow';
    browser.serve(url, arxivListing([p]));
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 700 });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papergist') === 'done');
    const [card] = await cardsOf(page);
    assert.match(card.tldr, /RetrievalAugmented/, 'the TL;DR has the long word');
    const box = await page.evaluate(() => {
      const r = document.querySelector('papergist-card').getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
    const inside = await inShadow(page, 'papergist-card', (root) => {
      const rect = (s) => { const r = root.querySelector(s).getBoundingClientRect(); return { left: r.left, right: r.right }; };
      // A block's rectangle is its column, not its text: each text must also fit inside its own box (a word that
      // does not wrap runs past it, under the button, and is cut off by the card's containment).
      const over = [...root.querySelectorAll('.tldr, .phrases li, .status, .body')]
        .filter((e) => e.scrollWidth > e.clientWidth)
        .map((e) => `${e.className || e.localName} ${e.scrollWidth} > ${e.clientWidth}: ${e.textContent.slice(0, 40)}`);
      return { card: rect('.card'), button: rect('button.save'), text: rect('.tldr'), phrases: rect('.phrases'), over };
    });
    assert.deepEqual(inside.over, [], 'text runs past its box');
    assert.ok(inside.card.right <= box.right + 0.5, `the card (right ${inside.card.right}) is wider than its place (right ${box.right}): clipped`);
    for (const part of ['button', 'text', 'phrases']) {
      assert.ok(inside[part].left >= inside.card.left - 0.5 && inside[part].right <= inside.card.right + 0.5,
        `the ${part} (${inside[part].left}…${inside[part].right}) sticks out of the card (${inside.card.left}…${inside.card.right})`);
    }
    await clickSave(page, `arxiv:${p.id}`);
    await waitForSaved(page, `arxiv:${p.id}`);
    await page.close();
  });

  test('each card\'s Save button names its paper, for a screen reader going from button to button (the real Hugging Face page)', async () => {
    const rp = REAL.find((r) => r.file.startsWith('huggingface/'));
    const file = path.join(SHARED_PAGES, rp.file);
    if (!existsSync(file)) return;
    await browser.serveFile(rp.url, file, 'text/html; charset=utf-8');
    const page = await openListing(browser.context, rp.url);
    const buttons = async () => {
      const { nodes } = await (await cdpOf(page)).send('Accessibility.getFullAXTree');
      return nodes.filter((n) => n.role?.value === 'button' && /^Saved? “/.test(n.name?.value || '')).map((n) => n.name.value);
    };
    const names = await buttons();
    assert.equal(names.length, rp.papers, `named Save buttons: ${JSON.stringify(names)}`);
    assert.equal(new Set(names).size, names.length, 'two buttons have the same name');
    assert.ok(names.includes('Save “The Llama 3 Herd of Models”'), JSON.stringify(names.slice(0, 3)));
    await clickSave(page, 'arxiv:2407.21783');
    await waitForSaved(page, 'arxiv:2407.21783');
    assert.ok((await buttons()).includes('Saved “The Llama 3 Herd of Models”'), 'the name follows the saved state');
    await clickSave(page, 'arxiv:2407.21783');
    await waitForSaved(page, 'arxiv:2407.21783', false);
    await page.close();
  });

  test('a card given an entry with another title is named for the new title (a list rendered later, titled otherwise)', async () => {
    // OpenReview's newer pages: the card is shown from __NEXT_DATA__ at the top, then moves under the entry the
    // page's script renders, here with a title revised since (and the data script gone): the same card, updated.
    const html = await readFile(path.join(ROOT, 'wasm/extract/testdata/openreview/group-nextdata.html'), 'utf8');
    const url = /papergist-fixture-url:\s*(\S+)/.exec(html)[1];
    browser.serve(url, html);
    const page = await openListing(browser.context, url);
    const id = 'openreview:v1NoteAAA1';
    const names = () => inShadow(page, `papergist-card[data-paper-id="${id}"]`, (root) => ({
      region: root.querySelector('.card').getAttribute('aria-label'),
      button: root.querySelector('button.save').getAttribute('aria-label'),
    }));
    assert.equal((await names()).button, 'Save “Score-Based Generative Modeling in Latent Space”');
    await page.evaluate(() => {
      document.querySelector('#__NEXT_DATA__').remove();
      document.querySelector('#group-container').innerHTML = `<ul class="submissions-list">
        <li><div class="note"><h4><a href="/forum?id=v1NoteAAA1">Score-Based Generative Modeling in a Latent Space</a></h4>
          <div class="note-authors">Arash Vahdat, Karsten Kreis, Jan Kautz</div></div></li>
        <li><div class="note"><h4><a href="/forum?id=v2NoteBBB2">Diffusion Models Beat GANs on Image Synthesis</a></h4>
          <div class="note-authors">Prafulla Dhariwal, Alex Nichol</div></div></li></ul>`;
    });
    const under = () => page.evaluate((pid) => document.querySelector(`papergist-card[data-paper-id="${pid}"]`)
      ?.previousElementSibling?.querySelector('a')?.getAttribute('href'), id);
    for (let i = 0; i < 50 && (await under()) !== '/forum?id=v1NoteAAA1'; i++) await page.waitForTimeout(100);
    assert.equal(await under(), '/forum?id=v1NoteAAA1', 'moved under its entry');
    const want = '“Score-Based Generative Modeling in a Latent Space”';
    assert.deepEqual(await names(), { region: `papergist summary of ${want}`, button: `Save ${want}` });
    await clickSave(page, id);
    await waitForSaved(page, id);
    assert.equal((await names()).button, `Saved ${want}`, 'and the saved name too');
    await clickSave(page, id);
    await waitForSaved(page, id, false);
    await page.close();
  });

  test('a listing that grows in place ("load more") gets cards for its new papers, once each', async () => {
    const first = Array.from({ length: 4 }, (_, i) => syntheticPaper(500 + i));
    const later = Array.from({ length: 3 }, (_, i) => syntheticPaper(510 + i));
    const url = 'https://arxiv.org/list/cs.CL/new?load-more';
    browser.serve(url, arxivListing(first));
    const page = await openListing(browser.context, url);
    assert.equal((await cardsOf(page)).length, 4);
    // What a "load more" button does: more entries in the same list, the URL unchanged.
    await page.evaluate((html) => {
      const more = new DOMParser().parseFromString(html, 'text/html').querySelector('dl#articles');
      const dl = document.querySelector('dl#articles');
      for (const n of [...more.children]) dl.append(document.importNode(n, true));
    }, arxivListing(later));
    await page.waitForFunction(() => document.querySelectorAll('papergist-card').length === 7, null, { timeout: 15_000 });
    await page.waitForTimeout(2000); // a second look at the page finds nothing more to add
    const cards = await cardsOf(page);
    assert.deepEqual(cards.map((c) => c.id), [...first, ...later].map((p) => `arxiv:${p.id}`), 'each once, in page order');
    while (!(await cardsOf(page)).every((c) => c.tldr.length > 0)) await page.waitForTimeout(100);
    // Loaded again, the page is the one first served: the answer of its load, not of its grown state, comes early.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => ['shown', 'done'].includes(document.documentElement.getAttribute('data-papergist')));
    const timing = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-papergist-timing')));
    assert.equal(timing.early, 1, `the reload is shown from the early answer (timing ${JSON.stringify(timing)})`);
    assert.deepEqual((await cardsOf(page)).map((c) => c.id), first.map((p) => `arxiv:${p.id}`));
    await page.close();
  });
});
