// Exports of saved papers as BibTeX, RIS and CSL-JSON, the three formats Zotero imports. The TL;DR,
// the key phrases and the user's note go along (noteParts), and the tags as keywords.

import { SPACE, trimSpace } from './saved.js';
import { paperOf } from './record.js';

/** @typedef {import('./messages.js').SavedPaper} SavedPaper */

const SPACES = new RegExp(`[${SPACE}]+`, 'g');
/** Go's strings.Fields joined by single spaces: the Go writer (backend/internal/citation) does the same. */
const collapse = (s) => trimSpace(s).replace(SPACES, ' ');

const PARTICLES = /^(van|von|der|den|de|del|della|da|di|du|la|le|dos|das|ten|ter|bin|al)$/i;
const suffixWord = (w) => /^(?:jr|sr|jnr|snr)\.?$/i.test(w) || /^(?:II|III|IV)$/.test(w);

/**
 * Splits a display name into BibTeX's parts. A name with commas is already in BibTeX's order ("Lovelace, Ada",
 * "Eve, Jr, Mallory"); otherwise the family name is the last word with the particles before it ("Ludwig van
 * Beethoven" → "van Beethoven"), and a last "Jr." or "III" is the suffix. The server's writer splits names by the
 * same rule; both run backend/internal/citation/testdata/bibtex.json.
 * @param {string} name @returns {{family: string, given: string, suffix: string}}
 */
export function splitName(name) {
  const s = collapse(String(name));
  const parts = s.split(',');
  if (parts.length > 1 && parts[0].trim() && parts.slice(1).join('').trim()) { // "Ada Lovelace," has no parts after its comma
    const p = parts.map((x) => x.trim());
    if (p.length === 2) return { family: p[0], given: p[1], suffix: '' };
    return { family: p[0], suffix: p[1], given: collapse(p.slice(2).join(' ')) };
  }
  let words = s.replace(/,/g, ' ').split(' ').filter(Boolean);
  let suffix = '';
  if (words.length >= 3 && suffixWord(words[words.length - 1])) {
    suffix = words[words.length - 1];
    words = words.slice(0, -1);
  }
  if (!words.length) return { family: '', given: '', suffix };
  let i = words.length - 1;
  while (i > 1 && PARTICLES.test(words[i - 1])) i--;
  return { family: words.slice(i).join(' '), given: words.slice(0, i).join(' '), suffix };
}

/**
 * The authors whose names are not blank (only spaces or commas): written out, each would be an empty author, "{}"
 * in BibTeX. The server's writer drops the same ones. @param {string[]} authors
 */
const named = (authors) => authors.filter((a) => splitName(a).family);

/**
 * Tags as one keywords value, "a, b". biblatex splits the list at commas and Zotero's import at
 * commas and semicolons (braces protect neither), so a comma or semicolon inside one becomes a space: "deep
 * learning, theory" stays one keyword. The server's writer does the same. @param {string[]} words
 */
export function keywords(words) {
  return words.map((w) => collapse(String(w).replace(/[,;]/g, ' '))).filter(Boolean).join(', ');
}

/** @param {{family: string, given: string, suffix: string}} n a CSL name, without empty parts */
const cslName = (n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v));

/**
 * A paper's date in parts ([2019, 6, 2], [2019, 6], [2019]): its published date's ("YYYY-MM-DD" | "YYYY-MM" | "YYYY"),
 * else the year of its arXiv ID, else none; as the server's writer (backend/internal/citation date).
 * @param {{id: string, published?: string}} p
 */
function dateParts(p) {
  if (p.published) return p.published.split('-').filter(Boolean).map(Number);
  const year = arxivYear(p.id);
  return year ? [Number(year)] : [];
}

/**
 * What an export says about a paper besides its bibliographic data, each part labeled so that none runs into the
 * next: "TL;DR: …", "Key phrases: a; b; c", "Note: …" (the user's note). BibTeX writes them in annote, which
 * Zotero's import makes a note of and the standard styles never print (they print note under the reference, in the
 * user's own paper); RIS in one N1, one Zotero note as the BibTeX gives (Zotero makes a note of each N1); BibTeX
 * one part to a line, the note's lines kept (noteLines), RIS on N1's one line (risNote); CSL-JSON in note, one part
 * to a line, the note as typed (Zotero files it in Extra). A note with nothing visible (only spaces, control or
 * zero-width characters) is none. As the server's writer (backend/internal/citation noteParts).
 * @param {SavedPaper} s @returns {string[]}
 */
export function noteParts(s) {
  const parts = [];
  if (s.tldr) parts.push(`TL;DR: ${s.tldr}`);
  if (s.keyphrases && s.keyphrases.length) parts.push(`Key phrases: ${s.keyphrases.join('; ')}`);
  if (visible(s.note)) parts.push(`Note: ${s.note}`);
  return parts;
}

const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

/** Whether s has a letter, digit, punctuation mark or symbol: not only spaces, control or zero-width characters. */
const visible = (s) => typeof s === 'string' && /[\p{L}\p{N}\p{P}\p{S}]/u.test(s);

/**
 * The parts as BibTeX annote writes them, one line each and the user's own line breaks kept, a part's lines in an array
 * of their own (RIS joins them: risNote): white space in a line collapsed, lines with nothing visible dropped (a
 * paragraph break is one line break), the label ("Note:") on the first line left (the note may start with a line break
 * or a line of nothing visible), each part's last line ended by a full stop unless it ends in one, a question or an
 * exclamation mark, so that the last key phrase and the note stay apart where a reader joins lines (Zotero's BibTeX
 * import and BibTeX itself make every line break a space). As the server's noteLines.
 * @param {string[]} parts @returns {string[][]}
 */
export function noteLines(parts) {
  return parts.map((p) => {
    const label = p.slice(0, p.indexOf(': ') + 1); // every part starts with its label (noteParts)
    const lines = p.slice(label.length + 1).split(LINE_BREAK).map(collapse).filter(visible);
    lines[0] = lines.length ? `${label} ${lines[0]}` : label;
    if (!/[.?!]$/.test(lines[lines.length - 1])) lines[lines.length - 1] += '.';
    return lines;
  });
}

const ARXIV_DATACITE = /^10\.48550\/arxiv\./i;

/**
 * A saved paper as the exports write it (every format reads it here): its paper (record.js paperOf), with the arXiv
 * ID or DOI its canonical ID names when the record's meta lacks them. Meta is the saving device's alone, so a paper
 * pulled from another device had neither: no eprint, no DOI, and an arXiv paper typed @article, where the server's
 * writer (backend/internal/citation identifiers), which reads them from the ID, gave them. arXiv's DataCite DOI in
 * meta (the extractor stores it lower-cased for every paper saved from arxiv.org) is the one the arXiv ID derives:
 * it is left to the writers, which give it where and as the server does (CSL only, 10.48550/arXiv.ID). A journal
 * DOI in meta stays: only this device knows it. Both run the "entries" of testdata/bibtex.json, some with a saving
 * device's meta. @param {SavedPaper} s
 */
export function exportPaper(s) {
  const p = paperOf(s);
  const id = String(p.id);
  if (typeof p.doi === 'string' && ARXIV_DATACITE.test(p.doi)) delete p.doi;
  if (!p.arxiv_id && id.startsWith('arxiv:')) p.arxiv_id = id.slice('arxiv:'.length);
  if (!p.doi && id.startsWith('doi:')) p.doi = id.slice('doi:'.length);
  return p;
}

const ACL_JOURNAL = /^(?:[JQ]\d{2}-|\d{4}\.(?:cl|tacl)-)/i;
const JOURNAL_VENUE = /\b(?:journal|transactions|letters)\b/i;
// journals named Proceedings, unless the venue goes on to name a meeting ("Proceedings of the IEEE Conference on …")
const LEARNED_PROCEEDINGS = /^proceedings of the (?:ieee|national academy|royal society|american mathematical society|london mathematical society)\b/i;
const MEETING_VENUE = /\b(?:conference|workshops?|symposium|meeting)\b/i;
const CONFERENCE_VENUE = /\b(?:proceedings|conference|workshops?|symposium|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|eacl|coling|aaai|ijcai|kdd|sigir|interspeech|icassp)\b/i;

/**
 * Whether a paper appeared in a proceedings (BibTeX @inproceedings with its venue as booktitle, RIS CPAPER, CSL
 * paper-conference) rather than a journal: where the ID says so (an ACL Anthology paper outside CL and TACL, a CVF
 * open-access page: with a venue or without), an OpenReview forum with a venue, or where the venue names one and no
 * journal. The server's writer has the same rule (backend/internal/citation inProceedings).
 * @param {{id: string, venue?: string}} p
 */
export function isProceedings(p) {
  const at = p.id.indexOf(':');
  const kind = p.id.slice(0, at + 1);
  const body = p.id.slice(at + 1);
  if (kind === 'acl:') return !ACL_JOURNAL.test(body);
  if (kind === 'url:' && body.includes('openaccess.thecvf.com')) return true;
  if (!p.venue) return false;
  if (kind === 'openreview:') return true;
  const journal = JOURNAL_VENUE.test(p.venue) || (LEARNED_PROCEEDINGS.test(p.venue) && !MEETING_VENUE.test(p.venue));
  return !journal && CONFERENCE_VENUE.test(p.venue);
}

/**
 * What sort of work a paper is, from its canonical ID and venue alone (never meta, which the server does not have),
 * and what each format calls it: a proceedings paper (isProceedings); a journal's (another venue, a DOI, an ACL
 * Anthology ID of CL or TACL); an arXiv preprint (no venue: @misc with its eprint, RIS UNPB with PB arXiv, CSL
 * article); else a paper known by nothing that says where it appeared (a URL, a Semantic Scholar or OpenReview page
 * without a venue: @misc, RIS GEN, CSL document; never a web page or a journal's). The server's writer has the same
 * rule (backend/internal/citation kindOf); both run the "entries" of testdata/bibtex.json.
 * @param {{id: string, venue?: string}} p @returns {{bibtex: string, ris: string, csl: string, preprint: boolean}}
 */
export function kindOf(p) {
  const id = String(p.id);
  if (isProceedings(p)) return KINDS.proceedings;
  if (p.venue || id.startsWith('doi:') || (id.startsWith('acl:') && ACL_JOURNAL.test(id.slice(4)))) return KINDS.journal;
  if (id.startsWith('arxiv:')) return KINDS.preprint;
  return KINDS.generic;
}
const KINDS = {
  proceedings: { bibtex: 'inproceedings', ris: 'CPAPER', csl: 'paper-conference', preprint: false },
  journal: { bibtex: 'article', ris: 'JOUR', csl: 'article-journal', preprint: false },
  preprint: { bibtex: 'misc', ris: 'UNPB', csl: 'article', preprint: true },
  generic: { bibtex: 'misc', ris: 'GEN', csl: 'document', preprint: false },
};

// --- CSL-JSON ---

/** @param {SavedPaper[]} saved @returns {string} */
export function toCSLJSON(saved) {
  const items = saved.map((s) => {
    const p = exportPaper(s);
    const kind = kindOf(p);
    /** @type {Record<string, any>} */
    const item = {
      id: p.id,
      type: kind.csl,
      title: p.title,
      author: named(p.authors).map((a) => cslName(splitName(a))),
      URL: paperURL(p.id, p.url),
    };
    const parts = dateParts(p);
    if (parts.length) item.issued = { 'date-parts': [parts] };
    if (p.abstract) item.abstract = p.abstract;
    if (p.doi) item.DOI = p.doi;
    if (p.venue) item['container-title'] = p.venue;
    if (kind.preprint) {
      item.publisher = 'arXiv';
      item.number = `arXiv:${p.arxiv_id}`;
      if (!p.doi) item.DOI = `10.48550/arXiv.${p.arxiv_id}`;
    }
    const note = noteParts(s).join('\n');
    if (note) item.note = note;
    if (keywords(s.tags)) item.keyword = keywords(s.tags);
    return item;
  });
  return JSON.stringify(items, null, 2) + '\n';
}

// --- RIS ---

const RIS_BREAKS = new RegExp(`[${SPACE}\\u0000-\\u001f\\u007f]+`, 'g');
/**
 * A RIS value on one line: every run of white space (U+2028 and NEL too, which some readers take as line ends) and
 * control characters becomes one space, as in the server's writer (backend/internal/citation risValue).
 */
export const risValue = (value) => String(value).replace(RIS_BREAKS, ' ').trim();

/** RIS values are one line each; tags are two capitals, two spaces, a dash and a space. */
function risLine(tag, value) {
  const v = risValue(value);
  return v ? `${tag}  - ${v}\r\n` : '';
}

/**
 * N1's one line (strict RIS readers, pandoc's and astrocite's, refuse a line without a tag): the parts apart by a
 * space, as BibTeX readers join annote's lines, and the note's own line breaks a " / ", the usual mark of a line
 * break in running text, which reads as one and is not "; ", the key phrases' separator. As the server's risNote.
 * @param {string[][]} parts @returns {string}
 */
const risNote = (parts) => parts.map((lines) => lines.join(' / ')).join(' ');

/** @param {SavedPaper[]} saved @returns {string} */
export function toRIS(saved) {
  return saved
    .map((s) => {
      const p = exportPaper(s);
      const kind = kindOf(p);
      let out = risLine('TY', kind.ris);
      out += risLine('TI', p.title);
      for (const a of named(p.authors)) {
        const { family, given, suffix } = splitName(a);
        out += risLine('AU', suffix ? `${family}, ${given}, ${suffix}` : given ? `${family}, ${given}` : family);
      }
      const parts = dateParts(p);
      if (parts.length) out += risLine('PY', String(parts[0]));
      if (p.published) {
        // YYYY/MM/DD/other: the parts it lacks stay empty (1950///)
        out += risLine('DA', [parts[0], parts[1] ? String(parts[1]).padStart(2, '0') : '', parts[2] ? String(parts[2]).padStart(2, '0') : '', ''].join('/'));
      }
      if (p.venue) out += risLine('T2', p.venue);
      if (kind.preprint) out += risLine('PB', 'arXiv');
      if (p.doi) out += risLine('DO', p.doi);
      out += risLine('UR', paperURL(p.id, p.url));
      if (p.pdf_url) out += risLine('L1', p.pdf_url);
      if (p.abstract) out += risLine('AB', p.abstract);
      out += risLine('N1', risNote(noteLines(noteParts(s))));
      for (const t of s.tags) out += risLine('KW', t);
      return out + 'ER  - \r\n';
    })
    .join('\r\n');
}

// --- BibTeX ---

const BIB_SPECIAL = { '\\': '{\\textbackslash}', '{': '{\\textbraceleft}', '}': '{\\textbraceright}', '%': '\\%',
  '&': '\\&', '$': '\\$', '#': '\\#', '_': '\\_', '~': '{\\textasciitilde}', '^': '{\\textasciicircum}', '@': '{@}' };

/**
 * Escapes text for a braced BibTeX field: TeX specials become commands, braces become commands too (BibTeX counts
 * every brace, backslash or not, so \{ would unbalance the entry), line breaks and tabs become spaces, other
 * control characters go, and white space runs become one space.
 */
export function bibEscape(s) {
  const out = String(s).replace(/[\\{}%&$#_~^@]/g, (c) => BIB_SPECIAL[c]).replace(/[\n\r\t]/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '');
  return collapse(out);
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const APOSTROPHE = /['\u2019]/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const SMALL = new Set(`a an the and but or nor for so yet as at by in of off on per to up via vs with from into onto
  upon over than that through between without within about among across after before against along around behind
  beyond during toward towards versus is are be was were its not if how what when why which who do does can`.split(/\s+/));

/**
 * A title word: its core (letters, digits and what is between them), the marks around it, and the span of the core
 * that keeps its case, from the first part (run of letters and digits) that does to the last, taking in parts of
 * digits only when the word has such a part (GPT-4). The server's writer splits words the same way.
 * @param {string} w @param {boolean} caps the title has no lower-case letter
 */
function titleWord(w, caps) {
  const cs = [...w];
  const start = cs.findIndex((c) => WORD.test(c));
  if (start < 0) return { lead: w, core: '', trail: '', from: 0, to: 0, strong: false };
  let end = cs.length;
  while (!WORD.test(cs[end - 1])) end--;
  const core = cs.slice(start, end);
  const t = { lead: cs.slice(0, start).join(''), core: core.join(''), trail: cs.slice(end).join(''), from: 0, to: 0, strong: false };
  const parts = [];
  for (let i = 0; i < core.length;) {
    let j = i;
    // An apostrophe between letters is inside the part: O’Brien’s, GAN's.
    while (j < core.length && (WORD.test(core[j]) || (APOSTROPHE.test(core[j]) && j > i && WORD.test(core[j + 1] || '')))) j++;
    const seg = core.slice(i, j);
    const letter = seg.some((c) => /\p{L}/u.test(c));
    const digit = seg.some((c) => /\p{N}/u.test(c));
    const innerCap = seg.slice(1).some((c) => UPPER.test(c));
    const single = seg.length === 1 && UPPER.test(seg[0]) && t.core !== 'A';
    parts.push({ from: i, to: j, strong: (letter && digit) || (!caps && (innerCap || single)), digs: digit && !letter });
    t.strong ||= parts[parts.length - 1].strong;
    for (i = j; i < core.length && !WORD.test(core[i]);) i++;
  }
  if (!t.strong) return t;
  const span = parts.filter((p) => p.strong || p.digs);
  const from = span[0].from;
  const to = span[span.length - 1].to;
  return { ...t, from: core.slice(0, from).join('').length, to: core.slice(0, to).join('').length };
}

/**
 * Escapes a title and braces the words whose case a style must keep when it sentence-cases the title (plain,
 * IEEEtran, acl_natbib print "Bert: pre-training…" from an unbraced "BERT: Pre-Training…"), and only those, so the
 * rest stays the style's to change (a title braced whole cannot be sentence-cased):
 * - a word with a capital after its first letter (BERT, ImageNet, iPhone), with a letter and a digit (3D, Llama2),
 *   or a single capital letter (the "I" of "Type I", the "Q" of "Q-Learning"; not the article "A"). In a compound
 *   only the parts that need it are braced, with the digits next to them: "{BERT}-Based", "{GPT-4}", "t-{SNE}";
 * - in a title written in sentence case (at least as many lower-case words as capitalized ones; small words,
 *   one-letter words and the words that open the title or follow a colon not counted), every capitalized word:
 *   there a capital marks a name ("Deep learning for {Java}"). In a title-cased title names cannot be told from
 *   the other words, so they are left to the style;
 * - in a title without any lower-case letter (three or more words in capitals) no word is taken for an acronym:
 *   they cannot be told apart, so only words with digits are braced.
 * The server's writer (backend/internal/citation bibTitle) does the same; both run testdata/bibtex.json.
 * @param {string} title
 */
export function bibTitle(title) {
  const words = collapse(String(title)).split(' ').filter(Boolean);
  const caps = !LOWER.test(title) && words.filter((w) => UPPER.test(w)).length >= 3;
  let lower = 0;
  let upper = 0;
  const parsed = words.map((w, i) => {
    const p = { ...titleWord(w, caps), opens: i === 0 || /[:.?!]$/.test(words[i - 1]) };
    if (!p.strong && !p.opens && [...p.core].length >= 2 && !SMALL.has(p.core.toLowerCase())) {
      const first = [...p.core][0];
      if (UPPER.test(first)) upper++;
      else if (LOWER.test(first)) lower++;
    }
    return p;
  });
  const sentence = lower > 0 && lower >= upper;
  return parsed.map((p) => {
    if (sentence && !p.opens && UPPER.test([...p.core][0] || '')) return `${bibEscape(p.lead)}{${bibEscape(p.core)}}${bibEscape(p.trail)}`;
    if (p.from < p.to) {
      return `${bibEscape(p.lead + p.core.slice(0, p.from))}{${bibEscape(p.core.slice(p.from, p.to))}}${bibEscape(p.core.slice(p.to) + p.trail)}`;
    }
    return bibEscape(p.lead + p.core + p.trail);
  }).filter(Boolean).join(' ');
}

/**
 * A url, doi or eprint field: verbatim in BibTeX and biblatex, so a TeX escape would become part of the link. The
 * characters that could break the entry (braces, backslash, white space, control characters) are percent-encoded.
 */
export function bibVerbatim(s) {
  return String(s).replace(LINK_UNSAFE, (c) => Array.from(utf8.encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}
const LINK_UNSAFE = new RegExp(`[{}\\\\\\u0000-\\u0020\\u007f${SPACE}]`, 'gu');
const utf8 = new TextEncoder();

const AND = /(^|\s)and(\s|$)/i;
/** A BibTeX author: "{Family}, Jr, Given", the family braced; a part with an "and" braced too. @param {string} name */
export function bibAuthor(name) {
  const { family, given, suffix } = splitName(name);
  const part = (x) => {
    const e = bibEscape(x);
    return AND.test(e) ? `{${e}}` : e;
  };
  let out = `{${bibEscape(family)}}`;
  if (suffix) out += `, ${part(suffix)},${given ? ` ${part(given)}` : ''}`;
  else if (given) out += `, ${part(given)}`;
  return out;
}

/** A BibTeX author field's value: the named authors joined by "and". @param {string[]} authors */
export const bibAuthors = (authors) => named(authors).map(bibAuthor).join(' and ');

/** n ≥ 1 as letters: 1 a, 2 b, …, 26 z, 27 aa, 28 ab… (a key's suffix: braces or other marks would break BibTeX). */
function letters(n) {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}

// The citation key rule, the same in the server's writer (backend/internal/citation citekey.go); both run the
// "keys" and "key_lists" cases of testdata/bibtex.json. A key is the first author's family name, the year and the
// title's first word, as Google Scholar writes them (vaswani2017attention), in ASCII letters and digits only:
// accents dropped (Müller → muller) and the letters without a decomposition written as English does (Łukasz →
// lukasz, Straße → strasse); the family with its particles (vanbeethoven), "anon" with no author or one without a
// Latin letter; the year the arXiv ID's (the server knows no other), else the published date's, else none; the
// word the title's first with a letter that is not a small word or a TeX command (\textit), split at hyphens
// (GPT-4 → gpt), else "paper".
// Keys are handed out oldest saved first (ties by ID). The first paper on a key has it as it is. Every later paper
// on it adds three letters made from its own ID alone: the FNV-1a hash of the ID's UTF-8 bytes in base 26, lowest
// digit first (arxiv:1712.09999 gets vaswani2017attentionsrf). Should an older paper hold those, it takes one more
// letter of the hash at a time, up to seven, then b, c… after them.
// So saving a new paper never changes another's key. Removing a paper changes another's key only when a later
// paper would have taken the removed paper's key had it been free, and it takes it now: when the removed paper had
// its key as it is, the next paper saved on that key; a later paper with the same three letters (about one pair in
// 17,576 on one key); a paper whose key as it is is the removed paper's key with letters (smith2020learninglcv,
// smith2020learning with lcv). The moved paper's
// old key may then go to a later paper in the same way. A paper saved earlier on another device and synced later,
// or one whose author, title or date changes, can also take a key another paper had. No stateless rule does
// better while a paper alone on its key has it as it is (README "Citation keys").

/** The Latin letters Unicode does not decompose into a base letter and a mark. */
const FOLD = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae',
  œ: 'oe', Œ: 'oe', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ŋ: 'ng', Ŋ: 'ng' };

/** s in lower-case ASCII letters and digits: accents dropped, FOLD applied, anything else left out. @param {string} s */
export function asciiFold(s) {
  let out = '';
  for (const c of String(s).normalize('NFKD')) {
    if (c in FOLD) out += FOLD[c];
    else if (/[A-Za-z0-9]/.test(c)) out += c.toLowerCase();
  }
  return out;
}

const NOT_WORD = /[^\p{L}\p{N}\p{M}'\u2019]+/u;

/** The title's first word with a letter that is not a small word, in ASCII, or "". @param {string} title */
function keyWord(title) {
  return String(title).replace(/\\[A-Za-z]+/g, ' ').split(NOT_WORD).map(asciiFold).find((w) => /[a-z]/.test(w) && !SMALL.has(w)) || '';
}

/** The arXiv ID's year of a canonical ID ("arxiv:1706.03762" → "2017"), as the server reads it. @param {string} id */
function arxivYear(id) {
  const m = /^arxiv:(.*)$/s.exec(String(id));
  if (!m) return '';
  const body = m[1];
  const slash = body.indexOf('/');
  let yy = '';
  if (body.length >= 4 && /^\d/.test(body) && body.includes('.')) yy = body.slice(0, 2);
  else if (slash >= 0 && body.length >= slash + 3) yy = body.slice(slash + 1, slash + 3);
  if (!/^\d\d$/.test(yy)) return '';
  return (yy >= '91' ? '19' : '20') + yy;
}

/**
 * A paper's key before it is made unique: family, year, word.
 * @param {{id: string, authors: string[], title: string, published?: string}} p
 */
export function keyBase(p) {
  const authors = named(p.authors || []);
  const family = (authors.length && asciiFold(splitName(authors[0]).family)) || 'anon';
  const published = (/^(\d{4})(?:-|$)/.exec(p.published || '') || [])[1] || '';
  const year = arxivYear(p.id) || published;
  return `${family}${year}${keyWord(p.title || '') || 'paper'}`;
}

/**
 * The letters a paper's ID adds to a key another paper holds: the first n base-26 digits of the FNV-1a hash of
 * the ID's UTF-8 bytes, lowest first (n ≤ 7 covers the hash), as the server's writer makes them (tagLetters).
 * @param {string} id @param {number} n
 */
export function tagLetters(id, n) {
  let h = 0x811c9dc5;
  for (const b of utf8.encode(String(id))) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  let s = '';
  for (let i = 0; i < n; i++, h = Math.floor(h / 26)) s += String.fromCharCode(97 + (h % 26));
  return s;
}

/** saved_at in ms, a missing or unreadable one the oldest. @param {string} [at] */
const savedMs = (at) => {
  const t = Date.parse(at || '');
  return Number.isNaN(t) ? -Infinity : t;
};

/**
 * The papers' keys, in their order, by the rule above, handed out oldest saved first (ties by ID): a paper takes
 * its key as it is unless an older paper holds it, else with its ID's letters, as the server hands them out. A
 * paper tries at most its key and five hash lengths, then the endings b, c… after its letters from the last one a
 * paper on the same letters took (next), so that n papers on one ID (one paper exported several times) cost about
 * 7n tries, not n²/2 (count.tries counts them).
 * @param {{id: string, authors: string[], title: string, published?: string, saved_at?: string}[]} papers
 * @param {{tries: number}} [count]
 * @returns {string[]}
 */
export function citeKeys(papers, count = { tries: 0 }) {
  const at = papers.map((p) => savedMs(p.saved_at));
  const order = papers.map((_, i) => i).sort((a, b) => at[a] - at[b] || (papers[a].id < papers[b].id ? -1 : papers[a].id > papers[b].id ? 1 : 0));
  /** @type {string[]} */
  const keys = new Array(papers.length);
  const used = new Set();
  const taken = (key) => {
    count.tries++;
    return used.has(key);
  };
  /** @type {Map<string, number>} */
  const next = new Map();
  for (const i of order) {
    const base = keyBase(papers[i]);
    let key = base;
    for (let n = 3; n <= 7 && taken(key); n++) key = base + tagLetters(papers[i].id, n);
    if (taken(key)) {
      // the endings before next's are all held: keys are never given back within one list
      const tag = key;
      let n = (next.get(tag) || 1) + 1;
      while (taken(tag + letters(n))) n++;
      key = tag + letters(n);
      next.set(tag, n);
    }
    keys[i] = key;
    used.add(key);
  }
  return keys;
}

/**
 * The link an export gives a paper: for an arXiv paper saved from another site's page about it (Hugging Face's),
 * or with no link, its arXiv abstract page; any other paper's own url. As the server's writer (paperURL); both run
 * the "urls" cases of testdata/bibtex.json. @param {string} id the canonical ID @param {string} url
 */
export function paperURL(id, url) {
  const m = /^arxiv:(.+)$/.exec(String(id));
  if (!m) return url;
  if (arxivLink(url)) return url;
  return `https://arxiv.org/abs/${m[1]}`;
}

/**
 * Whether a link is a well-formed address on arxiv.org or a subdomain: http(s), that host (any ASCII case, a port)
 * up to the end of the host, no space or backslash, every % an escape. Matched by hand as the server does, so that
 * both writers agree on malformed links too (the browser's URL reads https:\\arxiv.org\abs as arxiv.org).
 * @param {string} url
 */
function arxivLink(url) {
  const s = String(url ?? '');
  return /^https?:\/\/([a-z0-9-]+\.)*arxiv\.org(:[0-9]+)?([/?#]|$)/.test(s.replace(/[A-Z]/g, (c) => c.toLowerCase()))
    && !/[ \t\n\r\\]/.test(s) && (s.match(/%/g) || []).length === (s.match(/%[0-9A-Fa-f]{2}/g) || []).length;
}

/** The fields BibTeX and biblatex read verbatim. */
const VERBATIM = new Set(['url', 'doi', 'eprint']);

/**
 * @param {SavedPaper[]} saved the papers to write
 * @param {SavedPaper[]} [library] the whole library, whose keys the papers keep (a selection's keys are the ones
 *   the whole library's export gives them); saved itself when not given
 * @returns {string}
 */
export function toBibTeX(saved, library = saved) {
  // Each export record is built once: the keys need the whole library's, the entries the saved ones'.
  const all = library.map((s) => ({ ...exportPaper(s), saved_at: s.saved_at }));
  const keys = citeKeys(all);
  const at = new Map(library.map((s, i) => [s, i]));
  const byId = new Map(all.map((p, i) => [p.id, keys[i]]));
  return saved
    .map((s) => {
      const i = at.get(s);
      const p = i === undefined ? { ...exportPaper(s), saved_at: s.saved_at } : all[i];
      const key = i !== undefined ? keys[i] : byId.get(p.id) ?? citeKeys([...all, p]).at(-1);
      const kind = kindOf(p);
      const type = kind.bibtex;
      /** @type {[string, string][]} */
      const fields = [['title', p.title], ['author', bibAuthors(p.authors)]];
      const parts = dateParts(p);
      if (parts.length) fields.push(['year', String(parts[0])]);
      if (parts[1]) fields.push(['month', String(parts[1])]);
      if (p.venue) fields.push([type === 'inproceedings' ? 'booktitle' : 'journal', p.venue]);
      if (p.arxiv_id) fields.push(['eprint', p.arxiv_id], ['archiveprefix', 'arXiv']);
      if (p.doi) fields.push(['doi', p.doi]);
      fields.push(['url', paperURL(p.id, p.url)]);
      if (p.abstract) fields.push(['abstract', p.abstract]);
      // One line of the field to a line of the note: BibTeX and biber read them as spaces, JabRef and a person
      // reading the file see the user's lines (Zotero's own BibTeX export writes notes' lines so).
      fields.push(['annote', noteLines(noteParts(s)).flat().map(bibEscape).filter(Boolean).join('\n')]);
      fields.push(['keywords', keywords(s.tags)]);
      const body = fields
        .filter(([, v]) => v)
        .map(([k, v]) => `  ${k} = {${VERBATIM.has(k) ? bibVerbatim(v) : k === 'author' || k === 'annote' ? v : k === 'title' ? bibTitle(v) : bibEscape(v)}}`)
        .join(',\n');
      return `@${type}{${key},\n${body}\n}\n`;
    })
    .join('\n');
}

/** The three formats by name, with file extension and MIME type. */
export const FORMATS = {
  bibtex: { ext: 'bib', mime: 'application/x-bibtex', render: toBibTeX },
  ris: { ext: 'ris', mime: 'application/x-research-info-systems', render: toRIS },
  csljson: { ext: 'json', mime: 'application/vnd.citationstyles.csl+json', render: toCSLJSON },
};
