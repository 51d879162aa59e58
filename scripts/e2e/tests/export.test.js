// The exporters of extension/lib/export.js, read back by real BibTeX, RIS and CSL-JSON parsers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toBibTeX, toRIS, toCSLJSON, splitName } from '../../../extension/lib/export.js';
import { parseBibTeX, parseRIS, parseCSLJSON } from '../lib/parsers.js';

const saved = [
  {
    id: 'arxiv:1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'],
    url: 'https://arxiv.org/abs/1706.03762', pdf_url: '',
    abstract: 'The dominant sequence transduction models are based on recurrent networks.',
    meta: { arxiv_id: '1706.03762', published: '2017-06-12', locator: {} },
    tldr: 'A network of attention alone beats recurrent translation models.',
    keyphrases: ['Transformer', 'self-attention'],
    tags: ['nlp', 'classics'], note: 'Read for the reading group; see §3.2.', read: true, saved_at: '2026-01-02T00:00:00Z',
    version: 0, sync: { dirty: {} },
  },
  {
    id: 'doi:10.18653/v1/2021.naacl-main.208', title: 'Braces {unbalanced and 100% \\hostile_$ & #titles~^',
    authors: ['Teven Le Scao', 'Ludwig van Beethoven', 'Plato'], url: 'https://aclanthology.org/2021.naacl-main.208/',
    abstract: '', pdf_url: '',
    meta: { doi: '10.18653/v1/2021.naacl-main.208', venue: 'NAACL 2021', published: '2021-06', locator: {} },
    tldr: 'Prompts are worth } about 100 data points {.',
    keyphrases: [], tags: [], note: 'line one\nline two', read: false, saved_at: '2026-01-01T00:00:00Z',
    version: 0, sync: { dirty: {} },
  },
];

test('BibTeX parses, with braces and specials escaped, and carries TL;DR, key phrases, note (in annote) and tags', () => {
  const entries = parseBibTeX(toBibTeX(saved));
  assert.equal(entries.length, 2);
  const [a, b] = entries;
  assert.equal(a.key, 'vaswani2017attention');
  assert.equal(a.fields.title, 'Attention Is All You Need');
  assert.deepEqual(a.fields.author.map((x) => x.lastName), ['Vaswani', 'Shazeer']);
  assert.equal(a.fields.year, '2017');
  assert.equal(a.fields.eprint, '1706.03762');
  // in annote, which Zotero makes a note of and styles never print; note would print under the reference
  assert.equal(a.fields.note, undefined);
  assert.equal(a.fields.annote, 'TL;DR: A network of attention alone beats recurrent translation models. '
    + 'Key phrases: Transformer; self-attention. Note: Read for the reading group; see §3.2.');
  assert.deepEqual([...a.fields.keywords].sort(), ['classics', 'nlp']);
  assert.equal(b.type, 'inproceedings');
  assert.equal(b.fields.title, 'Braces {unbalanced and 100% \\hostile_$ & #titles~^');
  assert.equal(b.fields.doi, '10.18653/v1/2021.naacl-main.208');
  // the note's two lines on two lines of the field, which this parser (as BibTeX and Zotero) joins with a space
  assert.match(toBibTeX(saved), /\nNote: line one\nline two\.\},?\n/);
  assert.match(b.fields.annote, /Note: line one\s+line two\.$/);
  // family names are braced whole ("{van Beethoven}, Ludwig"); a one-word name ("{Plato}") reads as a literal name
  assert.deepEqual(b.fields.author.map((x) => [x.prefix, x.lastName || x.name].filter(Boolean).join(' ')), ['Le Scao', 'van Beethoven', 'Plato']);
});

test('RIS parses into the same papers, with the TL;DR and note', () => {
  const items = parseRIS(toRIS(saved));
  assert.equal(items.length, 2);
  const [a, b] = items;
  assert.equal(a.title, 'Attention Is All You Need');
  assert.deepEqual(a.author.map((x) => x.family), ['Vaswani', 'Shazeer']);
  assert.equal(a.issued['date-parts'][0][0], 2017);
  // one N1, so one Zotero note, its parts labeled
  assert.equal(a.note, 'TL;DR: A network of attention alone beats recurrent translation models. '
    + 'Key phrases: Transformer; self-attention. Note: Read for the reading group; see §3.2.');
  assert.equal(b.DOI, '10.18653/v1/2021.naacl-main.208');
  assert.match(JSON.stringify(b), /line one/);
  assert.match(JSON.stringify(b), /line two/);
  // one N1 line a paper, the note's line break a " / " in it; every line a tag's, as strict readers (pandoc) need
  assert.match(b.note, / Note: line one \/ line two\.$/);
  assert.equal(toRIS(saved).match(/^N1 {2}- /gm).length, 2, 'one N1 a paper');
  for (const l of toRIS(saved).split('\r\n')) assert.match(l, /^([A-Z][A-Z0-9] {2}- .*)?$/);
});

test('CSL-JSON reads back as CSL items', () => {
  const items = parseCSLJSON(toCSLJSON(saved));
  assert.equal(items.length, 2);
  const [a, b] = items;
  assert.equal(a.type, 'article');
  assert.equal(a.title, 'Attention Is All You Need');
  assert.deepEqual(a.issued['date-parts'], [[2017, 6, 12]]);
  assert.match(a.note, /^TL;DR: A network/);
  assert.equal(a.keyword, 'nlp, classics');
  assert.equal(b.type, 'paper-conference');
  assert.equal(b['container-title'], 'NAACL 2021');
  assert.deepEqual(b.author[1], { family: 'van Beethoven', given: 'Ludwig' });
});

test('splitName keeps particles with the family name', () => {
  for (const [name, want] of [
    ['Ada Lovelace', { family: 'Lovelace', given: 'Ada', suffix: '' }],
    ['Teven Le Scao', { family: 'Le Scao', given: 'Teven', suffix: '' }],
    ['Plato', { family: 'Plato', given: '', suffix: '' }],
    ['Xi Victoria Lin', { family: 'Lin', given: 'Xi Victoria', suffix: '' }],
    ['Eve, Jr, Mallory', { family: 'Eve', given: 'Mallory', suffix: 'Jr' }],
  ]) assert.deepEqual(splitName(name), want, name);
});

test('a blank author and tags with a comma or semicolon read back as the library has them', () => {
  const odd = { ...saved[0], id: 'arxiv:2401.00001', title: 'Odd {record}', authors: ['   ', 'Ada Lovelace', '\u00a0,'],
    tags: ['deep learning, theory', 'x;y', 'nlp'], meta: { arxiv_id: '2401.00001', locator: {} } };
  const [bib] = parseBibTeX(toBibTeX([odd]));
  assert.deepEqual(bib.fields.author.map((x) => x.lastName || x.name), ['Lovelace']);
  assert.deepEqual([...bib.fields.keywords].sort(), ['deep learning theory', 'nlp', 'x y']);
  const [ris] = parseRIS(toRIS([odd]));
  assert.deepEqual(ris.author.map((x) => x.family), ['Lovelace']);
  assert.deepEqual(parseCSLJSON(toCSLJSON([odd]))[0].author, [{ family: 'Lovelace', given: 'Ada' }]);
});

test('a title keeps its braces, TeX and accents, and a sentence-casing reader keeps the words that must keep their case', () => {
  const titles = [
    'The {BERT} Model: \\LaTeX{} and $O(n \\log n)$ for Schrödinger\'s ÉNS, 中文',
    'GPT-4 and t-SNE on ImageNet: A Type I Study',
    'Deep learning for Java on the iPhone',
  ];
  const recs = titles.map((title, i) => ({ ...saved[0], id: `arxiv:2401.0000${i}`, title, meta: { arxiv_id: `2401.0000${i}`, locator: {} } }));
  const bib = toBibTeX(recs);
  assert.deepEqual(parseBibTeX(bib).map((e) => e.fields.title), titles);
  assert.deepEqual(parseBibTeX(bib, { sentenceCase: true }).map((e) => e.fields.title.replace(/<\/?span[^>]*>/g, '')), [
    // a name in a title-cased title is the style's to change (schrödinger's), and this reader lowers after a colon
    'The {BERT} model: \\LaTeX{} and $O(n \\log n)$ for schrödinger\'s ÉNS, 中文',
    'GPT-4 and t-SNE on ImageNet: a type I study',
    'Deep learning for Java on the iPhone',
  ]);
});
