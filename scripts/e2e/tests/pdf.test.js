// Saving from PDF tabs and paper URLs: real paper PDFs (../shared/fixtures/pdfs) and PDFs the test writes
// (lib/pdf.js) are served at their real URLs; the metadata answers (arXiv API, OpenReview notes, Crossref,
// landing pages) are responses written here. Headless Chromium shows a PDF in its viewer: a document of
// type application/pdf in which the content script finds no paper, so the background reads the tab's URL.
// The extension copy is granted the hosts a user would allow (activeTab for the tab, the popup's request
// for metadata hosts), since headless Chromium never settles chrome.permissions.request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Browser, openListing, cardsOf, ROOT } from '../lib/browser.js';
import { arxivListing, arxivAtom } from '../lib/fixtures.js';
import { paperPDF } from '../lib/pdf.js';

const PDFS = path.resolve(ROOT, '../shared/fixtures/pdfs');
const HOSTS = ['arxiv.org', 'openreview.net', 'api2.openreview.net', 'aclanthology.org', 'openaccess.thecvf.com',
  'proceedings.mlr.press', 'proceedings.neurips.cc', 'www.frontiersin.org', 'api.crossref.org', 'ieeexplore.ieee.org',
  'ceur-ws.org', 'example.org'].map((h) => `https://${h}/*`);

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A landing page with Highwire citation_* meta, as proceedings sites serve them. */
function landingPage(p, { body = '', meta = '' } = {}) {
  return `<!doctype html><html><head><title>${esc(p.title)}</title>
<meta name="citation_title" content="${esc(p.title)}">
${p.authors.map((a) => `<meta name="citation_author" content="${esc(a)}">`).join('\n')}
<meta name="citation_pdf_url" content="${esc(p.pdf)}">
<meta name="citation_abstract" content="${esc(p.abstract)}">
${meta}</head><body>${body}<h1>${esc(p.title)}</h1><p>${esc(p.abstract)}</p></body></html>`;
}

/** The paper a source's PDF is, what its metadata answer says, and what the saved record must hold. */
const jcap = {
  id: 'arxiv:0807.3577', pdf: 'https://arxiv.org/pdf/0807.3577v2', file: 'jcap08-bolejko.pdf',
  title: 'Apparent and average accelerations of the Universe', authors: ['Krzysztof Bolejko', 'Lars Andersson'],
  abstract: 'We compare the deceleration parameter of the Buchert averaging scheme with the one inferred from supernova data, and find when they differ.',
};
const arxivHTML = {
  id: 'arxiv:2402.17764', pdf: 'https://arxiv.org/html/2402.17764v1', html: true,
  title: 'The Era of 1-bit LLMs: All Large Language Models are in 1.58 Bits', authors: ['Shuming Ma', 'Hongyu Wang'],
  abstract: 'We introduce a 1-bit language model variant whose every parameter is ternary, and match full-precision models at the same size.',
};
const openreview = {
  id: 'openreview:YicbFdNTTy', pdf: 'https://openreview.net/pdf?id=YicbFdNTTy',
  title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale', authors: ['Alexey Dosovitskiy', 'Lucas Beyer'],
  abstract: 'A pure transformer applied directly to sequences of image patches performs very well on image classification tasks.',
};
const acl = {
  id: 'acl:N19-1423', pdf: 'https://aclanthology.org/N19-1423.pdf', landing: 'https://aclanthology.org/N19-1423/',
  title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', authors: ['Jacob Devlin', 'Ming-Wei Chang'],
  abstract: 'We introduce a language representation model pre-trained on unlabeled text by jointly conditioning on both left and right context.',
};
const cvf = {
  pdf: 'https://openaccess.thecvf.com/content_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf',
  landing: 'https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html',
  title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He', 'Xiangyu Zhang'],
  abstract: 'We present a residual learning framework to ease the training of networks that are substantially deeper than those used before.',
};
cvf.id = `url:${cvf.landing}`;
const pmlr = {
  pdf: 'https://proceedings.mlr.press/v37/ioffe15/ioffe15.pdf', landing: 'https://proceedings.mlr.press/v37/ioffe15.html',
  title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift', authors: ['Sergey Ioffe', 'Christian Szegedy'],
  abstract: 'Normalizing layer inputs for each training mini-batch lets us use much higher learning rates and be less careful about initialization.',
};
pmlr.id = `url:${pmlr.landing}`;
const neurips = {
  pdf: 'https://proceedings.neurips.cc/paper_files/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf',
  landing: 'https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
  title: 'Attention is All you Need', authors: ['Ashish Vaswani', 'Noam Shazeer'],
  abstract: 'We propose a simple network architecture based solely on attention mechanisms, dispensing with recurrence and convolutions.',
};
neurips.id = `url:${neurips.landing}`;
const frontiers = {
  id: 'doi:10.3389/fpsyg.2013.00479', pdf: 'https://www.frontiersin.org/articles/10.3389/fpsyg.2013.00479/pdf', file: 'frontiers13-focke.pdf',
  title: 'The influence of catch trials on the consolidation of motor memory in force field adaptation tasks',
  authors: ['Anne Focke', 'Christian Stockinger'],
  abstract: 'Catch trials during force field learning changed how motor memory was consolidated in a more complex adaptation task.',
};
// no ID in the URL; the page prints its DOI
const ieee = {
  id: 'doi:10.1109/dsde.2010.49', pdf: 'https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=5452615', file: 'ieee10-iqbal.pdf',
  title: 'A New Requirement Prioritization Model for Market Driven Products Using Analytical Hierarchical Process',
  authors: ['Muhammad Atif Iqbal', 'Athar Mohsin Zaidi'],
  abstract: 'A model that prioritizes the requirements of market driven products with the analytical hierarchical process.',
};
// no ID in the URL nor on the page, and unknown to the title searches: saved as the page shows it
const ceur = {
  id: 'url:https://ceur-ws.org/Vol-2339/paper4.pdf', pdf: 'https://ceur-ws.org/Vol-2339/paper4.pdf', file: 'ceur19-kopp.pdf',
  title: 'Generalized Markdown Architectural Decision Records: Capturing the Essence of Decisions',
  authors: ['Oliver Kopp', 'Anita Armbruster'], abstractStarts: 'Documenting design decisions in a project fosters understanding',
};

// no ID in the URL nor on the page, but the arXiv title search knows it: saved under its arXiv ID
const byTitle = {
  id: 'arxiv:2401.01234', pdf: 'https://example.org/talks/slides-and-paper.pdf', generatedTitle: ['Sparse Mixtures of Tiny', 'Experts for Reading PDFs'],
  title: 'Sparse Mixtures of Tiny Experts for Reading PDFs', authors: ['Ada Lovelace', 'Alan Turing'],
  abstract: 'A generated paper whose title the arXiv API finds, so that its PDF is saved with the arXiv metadata.',
};

const crossrefWork = (p, doi) => JSON.stringify({
  status: 'ok', 'message-type': 'work',
  message: {
    DOI: doi, title: [p.title], author: p.authors.map((a) => ({ given: a.split(' ').slice(0, -1).join(' '), family: a.split(' ').at(-1) })),
    abstract: `<jats:p>${p.abstract}</jats:p>`, 'container-title': ['A Journal'], issued: { 'date-parts': [[2013, 7]] },
  },
});

/** @type {Browser} */
let browser;
const haveShared = existsSync(path.join(PDFS, 'SOURCES.md'));

before(async () => {
  browser = await new Browser({ grantHosts: HOSTS }).start();
  const pdf = 'application/pdf';
  const generated = (p) => paperPDF({ title: [p.title], authors: p.authors.join(', '), abstract: p.abstract });
  if (haveShared) {
    for (const p of [jcap, frontiers, ieee, ceur]) await browser.serveFile(p.pdf, path.join(PDFS, p.file), pdf);
  }
  browser.serve(arxivHTML.pdf, `<!doctype html><html><head><title>${arxivHTML.title}</title></head><body><article class="ltx_document">
    <h1 class="ltx_title ltx_title_document">${arxivHTML.title}</h1><div class="ltx_abstract"><p>${arxivHTML.abstract}</p></div></article></body></html>`);
  for (const p of [openreview, acl, cvf, pmlr, neurips]) browser.serve(p.pdf, generated(p), pdf);
  browser.serve(`https://api2.openreview.net/notes?id=YicbFdNTTy`, JSON.stringify({
    notes: [{ id: 'YicbFdNTTy', forum: 'YicbFdNTTy', content: { title: { value: openreview.title }, authors: { value: openreview.authors }, abstract: { value: openreview.abstract } } }],
  }), 'application/json');
  browser.serve(acl.landing, landingPage({ ...acl, pdf: acl.pdf }, {
    meta: '<meta name="citation_doi" content="10.18653/v1/N19-1423">',
    body: `<h2 id="title"><a href="${acl.pdf}">${esc(acl.title)}</a></h2><div class="acl-abstract"><span>${esc(acl.abstract)}</span></div>`,
  }));
  browser.serve(cvf.landing, landingPage({ ...cvf, pdf: cvf.pdf }, {
    body: `<div id="papertitle">${esc(cvf.title)}</div><div id="authors"><b><i>${cvf.authors.join(', ')}</i></b></div><div id="abstract">${esc(cvf.abstract)}</div>`,
  }));
  for (const p of [pmlr, neurips]) {
    browser.serve(p.landing, landingPage({ ...p, pdf: p.pdf }, { meta: `<meta name="citation_abstract_html_url" content="${p.landing}">` }));
  }
  browser.serve('https://api.crossref.org/works/10.3389/fpsyg.2013.00479', crossrefWork(frontiers, '10.3389/fpsyg.2013.00479'), 'application/json');
  browser.serve('https://api.crossref.org/works/10.1109/dsde.2010.49', crossrefWork(ieee, '10.1109/DSDE.2010.49'), 'application/json');
  browser.serve('https://api.crossref.org/works', JSON.stringify({ status: 'ok', message: { items: [{ DOI: '10.1000/other', title: ['Architectural Decision Records in Practice'] }] } }), 'application/json');
  browser.serve('https://example.org/broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'), pdf);
  browser.serve(byTitle.pdf, paperPDF({ title: byTitle.generatedTitle, authors: byTitle.authors.join(' and ') }), pdf);
  const byId = { '0807.3577': jcap, '2402.17764': arxivHTML };
  browser.api = async (route, url) => {
    const ids = (url.searchParams.get('id_list') || '').split(',').filter((id) => byId[id]);
    const papers = ids.map((id) => ({ ...byId[id], id }));
    if ((url.searchParams.get('search_query') || '').includes('Tiny Experts')) papers.push({ ...byTitle, id: '2401.01234' });
    return route.fulfill({ status: 200, contentType: 'application/atom+xml', body: arxivAtom(papers) });
  };
  browser.serve('https://arxiv.org/list/astro-ph/new', arxivListing([{ ...jcap, id: '0807.3577' }], { title: 'Astrophysics' }));
});
after(() => browser?.dispose());

const ACTIVE_TAB = async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];

/** Opens url in a tab; a PDF opens in Chromium's viewer. */
async function openTab(url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

/** Fires the keyboard shortcut's handler for the page's tab, as Chrome does (headless input has no accelerators). */
async function shortcut(page) {
  await page.bringToFront();
  const w = await browser.serviceWorker();
  return w.evaluate(async (activeTab) => {
    const tab = await (0, eval)(activeTab)();
    const r = await globalThis.papergistEvents.onCommand('save-paper', tab);
    const title = await chrome.action.getTitle({ tabId: tab.id });
    return { id: r && r.id, title };
  }, ACTIVE_TAB.toString());
}

async function record(id) {
  const w = await browser.serviceWorker();
  return w.evaluate(async (key) => (await chrome.storage.local.get(key))[key], `paper:${id}`);
}

async function badgeFor(page) {
  await page.bringToFront();
  const w = await browser.serviceWorker();
  return w.evaluate(async (activeTab) => chrome.action.getBadgeText({ tabId: (await (0, eval)(activeTab)()).id }), ACTIVE_TAB.toString());
}

function checkSaved(rec, p) {
  assert.ok(rec, `${p.id} is saved`);
  assert.equal(rec.id, p.id);
  assert.equal(rec.title, p.title);
  assert.equal(rec.authors[0], p.authors[0]);
  if (p.abstract) assert.equal(rec.abstract, p.abstract);
  if (p.abstractStarts) assert.ok(rec.abstract.startsWith(p.abstractStarts), rec.abstract);
  if (!p.html) assert.equal(rec.pdf_url, p.pdf, 'the record keeps the PDF URL');
  assert.ok(rec.tldr.length > 0, 'summarized');
}

test('saving from the PDF tab of each source stores its canonical ID, title, first author and abstract', async (t) => {
  const sources = { arXivPDF: jcap, arXivHTML: arxivHTML, openreview, acl, cvf, pmlr, neurips, doiPublisher: frontiers, noIDInURL: ieee, noIDAnywhere: ceur, foundByTitle: byTitle };
  for (const [name, p] of Object.entries(sources)) {
    await t.test(name, { skip: p.file && !haveShared ? `${PDFS} not found` : false }, async () => {
      const page = await openTab(p.pdf);
      const { id, title } = await shortcut(page);
      assert.equal(id, p.id, title);
      checkSaved(await record(p.id), p);
      assert.equal(await badgeFor(page), '✓');
      await page.close();
    });
  }
});

test('a listing that shows a paper saved from its PDF marks it saved, and so does the badge on its PDF', { skip: !haveShared && `${PDFS} not found` }, async () => {
  const listing = await openListing(browser.context, 'https://arxiv.org/list/astro-ph/new');
  const cards = await cardsOf(listing);
  assert.deepEqual(cards.map((c) => [c.id, c.saved]), [[jcap.id, 'true']]);
  await listing.close();
  // the PDF opened again later: the badge shows it is saved
  const again = await openListing(browser.context, jcap.pdf);
  assert.equal(await badgeFor(again), '✓');
  await again.close();
});

test('the popup saves the paper of a PDF tab; an unreadable PDF gets a plain sentence', async () => {
  const w = await browser.serviceWorker();
  for (const [url, want] of [[openreview.pdf, `Saved: ${openreview.title}`], ['https://example.org/broken.pdf', /^Not saved: papergist could not read this PDF/]]) {
    const page = await openTab(url);
    const tabId = await w.evaluate(async (f) => (await (0, eval)(f)()).id, ACTIVE_TAB.toString());
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.locator('body[data-rendered]').waitFor({ state: 'attached' });
    await popup.click('#save-tab');
    await popup.waitForFunction(() => !/^Saving/.test(document.querySelector('#tab-status').textContent));
    const status = await popup.locator('#tab-status').textContent();
    if (typeof want === 'string') assert.equal(status, want);
    else assert.match(status, want);
    assert.doesNotMatch(status, /found 0 papers/);
    await popup.close();
    await page.close();
  }
});

test('Save linked paper on a link to a PDF saves it without opening it', async () => {
  await removeRecord(acl.id);
  const w = await browser.serviceWorker();
  const id = await w.evaluate(async (linkUrl) => {
    const r = await globalThis.papergistEvents.onMenuClicked({ menuItemId: 'papergist-save-link', linkUrl }, undefined);
    return r && r.id;
  }, acl.pdf);
  assert.equal(id, acl.id);
  checkSaved(await record(acl.id), acl);
});

async function removeRecord(id) {
  const w = await browser.serviceWorker();
  await w.evaluate(async (key) => chrome.storage.local.remove(key), `paper:${id}`);
}

test('without access to Crossref, the PDF is saved with what its first page shows, and the badge says what is missing', { skip: !haveShared && `${PDFS} not found` }, async () => {
  const refused = await new Browser({ grantHosts: HOSTS.filter((h) => !h.includes('crossref')) }).start();
  try {
    await refused.serveFile(frontiers.pdf, path.join(PDFS, frontiers.file), 'application/pdf');
    const page = await refused.context.newPage();
    await page.goto(frontiers.pdf, { waitUntil: 'load' });
    await page.bringToFront();
    const w = await refused.serviceWorker();
    const out = await w.evaluate(async (activeTab) => {
      const tab = await (0, eval)(activeTab)();
      const saved = await globalThis.papergistEvents.onCommand('save-paper', tab);
      return { saved, title: await chrome.action.getTitle({ tabId: tab.id }), badge: await chrome.action.getBadgeText({ tabId: tab.id }) };
    }, ACTIVE_TAB.toString());
    assert.equal(out.saved.id, frontiers.id, 'the ID the URL names');
    assert.equal(out.saved.title, frontiers.title, 'the title the first page shows');
    assert.equal(out.saved.authors[0], frontiers.authors[0]);
    assert.equal(out.saved.pdf_url, frontiers.pdf);
    assert.equal(out.badge, '✓');
    assert.match(out.title, /without its abstract: papergist has no access to api\.crossref\.org/);
    assert.equal(refused.apiRequests.length, 0);
  } finally {
    await refused.dispose();
  }
});
