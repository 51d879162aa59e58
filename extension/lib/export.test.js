// node --test: the BibTeX rules against the vectors the server's writer (backend/internal/citation) runs too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitName, bibAuthor, bibAuthors, bibEscape, bibTitle, bibVerbatim, keywords, risValue, toBibTeX, toRIS, toCSLJSON, keyBase, citeKeys, exportPaper,
  paperURL, tagLetters } from './export.js';
import { fromItem } from './record.js';

const shared = JSON.parse(readFileSync(new URL('../../backend/internal/citation/testdata/bibtex.json', import.meta.url), 'utf8'));

test('a synced paper\'s date and venue are written as the server\'s writer writes them (entries)', () => {
  assert.ok(shared.entries.length > 0);
  for (const e of shared.entries) {
    const rec = fromItem({ tldr: '', keyphrases: [], tags: [], note: '', read: false, version: 1, ...e.item }); // as a pull stores it
    if (e.meta) rec.meta = e.meta; // as the saving device has it
    const device = e.device_only || {}; // what only the saving device writes, from its meta
    const bib = toBibTeX([rec]);
    const [, type, key] = /^@(\w+)\{([^,]*),\n/.exec(bib);
    const got = { type, key };
    // a field's value may span lines (annote: the note's lines)
    for (const [, k, v] of bib.matchAll(/^ {2}(year|month|booktitle|journal|eprint|archiveprefix|doi|note|annote|keywords) = \{([^]*?)\},?$/gm)) got[k] = v;
    assert.deepEqual(got, { ...e.bibtex, ...device.bibtex }, `BibTeX of ${e.about}`);
    const ris = {};
    // Every line a tag's (strict readers refuse any other: pandoc, astrocite), N1 once (one Zotero note); a tag
    // given on several lines has its values one to a line.
    const risText = toRIS([rec]);
    assert.ok((risText.match(/\r\nN1 {2}- /g) || []).length <= 1, `one N1: ${e.about}`);
    for (const l of risText.replace(/\r\n$/, '').split('\r\n')) assert.match(l, /^([A-Z][A-Z0-9] {2}- .*)?$/, `a line of its own tag: ${e.about}`);
    for (const [, k, v] of risText.matchAll(/^(TY|PY|DA|T2|PB|DO|N1|KW) {2}- (.*)\r$/gm)) ris[k] = k in ris ? `${ris[k]}\n${v}` : v;
    assert.deepEqual(ris, { ...e.ris, ...device.ris }, `RIS of ${e.about}`);
    const [csl] = JSON.parse(toCSLJSON([rec]));
    const gotCSL = { type: csl.type };
    if (csl.issued) gotCSL.issued = csl.issued['date-parts'];
    for (const f of ['container-title', 'DOI', 'number', 'publisher', 'note', 'keyword']) if (csl[f] !== undefined) gotCSL[f] = csl[f];
    if ('author' in e.csl) gotCSL.author = csl.author; // compared where the case names it
    assert.deepEqual(gotCSL, { ...e.csl, ...device.csl }, `CSL-JSON of ${e.about}`);
  }
});

test('names split and are written as the server\'s writer does', () => {
  assert.ok(shared.names.length > 0);
  for (const n of shared.names) {
    assert.deepEqual(splitName(n.in), { family: n.family, given: n.given, suffix: n.suffix }, n.in);
    assert.equal(bibAuthor(n.in), n.bibtex, n.in);
  }
});

test('text escapes as the server\'s writer does', () => {
  for (const x of shared.text) assert.equal(bibEscape(x.in), x.want, JSON.stringify(x.in));
});

test('titles brace the words that keep their case as the server\'s writer does', () => {
  assert.ok(shared.titles.length > 0);
  for (const x of shared.titles) assert.equal(bibTitle(x.in), x.want, JSON.stringify(x.in));
  assert.match(toBibTeX([{ ...rec, title: 'BERT: Pre-Training of GPT-4' }]), /^ {2}title = \{\{BERT\}: Pre-Training of \{GPT-4\}\},$/m);
});

test('blank authors are dropped, keywords stay one each, RIS values one line, as the server\'s writer does', () => {
  assert.ok(shared.authors.length && shared.keywords.length && shared.ris.length);
  for (const x of shared.authors) assert.equal(bibAuthors(x.in), x.want, JSON.stringify(x.in));
  for (const x of shared.keywords) assert.equal(keywords(x.in), x.want, JSON.stringify(x.in));
  for (const x of shared.ris) assert.equal(risValue(x.in), x.want, JSON.stringify(x.in));
});

test('url, doi and eprint stay verbatim, as the server\'s writer keeps them', () => {
  for (const x of shared.verbatim) assert.equal(bibVerbatim(x.in), x.want, JSON.stringify(x.in));
});

test('cite keys are the server\'s: author, year, first word, in ASCII, made unique in the same order', () => {
  assert.ok(shared.keys.length && shared.key_lists.length);
  for (const x of shared.keys) assert.equal(keyBase(x), x.want, JSON.stringify(x));
  const t = (p) => Date.parse(p.saved_at || '') || -Infinity;
  const older = (a, b) => t(a) < t(b) || (t(a) === t(b) && a.id < b.id);
  for (const x of shared.key_lists) {
    const keys = citeKeys(x.papers);
    assert.deepEqual(keys, x.want, x.about);
    if (x.letters_collide || new Set(x.papers.map((p) => p.id)).size < x.papers.length) continue;
    // Without any one paper, every other keeps its key, but for one: when the removed paper had its key as it is,
    // the paper saved next on that key takes it.
    x.papers.forEach((removed, r) => {
      const rest = x.papers.filter((_, i) => i !== r);
      const want = keys.filter((_, i) => i !== r);
      const base = keyBase(removed);
      if (keys[r] === base) {
        let next = -1;
        rest.forEach((p, i) => { if (keyBase(p) === base && (next < 0 || older(p, rest[next]))) next = i; });
        if (next >= 0) want[next] = base;
      }
      assert.deepEqual(citeKeys(rest), want, `without ${removed.title} (${x.about})`);
    });
  }
});

test('many papers on one base each get their own letters, unique, the first saved the key as it is', () => {
  const papers = Array.from({ length: 5000 }, (_, i) => ({ id: `doi:10.1000/${i}`, authors: [], title: '', saved_at: new Date(i * 1000).toISOString() }));
  const keys = citeKeys(papers);
  assert.equal(keys[0], 'anonpaper');
  assert.equal(new Set(keys).size, 5000);
  for (const k of keys.slice(1)) assert.match(k, /^anonpaper[a-z]{3,}$/);
  // a paper's letters are its own: the same with the other papers gone
  assert.equal(citeKeys([papers[0], papers[1]])[1], keys[1]);
  assert.equal(citeKeys([papers[0], papers[4999]])[1], keys[4999]);
});

test('one paper exported many times keeps its keys unique, in tries linear in the papers', () => {
  // a repeated ID is valid input (the shared key_lists have one); trying every ending from b on again for each
  // paper was about n²/2 tries, 12.5 million for 5,000 papers
  const id = 'arxiv:1706.03762';
  const papers = Array.from({ length: 5000 }, (_, i) => ({ id, authors: ['Ashish Vaswani'],
    title: 'Attention Is All You Need', saved_at: new Date(i * 1000).toISOString() }));
  const count = { tries: 0 };
  const keys = citeKeys(papers, count);
  assert.ok(count.tries <= 8 * papers.length, `${count.tries} tries`);
  assert.equal(new Set(keys).size, 5000);
  assert.deepEqual(keys.slice(0, 2), ['vaswani2017attention', `vaswani2017attention${tagLetters(id, 3)}`]);
  assert.equal(keys[6], `vaswani2017attention${tagLetters(id, 7)}b`);
  // three IDs, each many times: the keys that trying every ending from b on gives
  const three = Array.from({ length: 300 }, (_, i) => ({ id: `doi:10.1000/${i % 3}`, authors: [], title: '',
    saved_at: new Date(i * 1000).toISOString() }));
  assert.deepEqual(citeKeys(three), everyEnding(three));
});

/** The keys of papers listed oldest first, every ending tried from b on for each paper (the rule without its memo). */
function everyEnding(papers) {
  const letters = (n) => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(97 + ((n - 1) % 26));
  const used = new Set();
  return papers.map((p) => {
    let key = keyBase(p);
    for (let n = 3; n <= 7 && used.has(key); n++) key = keyBase(p) + tagLetters(p.id, n);
    for (let n = 2, tag = key; used.has(key); n++) key = tag + letters(n);
    used.add(key);
    return key;
  });
}

test('a selection keeps the keys the whole library gives, and a newer save renames no older key', () => {
  const older = { ...rec, id: 'arxiv:1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'],
    saved_at: '2024-01-01T00:00:00Z', meta: { arxiv_id: '1706.03762', locator: {} } };
  const newer = { ...older, id: 'arxiv:1712.09999', title: 'Attention Everywhere', saved_at: '2025-01-01T00:00:00Z',
    meta: { arxiv_id: '1712.09999', locator: {} } };
  const keyOf = (bib, title) => new RegExp(`^@\\w+\\{(\\w+),\\n {2}title = \\{${title}`, 'm').exec(bib)?.[1];
  assert.equal(keyOf(toBibTeX([older]), 'Attention Is'), 'vaswani2017attention');
  const both = toBibTeX([newer, older]); // the popup lists newest first
  assert.equal(keyOf(both, 'Attention Is'), 'vaswani2017attention');
  assert.equal(keyOf(both, 'Attention Everywhere'), 'vaswani2017attentionsrf'); // its own letters, as in the shared key_lists
  assert.equal(keyOf(toBibTeX([newer], [newer, older]), 'Attention Everywhere'), 'vaswani2017attentionsrf'); // its own letters, as in the shared key_lists
  assert.equal(keyOf(toBibTeX([older], [newer, older]), 'Attention Is'), 'vaswani2017attention');
});

test('an arXiv paper saved from another site links to its arXiv page, as in the server\'s export', () => {
  assert.ok(shared.urls.length);
  for (const x of shared.urls) assert.equal(paperURL(x.id, x.url), x.want, JSON.stringify(x));
  const hf = { ...rec, id: 'arxiv:2407.21770', url: 'https://huggingface.co/papers/2407.21770',
    title: 'MoMa: Efficient Early-Fusion Pre-training', authors: ['Xi Victoria Lin'],
    meta: { arxiv_id: '2407.21770', published: '2024-07-31', locator: {} } };
  const bib = toBibTeX([hf]);
  assert.match(bib, /^@misc\{lin2024moma,$/m);
  assert.match(bib, /^ {2}url = \{https:\/\/arxiv\.org\/abs\/2407\.21770\},?$/m);
  assert.match(toRIS([hf]), /^UR {2}- https:\/\/arxiv\.org\/abs\/2407\.21770\r$/m);
  assert.equal(JSON.parse(toCSLJSON([hf]))[0].URL, 'https://arxiv.org/abs/2407.21770');
});

const rec = {
  id: 'doi:10.1000/x_y', title: 'T', authors: ['Eve, Jr, Mallory'], abstract: '', url: 'https://example.org/a_b%20c?x=1#s_3',
  pdf_url: '', tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: '2026-01-01T00:00:00Z', version: 0,
  meta: { doi: '10.1000/x_y', locator: {} }, sync: { dirty: {} },
};

test('an export keeps its links whole and a "Last, Jr, First" name one author', () => {
  const bib = toBibTeX([rec]);
  assert.match(bib, /^ {2}url = \{https:\/\/example\.org\/a_b%20c\?x=1#s_3\},?$/m);
  assert.match(bib, /^ {2}doi = \{10\.1000\/x_y\},?$/m);
  assert.match(bib, /^ {2}author = \{\{Eve\}, Jr, Mallory\},?$/m);
  assert.match(toRIS([rec]), /^AU {2}- Eve, Mallory, Jr\r$/m);
});

test('cite keys stay letters and digits, and unique, however many papers share a base', () => {
  // 30 papers by one author, one year, one first word: the 27th key was "smith2025learningz" plus "{", which
  // opens a brace BibTeX never sees closed, and Zotero drops the rest of the file.
  const recs = Array.from({ length: 30 }, (_, i) => ({ ...rec, id: `doi:10.1000/${i}`, title: `Learning things ${i}`,
    authors: ['Ann Smith'], meta: { published: '2025-01-01', locator: {} } }));
  const keys = [...toBibTeX(recs).matchAll(/^@\w+\{([^,\n]*),$/gm)].map((m) => m[1]);
  assert.equal(keys.length, 30);
  assert.equal(new Set(keys).size, 30);
  for (const k of keys) assert.match(k, /^smith2025learning[a-z]*$/);
});

test('an author of only spaces is left out and a tag with a comma stays one keyword, in every format', () => {
  const odd = { ...rec, authors: ['   ', 'Ada Lovelace', ',', '\u00a0'], tags: ['deep learning, theory', 'x;y'],
    title: 'Line\u2028sep' };
  const bib = toBibTeX([odd]);
  assert.match(bib, /^ {2}author = \{\{Lovelace\}, Ada\},$/m);
  assert.match(bib, /^ {2}keywords = \{deep learning theory, x y\}$/m);
  assert.match(bib, /^@article\{lovelace/m);
  const ris = toRIS([odd]);
  assert.deepEqual([...ris.matchAll(/^AU {2}- (.*)\r$/gm)].map((m) => m[1]), ['Lovelace, Ada']);
  assert.match(ris, /^TI {2}- Line sep\r$/m);
  const [csl] = JSON.parse(toCSLJSON([odd]));
  assert.deepEqual(csl.author, [{ family: 'Lovelace', given: 'Ada' }]);
  assert.equal(csl.keyword, 'deep learning theory, x y');
});

test('toBibTeX builds each paper\'s export record once, for its key and its entry alike', () => {
  let reads = 0;
  /** rec with its meta counted as read: every build of its export record (exportPaper) reads it */
  const counted = (r) => {
    const { meta, ...rest } = r;
    return Object.defineProperty(rest, 'meta', { get() { reads++; return meta; }, enumerable: true });
  };
  const a = counted({ ...rec, id: 'doi:10.1000/a' });
  const b = counted({ ...rec, id: 'doi:10.1000/b' });
  exportPaper(a);
  const perBuild = reads;
  assert.ok(perBuild > 0);
  reads = 0;
  toBibTeX([a, b]);
  assert.equal(reads, 2 * perBuild, 'the whole library');
  reads = 0;
  toBibTeX([a], [a, b]);
  assert.equal(reads, 2 * perBuild, 'a selection: the library\'s records, the selected one not again');
});
