// The content script's entry. MV3 cannot load content scripts as modules, so the build bundles this
// file and its imports into one classic script (content/content.js in dist) with esbuild.
// It is injected at document_start and starts on DOMContentLoaded itself: Chrome's own document_end
// injection comes later than that on a busy machine. At document start it also asks the background for what it
// answered this URL last time (early.js). Single-page sites (Hugging Face, OpenReview) change their lists without
// loading a page: when the URL has changed and the DOM has settled, the cards are shown again for the new state.
// A list that grows in place ("load more", infinite scroll) gets cards for its new papers once the DOM has settled.
import { earlyAnswer, earlyHere } from './early.js'; // first: its module asks the background before the others load
import { MSG, TARGET, answers, dispatch, send } from '../lib/messages.js';
import { main, more, shownAgain, teardown, showSaved, forYouChanged, pageNow } from './main.js';
import { withDeadline, PAGE_DEADLINE_MS } from './deadline.js';

/** Milliseconds without DOM changes after which a single-page navigation counts as rendered. */
const SETTLE_MS = 400;

/**
 * @type {{cards: Map<string, any>, entries: any[]|null, stopped: boolean, cleanups: (() => void)[],
 *   analysis?: Promise<any>, sendHeld?: () => boolean}|null}
 *   sendHeld: sends the page now if it is still held (see start), and says whether it did
 */
let run = null;
/** Between pagehide and pageshow: a held page is not sent from a page that is leaving or in the back/forward cache. */
let away = false;
/** Resolves once the first run has started (DOMContentLoaded): a save asked before waits for the page. */
/** @type {(value?: unknown) => void} */
let started = () => {};
const firstRun = new Promise((resolve) => { started = resolve; });
/** How long a save from the toolbar waits for the page to be read, in ms. */
const PAGE_WAIT_MS = 10_000;
let shownURL = '';

/**
 * @param {boolean} [loaded] the page as it loaded, which its early answer may be for (not a later state)
 * @param {boolean} [tryAgain] the Try again of a page that said its papers could not be shown
 */
function start(loaded = false, tryAgain = false) {
  const t = performance.now();
  if (run) teardown(run);
  shownURL = location.href;
  // Send the page first: the background's work is the slow part, and nothing else here waits for it. But when the
  // early answer has come already and is this page's, its cards go in and are drawn first (main.js): sending copies
  // the page on this thread (the message's serialization), which the cards would otherwise wait for, and the reply
  // only brings what changed since.
  // run: names this run to the background, which then disregards its failure should its answer have come (badge.js)
  const page = { ...pageNow(), ...(loaded ? { loaded } : {}), run: crypto.randomUUID() };
  const sent = performance.timeOrigin + performance.now();
  /** @type {(() => void)|null} the held send, until it goes or the run ends */
  let hold = null;
  // Not in a background tab (opened with a middle click, a restored session): it draws no frames, so the send
  // would wait on a throttled timer for cards no one sees.
  const held = Boolean(loaded && document.visibilityState === 'visible' && earlyHere && answers(earlyHere.answer, page));
  const reply = held
    ? new Promise((resolve) => {
      hold = () => {
        hold = null;
        resolve(send(MSG.ANALYZE_PAGE, page));
      };
    })
    : send(MSG.ANALYZE_PAGE, page);
  // A page never stays "loading": past its own deadline it fails as on any error (content/deadline.js), and should
  // the reply come after all, main shows it then.
  const analysis = withDeadline(reply, PAGE_DEADLINE_MS);
  const early = loaded
    ? earlyAnswer.then(({ answer, at, asked }) => (answers(answer, page)
      ? { ...answer.analysis, came: at, asked, heardAt: answer.heardAt, postedAt: answer.postedAt } : null))
    : Promise.resolve(null);
  // A run torn down (the next page state) never sends its held page: its reply would be for a page no longer shown.
  const sendHeld = () => {
    if (!hold) return false;
    hold();
    return true;
  };
  run = { cards: new Map(), entries: null, stopped: false, cleanups: [() => { hold = null; }], analysis, sendHeld };
  started();
  // main sends it once the early cards are drawn; a page gone meanwhile into the back/forward cache sends it at
  // pageshow instead, once, and main shows its reply.
  const sendNow = () => { if (!away) sendHeld(); };
  // Try again on a failed analysis: the page as it is now, sent again (the notice goes with the teardown).
  // (not as it loaded: it may have grown since, and its answer is then not the next load's early answer)
  const retry = () => start(false, true);
  // Known to have papers: the background's last answer for this URL (the early answer, asked at load) had some.
  const known = () => tryAgain || Boolean(loaded && earlyHere && earlyHere.answer && earlyHere.answer.analysis.entries.length);
  main({ page, analysis, reply, held, sendNow, early, start: t, imported: performance.now(), sent, retry, known }, run).catch((err) => console.warn('papergist:', err));
}

dispatch(TARGET.CONTENT, {
  [MSG.GET_PAGE_PAPER]: async () => {
    // Asked while the page loads or is being analyzed (the shortcut pressed at once): its answer, not "none".
    const late = new Promise((resolve) => setTimeout(resolve, PAGE_WAIT_MS));
    if (!run && document.readyState === 'loading') await Promise.race([firstRun, late]);
    const reply = run && !run.entries && run.analysis ? await Promise.race([run.analysis.catch(() => null), late]) : null;
    const entries = (run && run.entries) || (reply && reply.entries) || [];
    if (entries.length !== 1) return { entry: null };
    return { entry: run.cards.get(entries[0].paper.id)?.papergistEntry || entries[0] };
  },
  [MSG.SAVED_CHANGED]: (msg) => {
    showSaved(run, Array.isArray(msg.changes) ? msg.changes : []);
    return {};
  },
  [MSG.FOR_YOU_CHANGED]: (msg) => {
    forYouChanged(run, msg.on === true).catch((err) => console.warn('papergist: For you', err));
    return {};
  },
});

/** Whether a mutation is the page's own, not one of our cards or digest being added or removed. */
const pagesOwn = (m) => [...m.addedNodes, ...m.removedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE
  && !n.nodeName.startsWith('PAPERGIST-') && !(n instanceof HTMLElement && n.hasAttribute('data-papergist-row')));

/** Minimum milliseconds between two looks at a page that keeps changing in place. */
const GROW_GAP_MS = 1500;

function watchNavigation() {
  let timer = 0;
  let lastGrow = 0;
  new MutationObserver((records) => {
    if (location.href !== shownURL) {
      clearTimeout(timer);
      timer = setTimeout(() => location.href !== shownURL && start(), SETTLE_MS);
      return;
    }
    if (!run || !run.entries || !records.some(pagesOwn)) return;
    clearTimeout(timer);
    const wait = Math.max(SETTLE_MS, lastGrow + GROW_GAP_MS - performance.now());
    timer = setTimeout(() => {
      if (location.href !== shownURL) return start();
      lastGrow = performance.now();
      const page = pageNow();
      more(page, send(MSG.ANALYZE_PAGE, page), run).catch((err) => console.warn('papergist: more', err));
    }, wait);
  }).observe(document.body, { childList: true, subtree: true });
}

function onReady() {
  if (document.documentElement.hasAttribute('data-papergist')) return started(); // injected twice: the other answers
  start(true);
  watchNavigation();
}

// Back to a page from the back/forward cache: its cards are still there, but it missed the library's changes
// meanwhile, so the page is sent again and its cards take the saved states and For you of now, without a flash.
addEventListener('pagehide', () => { away = true; });
addEventListener('pageshow', (e) => {
  away = false;
  if (!e.persisted || !run) return;
  if (location.href !== shownURL || !run.entries) return start();
  // Left before its held page was sent: that one send goes now (saved states and For you are the background's of
  // now), and main shows its reply, as it would have.
  if (run.sendHeld && run.sendHeld()) return;
  const page = pageNow();
  shownAgain(page, send(MSG.ANALYZE_PAGE, page), run).catch((err) => console.warn('papergist: back', err));
});

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', onReady, { once: true });
} else {
  onReady();
}
