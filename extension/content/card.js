// The card under a paper entry: <papergist-card data-paper-id> (its only attribute) with a closed shadow root,
// so that neither the page's CSS reaches in nor ours out, and the page's scripts cannot read or press what is
// inside. Whether a paper is saved lives only here, in the content script's world (cards below): the host carries
// no saved marker and looks and measures the same saved or not, so the page learns nothing about the library.
// The same holds for the For-you mark: a label laid over the card's top border (absolutely placed, in room the
// host always has), so a marked card measures exactly as an unmarked one.
// Only trusted clicks (a real user's) save or remove. Everything from the page goes in as text, never as HTML.

/** @typedef {import('../lib/messages.js').Entry} Entry */

const CSS = `
:host { all: initial; display: block; margin: 0 0 12px; padding-top: 7px; contain: content; }
:host([data-highlight]) .card, .card.picked { outline: 2px solid var(--accent); outline-offset: 2px; }
.card {
  --bg: #f6f8fa; --fg: #1f2328; --muted: #59636e; --border: #d0d7de; --accent: #0969da; --chip: #ddf4ff;
  --chip-fg: #0a3069; --warn: #9a6700; --saved-bg: #1a7f37; --saved-fg: #ffffff; --foryou: #8250df;
  box-sizing: border-box; max-width: 60rem; padding: 8px 10px; border: 1px solid var(--border);
  border-left: 3px solid var(--accent); border-radius: 6px; background: var(--bg); color: var(--fg);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
}
.card.dark {
  --bg: #161b22; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --accent: #4493f8; --chip: #0c2d6b;
  --chip-fg: #cae8ff; --warn: #d29922; --saved-bg: #238636; --foryou: #ab7df8;
}
.tldr { margin: 0; }
.title { display: block; margin-bottom: 2px; font-weight: 600; color: var(--accent); text-decoration: none; }
.title:hover { text-decoration: underline; }
.label { font-weight: 700; color: var(--accent); margin-right: 6px; letter-spacing: .02em; }
.phrases { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0 0; padding: 0; list-style: none; }
.phrases:empty { display: none; }
.phrases li { padding: 1px 8px; border-radius: 999px; background: var(--chip); color: var(--chip-fg); font-size: 12px; }
.card { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 10px; align-items: start; }
/* A long word or URL wraps instead of widening the card past its place, which pushed the Save button out of sight. */
.title, .tldr, .phrases li, .status { overflow-wrap: anywhere; }
.status { margin: 4px 0 0; color: var(--muted); font-size: 12px; }
.status:empty { display: none; }
.status.warn { color: var(--warn); }
button {
  font: inherit; font-size: 12px; padding: 2px 12px; border-radius: 6px; cursor: pointer; white-space: nowrap;
  border: 1px solid var(--border); background: transparent; color: var(--fg);
}
button:hover { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.card { position: relative; }
.foryou {
  position: absolute; top: -7px; left: 10px; max-width: calc(100% - 20px); box-sizing: border-box; height: 14px;
  margin: 0; padding: 0 6px; border-radius: 7px; background: var(--bg); color: var(--foryou); font-size: 11px; line-height: 14px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border: 1px solid var(--foryou);
}
.foryou[hidden] { display: none; }
.foryou em { font-style: italic; }
.card.marked { border-left-color: var(--foryou); }
button.save { width: 8em; } /* the same size saved or not: the page can measure the host */
button[aria-pressed="true"] { background: var(--saved-bg); color: var(--saved-fg); border-color: var(--saved-bg); }
`;

/** One parsed style sheet shared by every card's shadow root. */
let sheet = null;
function cardSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const STATUS = {
  page: '',
  fetched: '',
  pending: 'Loading the abstract from arXiv…',
  failed: 'Could not load the abstract: TL;DR from the title only.',
  missing: 'No abstract on this page: TL;DR from the title only.',
};
/** Google Scholar shows a cut snippet of the abstract, which the card does not summarize: "no abstract" would
 * contradict it, and "no full abstract" would be false on a page that shows none (an ACL author's page). */
const SNIPPET_STATUS = 'No full abstract on this page: TL;DR from the title only.';
/** The same, when that TL;DR is the title word for word (shown right above the card): the card leaves it out. */
const SNIPPET_TITLE_STATUS = 'No full abstract on this page: no TL;DR beyond its title.';
/** The same test as the extractor's isScholarHost (wasm/extract/scholar.go): every country's scholar.google. */
const onScholar = () => /^scholar\.google\./i.test(location.hostname);

/**
 * What this world knows about each card, with its parts; the page's scripts cannot reach it (isolated world,
 * closed root).
 * @typedef {{card: HTMLElement, mark: HTMLElement, text: HTMLElement, phrases: HTMLElement, status: HTMLElement,
 *   button: HTMLButtonElement, title: HTMLElement|null}} Parts title: the title a card away from its entry shows
 * @type {WeakMap<HTMLElement, {entry: Entry, saved: boolean, parts: Parts, error?: string, marked?: boolean, titleOnly?: boolean}>} error: why the last
 *   click's save or removal failed, shown in the status line until the next state arrives; titleOnly: its TL;DR,
 *   the title again on a page that shows the title above it, is left out
 */
const cards = new WeakMap();

/** @type {Record<string, HTMLElement>} the inside of an empty card, by theme, made once and cloned for each card */
const blanks = {};

/** @param {'light'|'dark'} theme */
function blank(theme) {
  if (!blanks[theme]) {
    const card = el('section', 'card ' + theme);
    card.setAttribute('aria-label', 'papergist summary');
    // The card's own words are English, laid out left to right on a right-to-left page too (Scholar in Arabic);
    // the paper's words take the direction of their own script, so a full stop stays at the end of its sentence.
    card.dir = 'ltr';
    const mark = el('p', 'foryou');
    mark.hidden = true;
    const tldr = el('p', 'tldr');
    const text = el('span', 'text');
    text.dir = 'auto';
    tldr.append(el('span', 'label', 'TL;DR'), text);
    const status = el('p', 'status');
    status.setAttribute('role', 'status');
    const phrases = el('ul', 'phrases');
    phrases.dir = 'auto';
    const body = el('div', 'body');
    body.append(tldr, phrases, status);
    const button = el('button', 'save');
    button.type = 'button';
    showSaved(button, false);
    card.append(mark, body, button);
    blanks[theme] = card;
  }
  return blanks[theme];
}

/**
 * @param {Entry} entry
 * @param {{theme: 'light'|'dark', saved: boolean, showTitle?: boolean,
 *   onToggleSave: (entry: Entry, save: boolean, host: HTMLElement) => void}} opts showTitle for a card not under
 *   its entry
 * @returns {HTMLElement}
 */
export function createCard(entry, { theme, saved, showTitle = false, onToggleSave }) {
  const host = document.createElement('papergist-card');
  host.setAttribute('data-paper-id', entry.paper.id);
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [cardSheet()];
  // One deep clone and a walk to its parts: far fewer calls than building each card, which counts in a fresh
  // renderer's cold JIT.
  const card = /** @type {HTMLElement} */ (blank(theme).cloneNode(true));
  const mark = /** @type {HTMLElement} */ (card.firstElementChild);
  const body = /** @type {HTMLElement} */ (mark.nextElementSibling);
  const tldr = /** @type {HTMLElement} */ (body.firstElementChild);
  const phrases = /** @type {HTMLElement} */ (tldr.nextElementSibling);
  const parts = {
    card, mark, phrases, text: /** @type {HTMLElement} */ (tldr.lastElementChild),
    status: /** @type {HTMLElement} */ (phrases.nextElementSibling),
    button: /** @type {HTMLButtonElement} */ (card.lastElementChild),
    title: /** @type {HTMLElement|null} */ (null),
  };
  if (showTitle) {
    const title = el('a', 'title', entry.paper.title);
    title.dir = 'auto';
    if (/^https?:\/\//.test(entry.paper.url)) title.href = entry.paper.url;
    body.prepend(title);
    parts.title = title;
  }
  cards.set(host, { entry, saved, parts });
  parts.button.addEventListener('click', (ev) => {
    if (!ev.isTrusted) return; // a script's click, not the user's
    const c = cards.get(host);
    onToggleSave(c.entry, !c.saved, host);
  });
  updateCard(host, entry);
  root.append(card);
  return host;
}

/** Shows a new summary or abstract state. @param {HTMLElement} host @param {Entry} entry */
export function updateCard(host, entry) {
  /** @type {any} */ (host).papergistEntry = entry; // an expando of this world: the page does not see it
  const c = cards.get(host);
  c.entry = entry;
  const { card, text, phrases, button } = c.parts;
  // Inside the closed root: whether an abstract came from the cache would tell the page what was read before.
  card.setAttribute('data-state', entry.abstract);
  // A screen reader going from button to button (or region to region) hears which paper each is for, not "Save"
  // fifty times over; named here, so a card given an entry with another title (a page seen before whose paper was
  // renamed) is renamed too. The names live inside the closed root, like the rest.
  const { title } = entry.paper;
  if (title) card.setAttribute('aria-label', `papergist summary of “${title}”`);
  else card.setAttribute('aria-label', 'papergist summary');
  showSaved(button, c.saved, title);
  if (c.parts.title) {
    c.parts.title.textContent = title;
    if (/^https?:\/\//.test(entry.paper.url)) /** @type {HTMLAnchorElement} */ (c.parts.title).href = entry.paper.url;
  }
  text.textContent = entry.summary.tldr;
  // On Scholar the result's title is right above the card: a TL;DR that only repeats it is left out, and the card
  // shows the status and key phrases.
  c.titleOnly = entry.abstract === 'missing' && onScholar() && sameWords(entry.summary.tldr, entry.paper.title);
  /** @type {HTMLElement} */ (text.parentElement).hidden = c.titleOnly;
  phrases.replaceChildren(...entry.summary.keyphrases.slice(0, 5).map((k) => el('li', '', k)));
  showStatus(c);
}

/** Whether two texts have the same words, whatever their case, punctuation and spacing. @param {string} a @param {string} b */
function sameWords(a, b) {
  const words = (t) => (t || '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
  return words(a) !== '' && words(a) === words(b);
}

/** Drops the title a card away from its entry shows (createCard's showTitle), once it is under it. @param {HTMLElement} host */
export function hideTitle(host) {
  const c = cards.get(host);
  if (!c || !c.parts.title) return;
  c.parts.title.remove();
  c.parts.title = null;
}

/** The status line: why the last click failed, else the abstract's state. */
function showStatus(c) {
  const { status } = c.parts;
  const state = c.entry.abstract === 'missing' && onScholar()
    ? (c.titleOnly ? SNIPPET_TITLE_STATUS : SNIPPET_STATUS) : STATUS[c.entry.abstract];
  status.textContent = c.error || state || '';
  status.className = c.error || c.entry.abstract === 'failed' ? 'status warn' : 'status';
}

/**
 * Shows why a click's save or removal did not go through, until the card's saved state is next set.
 * @param {HTMLElement} host @param {string} text
 */
export function setSaveError(host, text) {
  const c = cards.get(host);
  if (!c) return;
  c.error = text;
  showStatus(c);
}

/**
 * Shows a card as saved or not: the one place a card's saved state changes (a click's answer, or the background's
 * MSG.SAVED_CHANGED when the library changed in another tab, the popup or a sync).
 * @param {HTMLElement} host @param {boolean} saved
 */
export function setSaved(host, saved) {
  const c = cards.get(host);
  if (!c) return;
  // Most replies repeat what the card shows: rewriting its button's text and attributes anyway made every card's
  // style and layout dirty again on the page's next frame.
  if (c.saved === saved && !c.error) return;
  c.saved = saved;
  showSaved(c.parts.button, saved, c.entry.paper.title);
  if (c.error) {
    delete c.error;
    showStatus(c);
  }
}

/** @param {HTMLButtonElement} button @param {boolean} saved @param {string} [title] the paper's, which names the button */
function showSaved(button, saved, title = '') {
  button.textContent = saved ? 'Saved ✓' : 'Save';
  button.setAttribute('aria-pressed', String(saved));
  if (title) button.setAttribute('aria-label', `${saved ? 'Saved' : 'Save'} “${title}”`);
  else button.removeAttribute('aria-label');
  button.title = saved ? 'Saved in papergist: click to remove' : 'Save to papergist';
}

/**
 * Marks a card For you with its reason, or unmarks it (pick null). Inside the closed root only, laid over the
 * card's border: the host's attributes and size do not change.
 * @param {HTMLElement} host @param {import('../lib/messages.js').Pick|null} pick
 */
export function setForYou(host, pick) {
  const c = cards.get(host);
  if (!c) return;
  // Unmarked and staying so (most cards of a page): nothing to write.
  if (!pick && !c.marked) return;
  c.marked = Boolean(pick);
  const { mark, card } = c.parts;
  card.classList.toggle('marked', Boolean(pick));
  if (!pick) card.classList.remove('picked');
  mark.hidden = !pick;
  mark.replaceChildren(...(pick ? reasonOf(pick) : []));
  mark.title = pick ? mark.textContent : '';
}

/** "For you · like <em>Title</em> and 2 more you saved", as nodes. @param {import('../lib/messages.js').Pick} pick */
export function reasonOf(pick) {
  const more = pick.more > 0 ? ` and ${pick.more} more` : '';
  return [document.createTextNode('For you · like '), el('em', '', pick.like), document.createTextNode(`${more} you saved`)];
}

/** Outlines a card (the digest's For-you click) inside its closed root. @param {HTMLElement} host @param {boolean} on */
export function setPicked(host, on) {
  const c = cards.get(host);
  if (c) c.parts.card.classList.toggle('picked', on);
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
