// On a supported site: send the page to the background, put a card under every paper it finds, keep
// the Save buttons in step with what is saved anywhere, and have the abstracts a listing lacks fetched.
// One ANALYZE_PAGE message per page state: the background does the rest.
import { MSG, send, removalFailed, saveFailed, pageFailed, pageCanRetry, errorInfo } from '../lib/messages.js';
import { locateEntries, insertCard, fallbackPlace, hasCard, removeCard } from './placement.js';
import { createCard, updateCard, setSaved, setSaveError, setForYou, setPicked, hideTitle } from './card.js';
import { mountDigest } from './digest.js';
import { themeAt } from './theme.js';
import { mountNotice, removeNotice } from './notice.js';

/** @typedef {import('../lib/messages.js').Entry} Entry */
/** @typedef {import('../lib/messages.js').Analysis & {saved: string[], forYou: import('../lib/messages.js').ForYou}} PageAnalysis */
/**
 * @typedef {{html: string, url: string, loaded?: boolean, run?: string}} Page loaded: the page as it loaded
 *   (ANALYZE_PAGE); run: names the run that sends it, which a failure of the run names too (PAGE_FAILED)
 */
/**
 * @typedef {import('../lib/messages.js').EarlyAnswer['analysis'] & {came: number, asked: number, heardAt?: number,
 *   postedAt?: number}} EarlyAnalysis the early answer, when it came (performance.now()), when it was asked for, heard
 *   and posted by the background (ms since the epoch)
 */
/** @typedef {import('../lib/messages.js').Topic} Topic */

/** The page as it is now, to send in ANALYZE_PAGE. @returns {Page} */
export const pageNow = () => ({ html: document.documentElement.outerHTML, url: location.href });

/**
 * Shows the cards of one page state. Call teardown(run) before showing the next one (a single-page
 * site that changed its list).
 * @param {{page: Page, analysis: Promise<PageAnalysis>, reply: Promise<PageAnalysis>, held: boolean, sendNow: () => void,
 *   early: Promise<EarlyAnalysis|null>, start: number, imported: number, sent: number, retry: () => void,
 *   known: () => boolean}} t the run's page. page: the page sent; analysis: the ANALYZE_PAGE reply within the
 *   page's deadline; reply: the same reply however late; held: whether the page waits for the early answer's
 *   cards; sendNow: what sends it then; early: what the background answered the same page last time (PORT.PAGE)
 *   or null; start, imported: when the run started and when the module was ready (performance.now()); sent: when
 *   the message was sent (ms since the epoch); retry: what sends the page again (a failed analysis's Try again);
 *   known: whether the page is known to have papers (failed)
 * @param {{cards: Map<string, any>, entries: Entry[]|null, stopped: boolean, cleanups: (() => void)[],
 *   theme?: 'light'|'dark', digest?: ReturnType<typeof mountDigest>, forYou?: import('../lib/messages.js').ForYou,
 *   askAgain?: boolean, unplaced?: Set<string>}} run
 *   this run's state, which the content script's message handler reads; unplaced: the papers whose card is at
 *   the fallback spot
 */
export async function main(t, run) {
  document.documentElement.setAttribute('data-papergist', 'loading');
  document.documentElement.removeAttribute('data-papergist-error');
  const { cards } = run;
  const nav = /** @type {PerformanceNavigationTiming|undefined} */ (performance.getEntriesByType('navigation')[0]);
  const inject = nav ? t.start - nav.domContentLoadedEventStart : 0;
  // A page seen lately: its last answer, here before the reply (usually before the page was parsed), is shown at
  // once; the reply then only updates what changed since.
  let early = await Promise.race([t.early, t.analysis.then(() => null, () => null)]);
  if (run.stopped) return;
  /** 1 when placing the early answer's cards threw: the reply places them all */
  let earlyFailed = 0;
  if (early) {
    const begun = performance.now();
    run.entries = early.entries;
    try {
      placeCards(early.entries, new Set(early.saved), run);
      // analyze: the wait for the early answer; came: when it came, from this run's start (negative: before it);
      // toWorker, worker, toPage: from asking to the background hearing, to its posting the answer, to its coming
      // (wall clocks of two processes, so roughly)
      const came = performance.timeOrigin + early.came;
      const { heardAt = NaN, postedAt = NaN } = early;
      // held: 1 when the page is sent only after these cards are drawn (index.js)
      markShown(cards.size, { early: 1, held: t.held ? 1 : 0, inject, import: t.imported - t.start, analyze: begun - t.imported,
        came: early.came - t.start, toWorker: heardAt - early.asked, worker: postedAt - heardAt, toPage: came - postedAt,
        cards: performance.now() - begun });
      showTopics(run, early.topics);
    } catch (err) {
      // The reply is still awaited and shown in full (the cards placed so far stay, and are moved and updated):
      // a page must not keep some of its cards, or none, because its last answer could not be placed.
      console.warn('papergist: early cards', err);
      early = null;
      earlyFailed = 1;
    } finally {
      // The page, if it waited for these cards (index.js): once they are drawn, whatever happened to them.
      afterFrame(t.sendNow);
    }
  }
  /** @type {PageAnalysis} */
  let reply;
  try {
    reply = await t.analysis;
  } catch (err) {
    if (run.stopped) return;
    // shown: cards placed, from the early answer (some, should placing the rest have thrown)
    failed(err, cards.size > 0, t.known(), t.retry, t.page.run);
    // Past the page's deadline the reply may still come (a background slow, not stuck): it is shown then as Try
    // again's would be, the notice gone (and the badge's ! with the background's answer). A reply that failed
    // rejects here again at once.
    try {
      reply = await t.reply;
    } catch {
      return;
    }
    if (run.stopped) return;
    removeNotice();
    document.documentElement.removeAttribute('data-papergist-error');
    document.documentElement.setAttribute('data-papergist', 'loading');
  }
  const { entries, topics, saved: savedList, timing, forYou } = reply;
  const arrived = performance.timeOrigin + performance.now();
  if (run.stopped) return;
  if (early) {
    refreshCards(entries, new Set(savedList), run);
  } else {
    run.entries = entries;
    const analyzed = performance.now();
    dropCardsNotIn(entries, run);
    const savedIds = new Set(savedList);
    // Cards placed from a failed early answer keep its saved states: the reply's are newer (a paper saved in
    // another tab meanwhile, which this page hears of only through this reply).
    if (earlyFailed) showSavedOf(entries, savedIds, run);
    placeCards(entries, savedIds, run);
    // toBackground, fromBackground: the message's delivery each way (wall clocks of two processes, so roughly)
    const { handledAt, answeredAt, ...steps } = timing;
    markShown(cards.size, { ...steps, inject, import: t.imported - t.start, analyze: analyzed - t.imported,
      toBackground: handledAt - t.sent, fromBackground: arrived - answeredAt, cards: performance.now() - analyzed,
      ...(earlyFailed ? { earlyFailed } : {}) });
  }
  showTopics(run, topics);
  showForYou(run, forYou);
  if (run.askAgain) forYouChanged(run, true).catch((err) => console.warn('papergist: For you', err));
  await completeAbstracts(t.page, run.entries || [], run);
  if (!run.stopped) document.documentElement.setAttribute('data-papergist', 'done');
}

/**
 * The page's analysis failed, or never came in time (the background's limit): with its early cards shown, they
 * stay and the page is done; else the page says so, and Try again sends it again (data-papergist="error", and the
 * error's code in data-papergist-error, for the tests and the bench). Only a page known to have papers shows the
 * notice: the content script runs on every page of a supported site (help, login, search forms), and only the
 * engine can tell which have papers, so any other page says it on the toolbar badge (PAGE_FAILED) and stays as it is;
 * except an extension updated under the page (extension_gone), which has no badge to set and shows the notice anywhere.
 * @param {any} err @param {boolean} shown whether cards are shown (the early answer's) @param {boolean} known
 *   whether the page is known to have papers (its early answer had some, or it is a Try again) @param {() => void} retry
 * @param {string} [run] the run that failed: its answer, should it have come meanwhile, keeps the badge clear
 */
function failed(err, shown, known, retry, run) {
  console.warn('papergist:', err);
  const root = document.documentElement;
  if (shown) {
    root.setAttribute('data-papergist', 'done');
    return;
  }
  const { code } = errorInfo(err);
  root.setAttribute('data-papergist-error', code);
  root.setAttribute('data-papergist', 'error');
  // An extension updated under the page has no badge to set (its background is another one now): the notice is
  // the only way to say it, whatever the page.
  if (!known && code !== 'extension_gone') {
    send(MSG.PAGE_FAILED, { code, run, url: location.href }).catch((e) => console.warn('papergist: badge', e));
    return;
  }
  mountNotice({ theme: themeAt(document.body), text: pageFailed(err), retry: pageCanRetry(err) ? retry : null });
}

/** How long afterFrame waits at most (ms): a tab in the background draws no frames. */
const FRAME_WAIT_MS = 100;

/** Calls f once the next frame is drawn (a task after it), or after FRAME_WAIT_MS. @param {() => void} f */
function afterFrame(f) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    f();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, FRAME_WAIT_MS);
}

/** The page's topics in its digest, which a page of more than one card has. @param {any} run @param {Topic[]} topics */
function showTopics(run, topics) {
  if (!run.digest && run.entries && run.entries.length > 1 && run.cards.size) run.digest = digestOf(run);
  if (run.digest) run.digest.setTopics(topics);
}

/**
 * The reply to a page whose cards were shown from its early answer: what changed since (a saved state, a summary
 * or abstract, a paper the page now names otherwise) is shown as the reply has it.
 * @param {Entry[]} entries @param {Set<string>} savedIds @param {any} run
 */
function refreshCards(entries, savedIds, run) {
  dropCardsNotIn(entries, run);
  for (const e of entries) {
    const card = run.cards.get(e.paper.id);
    const shown = card && card.papergistEntry;
    if (card && (!shown || JSON.stringify(shown) !== JSON.stringify(e))) updateCard(card, e);
  }
  showSavedOf(entries, savedIds, run);
  placeCards(entries.filter((e) => !run.cards.has(e.paper.id)), savedIds, run);
  run.entries = entries;
  document.documentElement.setAttribute('data-papergist-cards', String(run.cards.size));
}

/** Takes off the page the cards of papers that entries no longer name. @param {Entry[]} entries @param {any} run */
function dropCardsNotIn(entries, run) {
  const now = new Set(entries.map((e) => e.paper.id));
  for (const [id, card] of run.cards) {
    if (now.has(id)) continue;
    removeCard(card);
    run.cards.delete(id);
  }
}

/**
 * Shows each entry's card saved or not, as a reply says (its saved IDs).
 * @param {Entry[]} entries @param {Set<string>} savedIds @param {any} run
 */
function showSavedOf(entries, savedIds, run) {
  for (const e of entries) {
    const card = run.cards.get(e.paper.id);
    if (card) setSaved(card, savedIds.has(e.paper.id));
  }
}

/**
 * Puts a card under each entry, in page order; an entry whose place on the page is not found goes after the
 * last card so placed, or at a fallback spot.
 * @param {Entry[]} entries @param {Set<string>} savedIds @param {any} run
 * @param {{placedOnly?: boolean}} [opts] placedOnly: skip entries whose place is not found or has a card
 * @returns {Entry[]} the entries that got a card
 */
function placeCards(entries, savedIds, run, { placedOnly = false } = {}) {
  const places = locateEntries(entries.map((e) => e.paper));
  if (placedOnly) entries = entries.filter((e) => places.has(e.paper.id) && !hasCard(places.get(e.paper.id)));
  if (!run.theme) {
    const first = places.values().next().value;
    run.theme = themeAt(first ? first.entry : document.body);
  }
  // The answer shows on the card at once (the background's MSG.SAVED_CHANGED follows); a failure says why there.
  const onToggleSave = (entry, save, host) => {
    (save ? send(MSG.SAVE_PAPER, { paper: entry.paper, summary: entry.summary })
      : send(MSG.REMOVE_PAPER, { id: entry.paper.id }))
      .then(() => setSaved(host, save), (err) => {
        console.warn('papergist: save', err);
        setSaveError(host, save ? saveFailed(err) : removalFailed(err));
      });
  };
  /** @type {HTMLElement|null} the last card placed without its entry, so the next goes after it */
  let lastUnplaced = null;
  const unplaced = (run.unplaced ??= new Set());
  for (const entry of entries) {
    const id = entry.paper.id;
    let at = places.get(id);
    const placed = Boolean(at);
    if (!at) at = lastUnplaced ? { entry: lastUnplaced, how: 'after' } : fallbackPlace();
    // A card shown at the fallback spot before the page rendered its entry moves there as it is: its save in
    // flight, a failure's reason and the digest's outline stay; under its entry it no longer shows the title.
    const shown = run.cards.get(id);
    const card = shown || createCard(entry, { theme: run.theme, saved: savedIds.has(id), onToggleSave, showTitle: !placed });
    if (shown) {
      removeCard(shown);
      if (placed) hideTitle(shown);
      if (JSON.stringify(shown.papergistEntry) !== JSON.stringify(entry)) updateCard(shown, entry);
    }
    insertCard(card, at);
    if (placed) {
      unplaced.delete(id);
    } else {
      lastUnplaced = card;
      unplaced.add(id);
    }
    run.cards.set(id, card);
  }
  return entries;
}

/**
 * The page grew without a navigation ("load more", infinite scroll): cards for the papers that are new, the
 * ones already shown left alone.
 * @param {Page} page the page as it is now @param {Promise<PageAnalysis>} analysis its ANALYZE_PAGE reply
 * @param {any} run
 */
export async function more(page, analysis, run) {
  const reply = await analysis;
  if (run.stopped || !run.entries) return;
  // Only entries found in the page: a paper the page now names differently (hydration filling in an ID) must
  // not get a second card at the fallback spot. A card shown at the fallback spot moves under its entry once the
  // page has rendered it (a list a script renders after load).
  const known = new Set(run.cards.keys());
  if (run.entries.length === 1 && reply.entries.length > 1) resettle(run.entries[0], reply.entries, run);
  const fresh = placeCards(reply.entries.filter((e) => !known.has(e.paper.id) || run.unplaced?.has(e.paper.id)),
    new Set(reply.saved), run, { placedOnly: true });
  if (!fresh.length) return;
  run.entries = [...run.entries, ...fresh.filter((e) => !known.has(e.paper.id))];
  document.documentElement.setAttribute('data-papergist-cards', String(run.cards.size));
  if (!run.digest && run.entries.length > 1) run.digest = digestOf(run);
  if (run.digest) run.digest.setTopics(reply.topics); // the whole page's
  showForYou(run, reply.forYou);
  await completeAbstracts(page, reply.entries, run);
}

/**
 * A listing of one result that grew: its card went where the one-paper rule put it (under the result's whole
 * block, which now holds the new results too); it moves under its entry, where a listing of several puts it. A
 * card placed under what the extractor named (a paper page's title) or at the fallback spot stays for placeCards.
 * @param {Entry} only the page's one entry so far @param {Entry[]} entries the page's entries now @param {any} run
 */
function resettle(only, entries, run) {
  const id = only.paper.id;
  const card = run.cards.get(id);
  if (!card || run.unplaced?.has(id) || only.paper.locator?.selector) return;
  const at = locateEntries(entries.map((e) => e.paper)).get(id);
  if (!at) return;
  removeCard(card);
  insertCard(card, at);
}

/**
 * A page back from the back/forward cache, its cards as they were: each takes its saved state of now, and the
 * papers new to the page, if any, get cards, as for a page that grew.
 * @param {Page} page the page as it is now @param {Promise<PageAnalysis>} analysis its ANALYZE_PAGE reply
 * @param {any} run
 */
export async function shownAgain(page, analysis, run) {
  const reply = await analysis;
  if (run.stopped || !run.entries) return;
  showSavedOf(reply.entries, new Set(reply.saved), run);
  showForYou(run, reply.forYou);
  await more(page, Promise.resolve(reply), run);
}

/**
 * Shows what the background says changed in the library (MSG.SAVED_CHANGED): content scripts cannot read
 * chrome.storage, so the background tells each tab about the papers it shows.
 * @param {any} run @param {{id: string, saved: boolean}[]} changes
 */
export function showSaved(run, changes) {
  for (const { id, saved } of changes) {
    const card = run && run.cards.get(id);
    if (card) setSaved(card, saved);
  }
  // A paper saved is no longer one to point out: its mark and its line in the digest go.
  const nowSaved = new Set(changes.filter((c) => c.saved).map((c) => c.id));
  if (run && run.forYou && run.forYou.picks.some((p) => nowSaved.has(p.paper_id))) {
    showForYou(run, { ...run.forYou, picks: run.forYou.picks.filter((p) => !nowSaved.has(p.paper_id)) });
  }
}

/** The page digest of a run: topics, and the For-you section. */
function digestOf(run) {
  const { cards } = run;
  return mountDigest({
    theme: run.theme,
    cardsOf: (id) => (cards.has(id) ? [cards.get(id)] : []),
    titleOf: (id) => (run.entries || []).find((e) => e.paper.id === id)?.paper.title || id,
    pick: (ids) => {
      for (const card of cards.values()) setPicked(card, false);
      const picked = ids.filter((id) => cards.has(id)).map((id) => cards.get(id));
      for (const card of picked) setPicked(card, true);
      if (picked[0]) picked[0].scrollIntoView({ behavior: 'smooth', block: 'center' });
    },
    turnOff: () => {
      send(MSG.FOR_YOU, { on: false }).catch((err) => console.warn('papergist: For you', err));
      showForYou(run, run.forYou ? { ...run.forYou, on: false } : null);
    },
  });
}

/**
 * Shows what the page has For you (the background's answer, or a change of the setting): the marks on the
 * cards of its picks and the digest's section; off removes both.
 * @param {any} run @param {import('../lib/messages.js').ForYou|null|undefined} forYou
 */
export function showForYou(run, forYou) {
  if (!run || run.stopped || !forYou) return;
  run.forYou = forYou;
  const picks = new Map((forYou.on ? forYou.picks : []).map((p) => [p.paper_id, p]));
  for (const [id, card] of run.cards) setForYou(card, picks.get(id) || null);
  if (run.digest) run.digest.setForYou(forYou);
}

/**
 * For you was turned on or off (MSG.FOR_YOU_CHANGED): off drops the marks at once; on asks the background to rank
 * the page as it is now.
 * @param {any} run @param {boolean} on
 */
export async function forYouChanged(run, on) {
  if (run && !run.entries) run.askAgain = on; // the analysis is on its way: asked again once it is shown
  if (!run || !run.entries) return;
  if (!on) return showForYou(run, { ...(run.forYou || { few: false, picks: [] }), on: false });
  const reply = await send(MSG.ANALYZE_PAGE, pageNow());
  showForYou(run, reply.forYou);
}

/** Removes what a run added to the page. */
export function teardown(run) {
  run.stopped = true;
  for (const f of run.cleanups) f();
  for (const el of document.querySelectorAll('papergist-card, papergist-digest, tr[data-papergist-row]')) el.remove();
  removeNotice();
}

/** Records when the cards were shown and where the time went, for `make bench` and the tests. */
function markShown(count, timing) {
  const nav = /** @type {PerformanceNavigationTiming|undefined} */ (performance.getEntriesByType('navigation')[0]);
  const since = nav && nav.domContentLoadedEventStart ? performance.now() - nav.domContentLoadedEventStart : -1;
  const root = document.documentElement;
  root.setAttribute('data-papergist', 'shown');
  root.setAttribute('data-papergist-cards', String(count));
  root.setAttribute('data-papergist-ms', since.toFixed(1));
  root.setAttribute('data-papergist-timing', JSON.stringify(timing, (_, v) => (typeof v === 'number' ? Math.round(v) : v)));
}

/**
 * The second state of a listing without abstracts: the background fetches the "pending" ones and analyzes the
 * page again, which gives the cards their new summaries and the digest its topics; a failed fetch comes back
 * as entries marked "failed".
 * @param {Page} page @param {Entry[]} entries the last analysis's @param {any} run
 */
async function completeAbstracts(page, entries, run) {
  const pending = entries.filter((e) => e.abstract === 'pending');
  if (!pending.length) return;
  /** @type {Entry[]} */
  let fresh;
  let topics = null;
  let forYou = null;
  try {
    ({ entries: fresh, topics, forYou } = await send(MSG.ANALYZE_PAGE, { ...page, fetchAbstracts: pending.map((e) => e.paper.arxiv_id) }));
  } catch (err) {
    console.warn('papergist: abstracts', err);
    fresh = pending.map((e) => ({ ...e, abstract: 'failed' }));
  }
  if (run.stopped) return;
  const wanted = new Set(pending.map((e) => e.paper.id));
  for (const e of fresh) {
    const card = wanted.has(e.paper.id) ? run.cards.get(e.paper.id) : null;
    if (card) updateCard(card, e);
  }
  if (topics && run.digest) run.digest.setTopics(topics);
  if (forYou) showForYou(run, forYou); // ranked again with the abstracts
}
