// Where each paper's card goes in the live page: the paper's entry is the largest element around its
// locator link that holds no other paper's link; the card goes right under that entry. A page of one paper has
// no other paper to bound its entry: there the card goes under what the extractor named (a paper page's title),
// or under the one result of a listing (a search by title, say), not after the page's whole column.

/** @typedef {import('../lib/messages.js').Paper} Paper */

/**
 * Finds, for each paper, the element to put its card after (or inside). Papers not found are absent.
 * @param {Paper[]} papers
 * @returns {Map<string, {entry: Element, how: 'after'|'append'|'row'|'prepend'}>}
 */
export function locateEntries(papers) {
  layouts = new WeakMap();
  const links = document.links;
  /** @type {Map<string, Element>|null} every link by resolved href, made only if a paper's own link is not where the page was read to have it */
  let anchors = null;
  /** @type {Map<string, Element>} */
  const start = new Map();
  /** @type {Set<string>} the papers found by their locator's selector */
  const named = new Set();
  for (const p of papers) {
    const { selector, href, link } = p.locator || {};
    let el = bySelector(selector);
    if (el) named.add(p.id);
    if (!el && href) {
      // Its position among the page's links, as the extractor read them (Locator.Link): one link resolved, where
      // finding it by href resolves every link of the page (about 1,400 on a 200-paper arXiv listing, 20-70 ms of
      // a first page in Firefox). The page may have changed since it was read: then, by href.
      const a = link ? /** @type {HTMLAnchorElement|undefined} */ (links[link - 1]) : undefined;
      el = a && a.href === href ? a : (anchors ??= anchorsByHref()).get(href);
    }
    if (el) start.set(p.id, el);
  }
  if (papers.length === 1) {
    // The element the extractor named is the title (or the entry) itself; a link found by href is bounded by
    // the listing around it. (Not the page's first <h1>: arXiv's is its breadcrumbs, above the title.)
    const out = new Map();
    for (const [id, el] of start) out.set(id, where(named.has(id) ? el : soleEntry(el, papers[0].title || '')));
    return out;
  }
  // How many papers' start elements each ancestor holds; an entry holds exactly one.
  /** @type {Map<Element, number>} */
  const count = new Map();
  for (const el of start.values()) {
    for (let a = el; a && a !== document.body; a = a.parentElement) count.set(a, (count.get(a) || 0) + 1);
  }
  const titles = new Map(papers.map((p) => [p.id, p.title]));
  const out = new Map();
  for (const [id, el] of start) {
    let entry = el;
    while (entry.parentElement && entry.parentElement !== document.body && count.get(entry.parentElement) === 1 &&
      !headsAbove(entry.parentElement, entry, titles.get(id) || '', count)) {
      entry = entry.parentElement;
    }
    out.set(id, where(entry));
  }
  return out;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** Links a block may add to its child's and still be one result (a "See all results" line), not a page's column. */
const FEW_LINKS = 4;

/**
 * The entry of a page's only paper, from its link: the list item or row around it; else the block its title
 * heading heads; else the largest block around the link that adds no heading and only a few links (a sidebar,
 * a navigation or the next section would add more). A heading that reads as the paper's title is the entry's own
 * (`<div><h3>Title</h3><p><a>View paper</a></p><p>authors…</p></div>`), not another section's.
 * @param {Element} el @param {string} title the paper's
 */
function soleEntry(el, title) {
  const item = el.closest('li, tr, dd, dt, article');
  if (item) return item;
  const heading = el.closest(HEADINGS);
  if (heading) return heading.parentElement && heading.parentElement !== document.body ? heading.parentElement : heading;
  let entry = el.closest('p, div') || el;
  const headings = (/** @type {Element} */ up) => [...up.querySelectorAll(HEADINGS)].filter((h) => !sameText(h.textContent || '', title)).length;
  const links = (/** @type {Element} */ up) => up.querySelectorAll('a[href]').length;
  for (let up = entry.parentElement; up && up !== document.body && up.localName !== 'main'; up = up.parentElement) {
    if (headings(up) > headings(entry) || links(up) > links(entry) + FEW_LINKS) break;
    entry = up;
  }
  return entry;
}

/**
 * Whether block has a heading above entry (not around it): block is then a section of the listing ("Cross-lists",
 * a day, a volume) that happens to hold one paper, and its card goes under that paper, not after the section.
 * Only blocks of one paper are asked, so the search stays inside one entry and its section. The entry's own title
 * is not such a heading (`<div class=paper><h3>Title</h3><p><a href=/abs/1>abs</a></p>…</div>`): a heading that
 * reads as the paper's title, or any heading of a block whose siblings of the same tag and class each hold one
 * paper too (entries, where sections would hold several among them).
 * @param {Element} block @param {Element} entry @param {string} title the paper's
 * @param {Map<Element, number>} count how many papers each ancestor of a paper's start holds
 */
function headsAbove(block, entry, title, count) {
  let entries;
  for (const h of block.querySelectorAll(HEADINGS)) {
    if (h.contains(entry) || !(h.compareDocumentPosition(entry) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (sameText(h.textContent || '', title)) continue;
    entries ??= oneEach(block, count);
    if (!entries) return true;
  }
  return false;
}

/** Letters and digits, lower case: a heading's text and a title compare by these. @param {string} s */
const fold = (s) => s.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a heading reads as the title: one holds the other, and the shorter is at least half the longer. */
function sameText(heading, title) {
  const [a, b] = [fold(heading), fold(title)].sort((x, y) => x.length - y.length);
  return a.length > 0 && b.includes(a) && a.length * 2 >= b.length;
}

/** Whether block has siblings of its tag and class, and each holds one paper, as block does. @param {Element} block */
function oneEach(block, count) {
  const parent = block.parentElement;
  if (!parent) return false;
  const like = [...parent.children].filter((c) => c !== block && c.tagName === block.tagName && c.className === block.className);
  return like.length > 0 && like.every((c) => count.get(c) === 1);
}

/** @param {Element} entry */
function where(entry) {
  const tag = entry.tagName;
  if (tag === 'DT' && entry.nextElementSibling && entry.nextElementSibling.tagName === 'DD') {
    // arXiv: the id is in <dt>, the title in <dd>. CVF: the title in <dt>, then a <dd> of authors and one of
    // links: the card goes in the last, under the whole entry.
    let dd = entry.nextElementSibling;
    while (dd.nextElementSibling && dd.nextElementSibling.tagName === 'DD') dd = dd.nextElementSibling;
    return { entry: dd, how: 'append' };
  }
  if (tag === 'TR') return { entry, how: 'row' };
  if (tag === 'LI' || tag === 'TD') return { entry, how: 'append' };
  // Entries side by side (Hugging Face's grid of paper cards): a card after its entry would take the next cell,
  // beside the entry, and push the entries after it along; inside the entry it stays under it.
  if (entry.parentElement && entry.parentElement !== document.body && sideBySide(entry.parentElement)) {
    // A title in a row beside its buttons (a paper page's header) holds no card: it goes under the whole row.
    return INLINE.test(tag) ? { entry: entry.parentElement, how: 'after' } : { entry, how: 'append' };
  }
  return { entry: withPanel(entry), how: 'after' };
}

/** Elements a card inside would read as part of: a heading (its font, its accessible name), a link, a phrase. */
const INLINE = /^(A|H[1-6]|P|SPAN|STRONG|EM|B|I|LABEL|BUTTON)$/;

/** @type {WeakMap<Element, boolean>} sideBySide's answers during one locateEntries (one style computation) */
let layouts = new WeakMap();

/**
 * Whether block lays its children out in a grid or a flex row, where a card would be one more cell.
 * @param {Element} block
 */
function sideBySide(block) {
  let yes = layouts.get(block);
  if (yes === undefined) {
    const style = getComputedStyle(block);
    yes = style.display.endsWith('grid') || (style.display.endsWith('flex') && !style.flexDirection.startsWith('column'));
    layouts.set(block, yes);
  }
  return yes;
}

/**
 * The entry, or the block right after it that a button of the entry opens (ACL's "abs": the abstract, collapsed
 * until then), which is part of the entry: its card goes under both, not between the entry and its abstract.
 * @param {Element} entry
 */
function withPanel(entry) {
  const next = entry.nextElementSibling;
  if (!next || !next.id) return entry;
  const id = CSS.escape(next.id);
  return entry.querySelector(`[aria-controls="${id}"], a[href="#${id}"], [data-bs-target="#${id}"], [data-target="#${id}"]`) ? next : entry;
}

/** The first link in the page for each resolved href. */
function anchorsByHref() {
  const map = new Map();
  for (const a of document.links) {
    if (!map.has(a.href)) map.set(a.href, a);
  }
  return map;
}

/** @param {string|undefined} selector */
function bySelector(selector) {
  if (!selector) return null;
  try {
    return document.querySelector(selector);
  } catch {
    return null; // a selector the extractor wrote for another engine
  }
}

/**
 * Where the cards of papers that are in the page's data but not found in its markup go (a page that
 * renders its list later, or a paper page whose body is empty): one after another, under the page's
 * title when it has one, else at the top of the page.
 * @returns {{entry: Element, how: 'after'|'prepend'}}
 */
export function fallbackPlace() {
  const h1 = document.querySelector('h1');
  if (h1) return { entry: h1, how: 'after' };
  return { entry: document.querySelector('main, [role=main], #content') || document.body, how: 'prepend' };
}

/**
 * Whether a card already sits where locateEntries said (under another ID of the same paper, say).
 * @param {{entry: Element, how: string}} at
 */
export function hasCard(at) {
  if (at.how === 'append' || at.how === 'prepend') return [...at.entry.children].some((c) => c.nodeName === 'PAPERGIST-CARD');
  const next = at.entry.nextElementSibling;
  if (at.how === 'row') return Boolean(next && next.hasAttribute('data-papergist-row'));
  return Boolean(next && next.nodeName === 'PAPERGIST-CARD');
}

/**
 * Puts a card where locateEntries said.
 * @param {HTMLElement} card @param {{entry: Element, how: string}} at
 */
export function insertCard(card, at) {
  if (at.how === 'append') {
    at.entry.append(card);
  } else if (at.how === 'prepend') {
    at.entry.prepend(card);
  } else if (at.how === 'row') {
    const tr = document.createElement('tr');
    tr.setAttribute('data-papergist-row', '');
    const td = document.createElement('td');
    td.colSpan = Math.max(1, at.entry.children.length);
    td.append(card);
    tr.append(td);
    at.entry.after(tr);
  } else {
    at.entry.after(card);
  }
}

/** Takes a card off the page, with the table row made for it (insertCard's "row"). @param {HTMLElement} card */
export function removeCard(card) {
  const row = card.parentElement && card.parentElement.parentElement;
  if (row && row.nodeName === 'TR' && row.hasAttribute('data-papergist-row')) row.remove();
  else card.remove();
}
