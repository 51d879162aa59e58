// Where each paper's card goes in the live page: the paper's entry is the largest element around its
// locator link that holds no other paper's link; the card goes right under that entry.

/** @typedef {import('../lib/messages.js').Paper} Paper */

/**
 * Finds, for each paper, the element to put its card after (or inside). Papers not found are absent.
 * @param {Paper[]} papers
 * @returns {Map<string, {entry: Element, how: 'after'|'append'|'row'|'prepend'}>}
 */
export function locateEntries(papers) {
  const links = document.links;
  /** @type {Map<string, Element>|null} every link by resolved href, made only if a paper's own link is not where the page was read to have it */
  let anchors = null;
  /** @type {Map<string, Element>} */
  const start = new Map();
  for (const p of papers) {
    const { selector, href, link } = p.locator || {};
    let el = bySelector(selector);
    if (!el && href) {
      // Its position among the page's links, as the extractor read them (Locator.Link): one link resolved, where
      // finding it by href resolves every link of the page (about 1,400 on a 200-paper arXiv listing, 20-70 ms of
      // a first page in Firefox). The page may have changed since it was read: then, by href.
      const a = link ? /** @type {HTMLAnchorElement|undefined} */ (links[link - 1]) : undefined;
      el = a && a.href === href ? a : (anchors ??= anchorsByHref()).get(href);
    }
    if (el) start.set(p.id, el);
  }
  // How many papers' start elements each ancestor holds; an entry holds exactly one.
  /** @type {Map<Element, number>} */
  const count = new Map();
  for (const el of start.values()) {
    for (let a = el; a && a !== document.body; a = a.parentElement) count.set(a, (count.get(a) || 0) + 1);
  }
  const out = new Map();
  for (const [id, el] of start) {
    let entry = el;
    while (entry.parentElement && entry.parentElement !== document.body && count.get(entry.parentElement) === 1) {
      entry = entry.parentElement;
    }
    out.set(id, where(entry));
  }
  // A paper's own page: every ancestor holds just that paper, so the card goes under the title instead.
  const h1 = papers.length === 1 && document.querySelector('h1');
  if (h1) out.set(papers[0].id, { entry: h1, how: 'after' });
  return out;
}

/** @param {Element} entry */
function where(entry) {
  const tag = entry.tagName;
  if (tag === 'DT' && entry.nextElementSibling && entry.nextElementSibling.tagName === 'DD') {
    return { entry: entry.nextElementSibling, how: 'append' }; // arXiv: the id is in <dt>, the title in <dd>
  }
  if (tag === 'TR') return { entry, how: 'row' };
  if (tag === 'LI' || tag === 'TD') return { entry, how: 'append' };
  return { entry, how: 'after' };
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
