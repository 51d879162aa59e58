// The one message contract between the extension's contexts. Every message is {type, target?, ...payload};
// every reply is {ok: true, data} or {ok: false, error: {code, message}} (ErrorInfo), the shape of the wasm
// bridge's envelopes, with the sync server's error codes. target names the context that handles it
// ('background' when absent, 'offscreen', 'content'), since extension pages hear every runtime message.
// Each context registers its handlers with dispatch(), which warns about types it does not know.

/**
 * A paper as the wasm extractor returns it (shared/paper.Paper).
 * @typedef {{id: string, version?: string, title: string, authors: string[], abstract?: string, url: string,
 *   pdf_url?: string, published?: string, venue?: string, categories?: string[], arxiv_id?: string, doi?: string,
 *   locator: {href?: string, selector?: string, link?: number}}} Paper
 */
// The page analysis: wasm/bridge (analyze.go) defines these types; they are mirrored here.
/** @typedef {{tldr: string, keyphrases: string[]}} Summary */
/**
 * A listing paper marked For you (bridge.Pick): like is the title of the saved paper closest to it, more how many
 * other saved papers are close to it too.
 * @typedef {{paper_id: string, like: string, more: number}} Pick
 */
/**
 * What a page shows For you: on, the setting; few, the library is too small to rank by; need, how many saved papers
 * it takes to rank (background/for-you.js MIN_LIBRARY); picks, best first.
 * @typedef {{on: boolean, few: boolean, need?: number, picks: Pick[]}} ForYou
 */
/** @typedef {{label: string, paper_ids: string[]}} Topic */
/**
 * One state of a page to analyze (bridge.AnalyzeRequest). abstracts: answers of the arXiv API (Atom) for the
 * entries that were "pending"; abstracts_failed: fetching them failed.
 * @typedef {{html?: string, url?: string, abstracts?: string[], abstracts_failed?: boolean, papers?: Paper[],
 *   for_you?: boolean}} AnalyzeRequest
 */
/**
 * A paper on the page with its summary (bridge.Entry). abstract is "page" when the page shows it, "pending"
 * when it shows none and the background can fetch it (arXiv), "fetched" once fetched, "missing" when there is
 * none to be had, "failed" when the fetch failed.
 * @typedef {{paper: Paper, summary: Summary, abstract: 'page'|'pending'|'missing'|'fetched'|'failed'}} Entry
 */
/**
 * What a page state shows (bridge.Analysis). timing: milliseconds per step of the call (extract, abstracts,
 * summarize, digest), all zero when the answer was cached; the background adds its own steps.
 * library_loading: For you was asked while the library index was not whole; the page went unranked.
 * @typedef {{site: string, entries: Entry[], topics: Topic[], for_you?: Pick[], library_loading?: boolean,
 *   timing: Record<string, number>}} Analysis
 */
/**
 * An error as every reply carries it: code is one of the sync server's codes (shared/syncproto: invalid,
 * unauthorized, not_found, conflict, too_large, rate_limited, internal, unavailable, …) or one of the
 * extension's own (signed_out, offline, no_reply: the background stopped before it answered (whether it did what was
 * asked is not known), engine_stopped: the engine (its document) stopped before it answered, so nothing was done, timeout:
 * the engine did not answer in time, extension_gone, consent_required: a sign-in refused because this browser holds
 * another account's papers and the user did not agree to add them, background/sync.js chooseForSignIn).
 * @typedef {{code: string, message: string}} ErrorInfo
 */
/**
 * A saved paper as it lives in chrome.storage.local under "paper:<id>" (lib/record.js): the server's Item under
 * its wire names, so sync stores and sends it without translation, plus meta and sync, which never leave the
 * device. Only the background writes these records (through the library messages below), so that an edit and a
 * sync round never interleave. version is the version of the server item the record's unedited fields come from,
 * the base of its edits (0: never synced); updated_at is absent until the paper was pulled.
 * @typedef {Item & {meta: PaperMeta, sync: SyncState, legacy?: Record<string, unknown>}} SavedPaper
 */
/**
 * What the page said of a saved paper beyond the item's fields (shared/paper.Paper's others: arxiv_id, doi,
 * categories, locator, and version, the arXiv version), kept on this device only; a venue or published date the
 * server would refuse stays here too (lib/record.js splitPaper).
 * @typedef {Record<string, any> & {arxiv_id?: string, doi?: string, venue?: string, published?: string,
 *   categories?: string[], version?: string, locator?: {href?: string, selector?: string, link?: number}}} PaperMeta
 */
/**
 * A record's sync state. dirty maps each wire field (lib/record.js NAMES) edited here and not yet acknowledged
 * by the server to its edit's mark (lib/record.js newMark, never given twice); conflict is set when the server refused an edit because the same field
 * changed there too; error when the server refused the record's edit as malformed (it waits for the next edit).
 * lifted (device-only, never sent) maps published/venue to the mark the record upgrade gave them: while dirty still
 * holds that mark, the value is the upgrade's, not a save's or a choice's (background/sync.js merge).
 * owner (device-only) is the library (server|email) of the session a paper without a version was saved or edited
 * in, stamped as that session ended (background/sync.js claimUnpushed): it is that account's, not one saved while
 * signed out, and another account gets it only with consent (lib/other-account.js).
 * @typedef {{dirty: Record<string, number>, lifted?: Record<string, number>, conflict?: Conflict, error?: string,
 *   notice?: string, owner?: string}} SyncState
 */
/**
 * Another device's conflicting edit of fields (wire names), with its values, waiting for its user's choice.
 * @typedef {{fields: string[], values: Record<string, unknown>, at: string}} Dispute
 */
/**
 * An edit the server refused: fields are the wire names set differently on both sides; the local values are the
 * record's own, the server's are in server (null when the paper was deleted there).
 * @typedef {{fields: string[], server: Item|null, version: number, at: string}} Conflict
 */
/**
 * A saved paper as the server stores it (shared/syncproto.Item). dispute is set while another device's user is
 * choosing about a conflicting edit made here.
 * @typedef {{id: string, title: string, authors: string[], abstract: string, url: string, pdf_url: string,
 *   tldr: string, keyphrases: string[], tags: string[], note: string, read: boolean, saved_at: string,
 *   published: string, venue: string, updated_at?: string, version: number, dispute?: Dispute}} Item
 */
/**
 * What the popup shows about sync, kept in chrome.storage.local under "sync:status" (STATUS_KEY).
 * pending counts papers with edits not yet on the server, conflicts those waiting for a choice.
 * disputes counts papers whose edit here another device's user is choosing about (the item's dispute).
 * error and code are the ErrorInfo of why the state is offline or error: error its message, code the server's code
 * where the server sent one, else papergist's own (NETWORK_LOGIN, also kept by an automatic retry's "syncing" until
 * papergist answers); the UI decides on the code, never on the words. Signed out, error is why the login ended,
 * with no code. refused counts the papers the server refused as invalid, kept here until they are fixed or removed;
 * refusedRemovals of them are removals refused: not in the list, and counted until a look-up brings them back
 * (sync.js, put off after a failure, never made again for some), the user saves them again, or the server no
 * longer has them; refusedWhy names the first of them: all are said in every state, offline too.
 * @typedef {{state: 'signed-out'|'syncing'|'synced'|'pending'|'offline'|'error', pending: number,
 *   conflicts: number, disputes?: number, error?: string, code?: string, refused?: number, refusedRemovals?: number,
 *   refusedWhy?: string, at: string, lastSynced?: string}} SyncStatus
 */
/** The words of an offline status's error that say a network login page is in the way (account.networkInTheWay). */
export const NETWORK_SIGN_IN = 'open any web page in a tab to sign in to the network';
/**
 * The code of an error, and so of an offline status, whose answer was a network login page's, not papergist's
 * (account.networkInTheWay): kept in the status, through the retry rounds' "syncing" too, until a round gets
 * through or fails otherwise.
 */
export const NETWORK_LOGIN = 'network_login';
/**
 * The code of an offline status whose server answered itself that it cannot serve now (its own 503:
 * shared/syncproto CodeUnavailable): its storage busy, or the server misconfigured; this computer's connection works.
 */
export const SERVER_UNAVAILABLE = 'unavailable';
/**
 * The code of an offline status whose answer was a proxy's or gateway's 502-504 page, not the server's: the server
 * behind it may be down, or the proxy is the user's own (a company's, a VPN's) or a network's login page. Said as
 * "Can't reach the server", which is true in every case.
 */
export const GATEWAY_PAGE = 'gateway_page';
/** @typedef {{server: string, email: string, deviceId: string, deviceName: string}} Account */
/** @typedef {{id: string, name: string, created_at: string, last_seen_at: string, current: boolean}} Device */

export const MSG = Object.freeze({
  /**
   * content → background: {html, url, loaded?: true, run?, fetchAbstracts?: string[]} → Analysis & {saved: string[],
   * forYou: ForYou} (saved: the IDs of the page's papers that are saved). One message per page state;
   * fetchAbstracts (the arXiv IDs of the "pending" entries) asks the background to fetch them first: the second
   * state of a listing without abstracts. loaded: the page as it loaded, not grown or changed since, whose answer
   * is the early answer of its next load (PORT.PAGE). run: names the content script's run (see PAGE_FAILED).
   */
  ANALYZE_PAGE: 'page/analyze',
  /**
   * popup → background: {tabId} → {saved: SavedPaper, missing?: string} the paper of that tab, saved; missing
   * says what could not be fetched. With plan: true → {origins: string[]} the host permissions the save would
   * use and the extension lacks (the popup asks for them first, within the user's click).
   */
  SAVE_TAB_PAPER: 'tab/save-paper',
  /** background → content: {} → {entry: Entry|null} the page's own paper, when the page is one paper's */
  GET_PAGE_PAPER: 'tab/page-paper',
  /**
   * content → background: {code, run, url} → {} the page's analysis failed, on a page not known to have papers:
   * the tab's badge says so (!, its tooltip pageFailedBadge(code)) instead of a notice on a page that may have none;
   * the tab's next analysis or navigation clears it. url: the page's location.href then. Not said when the run's
   * answer (ANALYZE_PAGE with the same run) came meanwhile, nor where the browser tells the tab's URL and it is no
   * longer url (background/badge.js pageFailedOn).
   */
  PAGE_FAILED: 'page/failed',
  /**
   * background → content: {changes: {id, saved: boolean}[]} → {} papers of the tab's page saved or removed
   * anywhere (content scripts cannot read chrome.storage; background/page-papers.js)
   */
  SAVED_CHANGED: 'page/saved-changed',
  /**
   * background → offscreen: {name: 'resolve'|'read'|'metadata'|'sameTitle', args: string[]} → {data}, the PDF
   * module (wasm/pdfbridge); read takes the PDF's bytes in base64 and its URL.
   */
  PDF_CALL: 'pdf/call',
  /**
   * background → offscreen: {request: AnalyzeRequest, sentAt?} → {json, wait, go, queued, doneAt, stats}: json is
   * the bridge's envelope string (the background parses it once); wait, go and stats are timings of the wasm host
   * (offscreen/wasm.js), queued the request's wait for the host's thread since sentAt (which host.js stamps on every
   * message to the engine; a host called in place has none), and doneAt when the answer left (both ms since the epoch).
   */
  ENGINE_ANALYZE: 'engine/analyze',
  /**
   * background → offscreen: {json} → {json}: a bridge.LibraryRequest ({reset?, add?, remove?, loaded?}) for the
   * For-you library index in the engine, and the envelope of its bridge.LibraryState ({size, loaded}).
   */
  ENGINE_LIBRARY: 'engine/library',
  /**
   * background → offscreen: {} → {}: a page of a supported site has started loading (its PORT.PAGE opened): the
   * engine's warm-up rounds give the machine's cores to that page for a while (offscreen/wasm.js pageLoading).
   */
  ENGINE_PAGE_LOADING: 'engine/page-loading',
  /**
   * options, content → background: {on?: boolean} → {on} whether listings mark the papers closest to the library
   * (For you); without on, only asks. A content script may only turn it off (the digest's Turn off).
   */
  FOR_YOU: 'settings/for-you',
  /** background → content: {on: boolean} For you was turned on or off: the tab drops its marks, or asks again */
  FOR_YOU_CHANGED: 'page/for-you-changed',

  /**
   * content, popup → background: {paper: Paper, summary: Summary, restore?: {tags, note, read, saved_at, owner?}} →
   * {saved: SavedPaper}. restore (the popup's Undo): the user fields to bring back should this save create the
   * record and the background have forgotten them, with the account stamp the record had (SyncState owner). From a content script only a paper of its page, one saved
   * already is left as it is, restore is ignored, and the answer is {}.
   */
  SAVE_PAPER: 'library/save',
  /** content, popup → background: {id} → {}; from a content script only a paper of its page */
  REMOVE_PAPER: 'library/remove',
  /** popup → background: {id, patch: {tags?: string[], note?: string, read?: boolean}} → {saved: SavedPaper} */
  UPDATE_PAPER: 'library/update',
  /** popup → background: {id} → {} the user dismisses the notice on a paper (its sync.notice) */
  DISMISS_NOTICE: 'library/dismiss-notice',
  /** popup → background: {id, keep: 'mine'|'theirs'} → {status: SyncStatus} settles a conflict and syncs */
  RESOLVE_CONFLICT: 'sync/resolve',
  /**
   * popup, options → background: {} → {status: SyncStatus} after one sync round: the user's Sync now, which goes out
   * during a back-off and asks about refused removals at once
   */
  SYNC_NOW: 'sync/now',
  /**
   * popup → background: {} → {status: SyncStatus} after an automatic round, as after an edit: none during a back-off
   * (sync.js syncNow auto). The popup's when the browser goes offline, so that the line says Offline at once.
   */
  SYNC_ROUND: 'sync/round',
  /** popup → background: {} → {} the user looks: a round unless the library is known current (sync.js looked) */
  SYNC_LOOK: 'sync/look',
  /** options → background: {} → {account: Account|null, server: string} (never tokens) */
  GET_ACCOUNT: 'account/get',
  /**
   * options → background: {server, email, password, deviceName, create: boolean, others?: 'add'} → {account: Account}.
   * create registers a new account. The options page asks for the server's host permission first. others: 'add'
   * is the consent to add the papers of another account (synced with it, or saved there and not uploaded:
   * lib/other-account.js) to this one; required,
   * else refused before any request, when there are any.
   */
  SIGN_IN: 'account/sign-in',
  /** options → background: {} → {} forgets the tokens; saved papers stay on this device */
  SIGN_OUT: 'account/sign-out',
  /** options → background: {server} → {server} the server to sign in to, while signed out */
  SET_SERVER: 'account/set-server',
  /** options → background: {name} → {account: Account} renames this device on the server */
  RENAME_DEVICE: 'account/rename-device',
  /** options → background: {} → {devices: Device[]} */
  LIST_DEVICES: 'account/devices',
  /** options → background: {id} → {} signs that device out */
  REVOKE_DEVICE: 'account/revoke-device',
});

/** The chrome.storage.local key of the SyncStatus. */
export const STATUS_KEY = 'sync:status';
/** The chrome.storage.local key of when the background last learnt the library was current (ISO time). */
export const CHECKED_KEY = 'sync:checked';
/**
 * The chrome.storage.local key of the text typed in the popup that the library refused, kept until that field of
 * that paper is saved or the paper is removed (background/typed-refused.js, its one writer; never because a synced
 * value replaced the field: it is the only copy of what was typed): {[`${field}\n${id}`]: KeptTyped}. The popup
 * shows it in the field with why, since the popup may have closed before the refusal came.
 */
export const REFUSED_KEY = 'typed:refused';
/**
 * @typedef {{id: string, field: 'tags'|'note', patch: {tags?: string[], note?: string}, error: ErrorInfo, at: string,
 *   base?: any}} KeptTyped base: the library's value of the field when the text was first refused (popup/kept-typed.js
 *   tells from it that another device changed the field since)
 */

/** The contexts messages are addressed to. */
export const TARGET = Object.freeze({ BACKGROUND: 'background', OFFSCREEN: 'offscreen', CONTENT: 'content' });

/**
 * The names of the ports a content script opens (chrome.runtime.connect).
 * PAGE: opened at document start, before the page is parsed; the background answers once, with the
 * EarlyAnswer for the page's URL or null, and closes it (background/recent-pages.js). Not a message from the
 * content script: the page's one ANALYZE_PAGE is still sent.
 * TYPED: opened by the popup for the text typed in its fields (background/typed-edits.js): drafts as typed, applied
 * after the typing pause, on leaving the field, or when the popup closes.
 * ENGINE: opened by the offscreen document to the worker that handed it a channel (background/host.js), named
 * ENGINE#token; it carries nothing: it disconnects when the document goes away, which the channel never tells.
 */
export const PORT = Object.freeze({ PAGE: 'page/early', TYPED: 'popup/typed', ENGINE: 'offscreen/engine' });

/**
 * What the background answered a page of this URL last time (a Remembered of background/recent-pages.js), with
 * its papers' saved states as they are now; it is the page's answer if its HTML is the same (answers()).
 * heardAt, postedAt: when the background heard the port and posted this (ms since the epoch), for the timing.
 * @typedef {{url: string, html: string, heardAt?: number, postedAt?: number,
 *   analysis: {site: string, entries: Entry[], topics: Topic[], saved: string[]}}} EarlyAnswer
 */

/**
 * Whether an early answer is for this page: the same URL and the same HTML, compared natively (strings of
 * other lengths at once).
 * @param {EarlyAnswer|null|undefined} answer @param {{html: string, url: string}} page
 * @returns {answer is EarlyAnswer}
 */
export function answers(answer, page) {
  return Boolean(answer) && answer.url === page.url && answer.html === page.html;
}

/** An error with a code (ErrorInfo), as replies carry it. */
export class AppError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

/**
 * The ErrorInfo of anything thrown: an error's own code when it has one, else "internal".
 * @param {any} err @returns {ErrorInfo}
 */
export function errorInfo(err) {
  const code = err && typeof err.code === 'string' && err.code ? err.code : 'internal';
  return { code, message: String((err && err.message) || err || 'unknown error') };
}

/**
 * What the UI says for an error code whose message alone would not tell the user what to do. The codes whose
 * messages are written for the user (invalid, unauthorized, conflict, not_found, signed_out, internal) show
 * their message as it is.
 */
const SENTENCES = Object.freeze({
  rate_limited: 'Too many attempts: wait a few minutes, then try again.',
  unavailable: 'The server is down for a moment: papergist tries again on its own, or try again in a minute.',
  too_large: 'That is more than papergist can take at once.',
  precondition_failed: 'The paper changed on another device meanwhile: sync, then try again.',
  idempotency_key_reused: 'The server refused a repeated request: sync again.',
  method_not_allowed: 'That server does not speak papergist\'s protocol: check its address in the options.',
  unsupported_media: 'That server does not speak papergist\'s protocol: check its address in the options.',
  gone: 'The paper was removed on another device.',
  no_reply: 'papergist stopped before it answered: look again in a moment, and try again if it was not done.',
  timeout: 'papergist took too long to answer: try again in a moment.',
  engine_stopped: 'papergist\'s engine stopped before it answered: try again.',
});

/** Codes whose message holds only the browser's or papergist's own words, for the console: the UI says the sentence. */
const SENTENCE_ONLY = new Set(['no_reply', 'timeout', 'engine_stopped']);

/**
 * The sentence the UI shows for an error: the code's sentence with the message after it (or alone, SENTENCE_ONLY),
 * or the message.
 * @param {any} err an AppError, an Error with a code, or anything thrown
 */
export function sentenceOf(err) {
  const { code, message } = errorInfo(err);
  if (!Object.hasOwn(SENTENCES, code)) return message;
  return SENTENCE_ONLY.has(code) ? SENTENCES[code] : `${SENTENCES[code]} (${message})`;
}

/**
 * Whether an error leaves it unknown whether what was asked was done: the background stopped before it answered
 * (no_reply: send() tells it by the failure's shape, not the browser's words), or its storage failed halfway
 * (cut_short).
 * @param {any} err
 */
const cutShort = (err) => {
  const { code } = errorInfo(err);
  return code === 'cut_short' || code === 'no_reply';
};

/**
 * What the UI says of a removal that did not answer done. One cut short (cutShort) may still be finished by the
 * background's next start (library.js settle), so it is not said to have failed; any other failure left the
 * paper saved (library.js remove).
 * @param {any} err
 */
export function removalFailed(err) {
  if (cutShort(err)) {
    // chrome.runtime's or the storage's own words would tell the user nothing: they go to the console (callers)
    return 'The removal was cut short: papergist stopped before it finished. If the paper is still listed in a moment, remove it again.';
  }
  return `Not removed: ${sentenceOf(err)}`;
}

/**
 * What the UI says of a save that did not answer done: one cut short (cutShort) may have stored the paper, and the
 * next start keeps it (library.js settle), so it is not said to have failed either.
 * @param {any} err @param {{failed?: string, again?: string}} [words] failed: the words for a save that failed,
 *   before its reason; again: what to do should the paper not be saved after all (the control the user has there)
 */
export function saveFailed(err, { failed = 'Not saved', again = 'save it again' } = {}) {
  // The engine (reading a PDF, summarizing) runs before anything is stored: its stopping stored nothing.
  if (errorInfo(err).code === 'engine_stopped') return `${failed}: papergist's engine stopped before it answered. ${again[0].toUpperCase()}${again.slice(1)}.`;
  if (cutShort(err)) {
    return `The save was cut short: papergist stopped before it finished. If the paper is not saved in a moment, ${again}.`;
  }
  return `${failed}: ${sentenceOf(err)}`;
}

/**
 * What a page says when its papers cannot be shown (content/notice.js, beside its Try again button): what happened
 * and what to do. A script whose extension was reloaded under it can only be reloaded with its page; one the
 * background stopped answering (no_reply) was not done, so it says so, not "look again".
 * @param {any} err
 */
export function pageFailed(err) {
  const { code, message } = errorInfo(err);
  if (code === 'extension_gone') return sentenceOf(err);
  if (code === 'no_reply' || code === 'engine_stopped') return 'Papers not shown: papergist stopped before it answered. Try again.';
  // an exception's or a recovered panic's own words tell the user nothing: they go to the console (content/main.js)
  if (code === 'internal') return 'Papers not shown: papergist hit an error on this page (details in the console). Try again, or reload the page.';
  if (code === 'too_large') return 'Papers not shown: this page is more than papergist can take at once.';
  if (Object.hasOwn(SENTENCES, code)) return `Papers not shown: ${sentenceOf(err)}`;
  return `Papers not shown: ${message.replace(/[.\s]+$/, '')}. Try again, or reload the page.`;
}

/**
 * Whether sending a failed page again can help (its Try again, content/notice.js): not for a script whose extension
 * is gone (only a reload helps), a page too large, or one the engine refused as invalid: each would fail the same way.
 * @param {any} err
 */
export function pageCanRetry(err) {
  return !['extension_gone', 'too_large', 'invalid'].includes(errorInfo(err).code);
}

/**
 * The badge's tooltip on a tab whose analysis failed where the page is not known to have papers (PAGE_FAILED): a
 * fixed sentence by code, whatever a page's script sends. @param {unknown} code
 */
export function pageFailedBadge(code) {
  const why = code === 'timeout' ? 'it took too long to answer'
    : code === 'engine_stopped' || code === 'no_reply' ? 'it stopped before it answered'
    : code === 'too_large' ? 'the page is more than it can take at once'
    : code === 'invalid' ? 'the page is not one it can read'
      : 'it hit an error (details in the page\'s console)';
  // a page too large or refused as invalid fails the same way again: no "try again" there (pageCanRetry)
  const then = code === 'too_large' || code === 'invalid' ? '' : ' Reload the page to try again.';
  return `papergist could not look for papers on this page: ${why}.${then}`;
}

/**
 * What the UI says of an edit of a saved paper (read, tags, note) that did not answer done: one cut short
 * (cutShort) may have been stored, so it is not said to have failed.
 * @param {any} err
 */
export function editFailed(err) {
  if (cutShort(err)) return 'The change was cut short: papergist stopped before it finished. If it is not shown in a moment, make it again.';
  return `Not saved: ${sentenceOf(err)}`;
}

/**
 * Unwraps a reply or a bridge envelope: its data, or its error thrown as an AppError.
 * @param {any} reply @param {string} what names the request in the error of a missing reply
 */
export function unwrap(reply, what) {
  if (!reply || typeof reply !== 'object') throw new AppError('no_reply', `no reply to ${what}`);
  if (!reply.ok) {
    const e = reply.error && typeof reply.error === 'object' ? reply.error : { code: 'internal', message: String(reply.error) };
    throw new AppError(e.code || 'internal', e.message || `${what} failed`);
  }
  return reply.data;
}

/**
 * Sends a message to the background and returns its data, throwing an AppError on an error reply.
 * @param {string} type
 * @param {object} [payload]
 */
export async function send(type, payload = {}) {
  let sent = false;
  let reply;
  try {
    const sending = chrome.runtime.sendMessage({ type, ...payload });
    sent = true; // thrown before this (a message the browser cannot take, a bad call): nothing was sent
    reply = await sending;
  } catch (err) {
    // A page's script left behind by an update or reload of the extension can no longer reach it (Chrome throws
    // at once, or rejects): only reloading the page helps, whichever message it was.
    if (EXTENSION_GONE.test(String(err && err.message))) {
      throw new AppError('extension_gone', 'papergist was updated or restarted since this page loaded: reload the page.');
    }
    if (!sent || notSent(err)) throw err;
    // Sent, and no answer came: the background stopped before it answered (its service worker or event page
    // ended mid-reply). Told by the failure's shape, a rejection after sending, not by the browser's sentence,
    // which differs between Chrome and Firefox and between their versions (Chrome 102 reworded it). What was
    // asked may have been done: the UI says so (cutShort), and the browser's words go to the console.
    throw Object.assign(new AppError('no_reply', `no reply to ${type}: ${String((err && err.message) || err)}`), { cause: err });
  }
  return unwrap(reply, type);
}

/**
 * Whether sendMessage refused a message before sending it: one it cannot copy (structured clone's DataCloneError,
 * Chrome's "Could not serialize message"), or arguments it does not take (a TypeError).
 * @param {any} err
 */
const notSent = (err) => err instanceof TypeError || (err && err.name === 'DataCloneError') ||
  /could not serialize/i.test(String(err && err.message));

/** chrome.runtime's words when the extension a script belongs to was reloaded or updated under it. */
const EXTENSION_GONE = /context invalidated|receiving end does not exist/i;

/**
 * Registers one listener that routes messages to handlers by type. A handler gets (message, sender)
 * and returns data (or a promise of it); the reply is {ok: true, data} or {ok: false, error: ErrorInfo}.
 * @param {'background'|'offscreen'|'content'} context which messages to handle (a content script hears
 *   only messages sent to its tab, whatever their target)
 * @param {Record<string, (msg: any, sender: chrome.runtime.MessageSender) => any>} handlers
 */
export function dispatch(context, handlers) {
  register(context, handlers);
  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (((msg && msg.target) || TARGET.BACKGROUND) !== context && context !== TARGET.CONTENT) return false;
    const handler = msg && Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
    if (!handler) {
      console.warn(`papergist ${context}: unknown message type`, msg && msg.type);
      return false;
    }
    answer(context, msg, sender).then(sendResponse);
    return true;
  });
}

/**
 * Registers handlers as dispatch does, without listening to runtime messages: they are reached through deliver
 * or answer only. The engine's handlers are (offscreen/offscreen.js): a runtime message goes to every extension
 * page listening, so the engine would otherwise also receive, and copy, every page that a content script sends
 * the worker.
 * @param {'background'|'offscreen'|'content'} context @param {Record<string, (msg: any, sender: any) => any>} handlers
 */
export function register(context, handlers) {
  registered.set(context, handlers);
}

/** The handlers registered in this page, by context. */
const registered = new Map();

/**
 * Runs the handler this page registered for msg.type in context, and resolves to the reply a runtime message would
 * get, {ok: true, data} or {ok: false, error}.
 * @param {'background'|'offscreen'|'content'} context @param {{type: string}} msg @param {any} sender
 */
export async function answer(context, msg, sender) {
  const handlers = registered.get(context);
  const handler = msg && handlers && Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
  try {
    if (!handler) throw new Error(`papergist ${context}: no handler for ${msg && msg.type} in this page`);
    return { ok: true, data: (await handler(msg, sender)) ?? {} };
  } catch (err) {
    return { ok: false, error: errorInfo(err) };
  }
}

/**
 * Hands a message to the handlers this same page registered for context, with the reply a runtime message would
 * get: Firefox's background page hosts the engine (background/host-firefox.js), and a page does not hear its own
 * runtime messages. Message and reply are cloned as a runtime message's would be.
 * @param {'background'|'offscreen'|'content'} context @param {{type: string}} msg
 */
export async function deliver(context, msg) {
  const handlers = registered.get(context);
  if (!handlers || !Object.hasOwn(handlers, msg.type)) throw new Error(`papergist ${context}: no handler for ${msg.type} in this page`);
  return structuredClone(await answer(context, structuredClone(msg), { id: chrome.runtime.id, url: location.href }));
}
