// The one message contract between the extension's contexts. Every message is {type, target?, ...payload};
// every reply is {ok: true, ...data} or {ok: false, error}. target names the context that handles it
// ('background' when absent, 'offscreen', 'content'), since extension pages hear every runtime message.
// Each context registers its handlers with dispatch(), which warns about types it does not know.

/**
 * A paper as the wasm extractor returns it (shared/paper.Paper).
 * @typedef {{id: string, version?: string, title: string, authors: string[], abstract?: string, url: string,
 *   pdf_url?: string, published?: string, venue?: string, categories?: string[], arxiv_id?: string, doi?: string,
 *   locator: {href?: string, selector?: string}}} Paper
 */
/** @typedef {{tldr: string, keyphrases: string[]}} Summary */
/** @typedef {{label: string, paper_ids: string[]}} Topic */
/**
 * A paper on the page with its summary. abstract is "pending" when the listing shows none and the
 * background can fetch it (arXiv), "missing" when nothing can be fetched, "page" when the page had it.
 * @typedef {{paper: Paper, summary: Summary, abstract: 'page'|'pending'|'missing'|'fetched'|'failed'}} Entry
 */
/**
 * A saved paper as it lives in chrome.storage.local under "paper:<id>".
 * @typedef {{id: string, paper: Paper, tldr: string, keyphrases: string[], tags: string[], note: string,
 *   read: boolean, savedAt: string}} SavedPaper
 */

export const MSG = Object.freeze({
  /** content → background: {html, url} → {site, entries: Entry[], topics: Topic[], saved: string[], timing} */
  ANALYZE_PAGE: 'page/analyze',
  /** content → background: {papers: Paper[]} → {entries: Entry[]} with abstracts from the arXiv API */
  FETCH_ABSTRACTS: 'abstracts/fetch',
  /** content → background: {topicsFor: Paper[]} → {topics: Topic[]} */
  DIGEST: 'page/digest',
  /** popup → background: {tabId} → {saved: SavedPaper} the paper of that tab, saved */
  SAVE_TAB_PAPER: 'tab/save-paper',
  /** background → content: {} → {entry: Entry|null} the page's own paper, when the page is one paper's */
  GET_PAGE_PAPER: 'tab/page-paper',
  /** background → offscreen: {name: 'extract'|'summarize'|'digest', args: string[]} → {data} (see wasm/bridge) */
  WASM_CALL: 'wasm/call',
});

/** The contexts messages are addressed to. */
export const TARGET = Object.freeze({ BACKGROUND: 'background', OFFSCREEN: 'offscreen', CONTENT: 'content' });

/**
 * Sends a message to the background and returns its data, throwing on an error reply.
 * @param {string} type
 * @param {object} [payload]
 */
export async function send(type, payload = {}) {
  const reply = await chrome.runtime.sendMessage({ type, ...payload });
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

/**
 * Registers one listener that routes messages to handlers by type. A handler gets (message, sender)
 * and returns data (or a promise of it); errors become {ok: false, error}.
 * @param {'background'|'offscreen'|'content'} context which messages to handle (a content script hears
 *   only messages sent to its tab, whatever their target)
 * @param {Record<string, (msg: any, sender: chrome.runtime.MessageSender) => any>} handlers
 */
export function dispatch(context, handlers) {
  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (((msg && msg.target) || TARGET.BACKGROUND) !== context && context !== TARGET.CONTENT) return false;
    const handler = msg && Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
    if (!handler) {
      console.warn(`papergist ${context}: unknown message type`, msg && msg.type);
      return false;
    }
    Promise.resolve()
      .then(() => handler(msg, sender))
      .then((data) => sendResponse({ ok: true, ...data }))
      .catch((err) => sendResponse({ ok: false, error: String((err && err.message) || err) }));
    return true;
  });
}
