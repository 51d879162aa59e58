// Pages written for the tests: arXiv listings in the current /list/…/new markup (with abstracts) and
// arXiv paper pages, of any size, with hostile text where a test wants it.

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TOPICS = [
  ['retrieval-augmented generation', 'open-domain question answering', 'a dense retriever'],
  ['machine translation', 'low-resource languages', 'back-translation'],
  ['speech recognition', 'self-supervised pre-training', 'a conformer encoder'],
  ['reinforcement learning from human feedback', 'reward modelling', 'preference data'],
  ['code generation', 'program synthesis', 'unit-test feedback'],
];

/**
 * One synthetic paper, deterministic in i.
 * @returns {{id: string, title: string, authors: string[], abstract: string}}
 */
export function syntheticPaper(i, overrides = {}) {
  const [task, setting, method] = TOPICS[i % TOPICS.length];
  return {
    id: `2511.${String(80000 + i).padStart(5, '0')}`, // a range no committed fixture uses
    title: `Improving ${task} with ${method} (study ${i})`,
    authors: [`Ada Lovelace${i}`, 'Grace Hopper', 'Alan Turing'],
    abstract: `We study ${task} in ${setting}. We propose ${method} that is trained end to end. ` +
      `On three benchmarks it improves accuracy by ${(i % 7) + 2} points over strong baselines. ` +
      'We release code and data.',
    ...overrides,
  };
}

/** An arXiv /list/<cat>/new page (2026 markup) listing papers, each with its abstract when it has one. */
export function arxivListing(papers, { title = 'Computation and Language', extraHead = '' } = {}) {
  const items = papers.map((p, i) => `
    <dt>
      <a name='item${i + 1}'>[${i + 1}]</a>
      <a href ="/abs/${p.id}" title="Abstract" id="${p.id}">
        arXiv:${p.id}
      </a>
        [<a href="/pdf/${p.id}" title="Download PDF" id="pdf-${p.id}">pdf</a>, <a href="https://arxiv.org/html/${p.id}v1" title="View HTML" id="html-${p.id}">html</a>, <a href="/format/${p.id}" title="Other formats" id="oth-${p.id}">other</a>]
    </dt>
    <dd>
      <div class='meta'>
        <div class='list-title mathjax'><span class='descriptor'>Title:</span>
          ${esc(p.title)}
        </div>
        <div class='list-authors'>${p.authors.map((a) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${encodeURIComponent(a)}">${esc(a)}</a>`).join(', ')}</div>
        <div class='list-subjects'><span class='descriptor'>Subjects:</span>
          <span class="primary-subject">Computation and Language (cs.CL)</span>
        </div>
        ${p.abstract ? `<p class='mathjax'>\n          ${esc(p.abstract)}\n        </p>` : ''}
      </div>
    </dd>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <title>${esc(title)} authors/titles new</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <style>body{font-family:Verdana,sans-serif;max-width:1000px;margin:auto} dd{margin-left:40px} .list-title{font-size:1.2em}</style>
  ${extraHead}
</head>
<body class="with-cu-identity">
  <div id='content'><div id='dlpage'>
    <h1>${esc(title)} (cs.CL)</h1>
    <h3>New submissions (showing ${papers.length} of ${papers.length} entries)</h3>
    <dl id='articles'>
    ${items}
    </dl>
  </div></div>
</body>
</html>
`;
}

/** An arXiv abstract page with Highwire citation_* meta, as arxiv.org/abs/<id>v<n> serves it. */
export function arxivAbsPage(p, version = 'v2') {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <title>[${p.id}] ${esc(p.title)}</title>
  <meta name="citation_title" content="${esc(p.title)}" />
  ${p.authors.map((a) => `<meta name="citation_author" content="${esc(a)}" />`).join('\n  ')}
  <meta name="citation_date" content="2025/01/15" />
  <meta name="citation_online_date" content="2025/01/16" />
  <meta name="citation_pdf_url" content="https://arxiv.org/pdf/${p.id}${version}" />
  <meta name="citation_arxiv_id" content="${p.id}" />
  <meta name="citation_abstract" content="${esc(p.abstract)}" />
</head>
<body>
  <div id="abs-outer"><div id="content-inner"><div id="abs">
    <h1 class="title mathjax"><span class="descriptor">Title:</span>${esc(p.title)}</h1>
    <div class="authors"><span class="descriptor">Authors:</span>${p.authors.map(esc).join(', ')}</div>
    <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>${esc(p.abstract)}</blockquote>
  </div></div></div>
</body>
</html>
`;
}

/** An arXiv API Atom feed with an entry per paper (the answer to ?id_list=…). */
export function arxivAtom(papers) {
  const entries = papers.map((p) => `
  <entry>
    <id>http://arxiv.org/abs/${p.id}v1</id>
    <updated>2025-01-16T00:00:00Z</updated>
    <published>2025-01-15T00:00:00Z</published>
    <title>${esc(p.title)}</title>
    <summary>${esc(p.abstract)}</summary>
    ${p.authors.map((a) => `<author><name>${esc(a)}</name></author>`).join('')}
    <link href="http://arxiv.org/abs/${p.id}v1" rel="alternate" type="text/html"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?id_list=x" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query</title>
  <id>http://arxiv.org/api/x</id>
  <updated>2025-01-16T00:00:00-05:00</updated>${entries}
</feed>
`;
}

/** The hostile title the tests put on pages: it must show as text, never run. */
export const XSS_TITLE = 'Robust parsing <img src=x onerror="window.__papergistPwned=1"> of hostile <b>titles</b>';

/** The real listing and paper pages of ../shared, with the paper counts SOURCES.md gives. */
export const REAL = [
  { file: 'arxiv/list-cs.CL-recent-2026-07-28.html', url: 'https://arxiv.org/list/cs.CL/recent', papers: 50, first: 'arxiv:2607.22529' },
  { file: 'huggingface/daily-papers-date-2024-08-01.html', url: 'https://huggingface.co/papers?date=2024-08-01', papers: 13, first: 'arxiv:2407.21783' },
  { file: 'acl/people-andreas-madsack-2026.html', url: 'https://aclanthology.org/people/andreas-madsack/', papers: 6 },
  // under: what a page of one paper has right before its card (its title; the one result of a search)
  { file: 'arxiv/abs-1706.03762.html', url: 'https://arxiv.org/abs/1706.03762', papers: 1, first: 'arxiv:1706.03762', under: 'h1.title' },
  { file: 'acl/paper-ACL_2021.naacl-main.208.html', url: 'https://aclanthology.org/2021.naacl-main.208/', papers: 1, under: 'h2#title' },
  {
    file: 'semanticscholar/paper-d1de4343-meow.html', papers: 1, under: 'h1[data-test-id="paper-detail-title"]',
    url: 'https://www.semanticscholar.org/paper/What%E2%80%99s-in-a-Meow-A-Study-on-Human-Classification-of-Prato-Previde-Cannas/d1de4343d4076843583ca5826f345be6cb5cd75c',
  },
  {
    file: 'scholar/search-learning-deep-architectures-2016.html', papers: 1, under: 'div.gs_r > div.gs_ri',
    url: 'https://scholar.google.co.jp/scholar?hl=en&q=%22Learning+deep+architectures+for+AI%22&as_ylo=&as_yhi=&start=&num=',
  },
];
