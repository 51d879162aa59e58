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
 * A saved paper as it lives in chrome.storage.local under "paper:<id>". Only the background writes these
 * records (through the library messages below), so that an edit and a sync round never interleave.
 * version is the server item version the local copy is based on (0: never synced); dirty maps each wire
 * field (lib/sync-fields.js) edited here and not yet acknowledged by the server to an edit counter;
 * conflict is set when the server refused an edit because the same field changed there too.
 * @typedef {{id: string, paper: Paper, tldr: string, keyphrases: string[], tags: string[], note: string,
 *   read: boolean, savedAt: string, version?: number, dirty?: Record<string, number>, conflict?: Conflict,
 *   syncError?: string}} SavedPaper
 */
/**
 * An edit the server refused: fields are the wire names (lib/sync-fields.js) set differently on both sides;
 * the local values are the record's own, the server's are in server (null when the paper was deleted there).
 * @typedef {{fields: string[], server: Item|null, version: number, at: string}} Conflict
 */
/**
 * A saved paper as the server stores it (shared/syncproto.Item).
 * @typedef {{id: string, title: string, authors: string[], abstract: string, url: string, pdf_url: string,
 *   tldr: string, keyphrases: string[], tags: string[], note: string, read: boolean, saved_at: string,
 *   updated_at: string, version: number}} Item
 */
/**
 * What the popup shows about sync, kept in chrome.storage.local under "sync:status" (STATUS_KEY).
 * pending counts papers with edits not yet on the server, conflicts those waiting for a choice.
 * @typedef {{state: 'signed-out'|'syncing'|'synced'|'pending'|'offline'|'error', pending: number,
 *   conflicts: number, error?: string, at: string, lastSynced?: string}} SyncStatus
 */
/** @typedef {{server: string, email: string, deviceId: string, deviceName: string}} Account */
/** @typedef {{id: string, name: string, created_at: string, last_seen_at: string, current: boolean}} Device */

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

  /** content, popup → background: {paper: Paper, summary: Summary} → {saved: SavedPaper} */
  SAVE_PAPER: 'library/save',
  /** content, popup → background: {id} → {} */
  REMOVE_PAPER: 'library/remove',
  /** popup → background: {id, patch: {tags?: string[], note?: string, read?: boolean}} → {saved: SavedPaper} */
  UPDATE_PAPER: 'library/update',
  /** popup → background: {id, keep: 'mine'|'theirs'} → {status: SyncStatus} settles a conflict and syncs */
  RESOLVE_CONFLICT: 'sync/resolve',
  /** popup, options → background: {} → {status: SyncStatus} after one sync round */
  SYNC_NOW: 'sync/now',
  /** options → background: {} → {account: Account|null, server: string} (never tokens) */
  GET_ACCOUNT: 'account/get',
  /**
   * options → background: {server, email, password, deviceName, create: boolean} → {account: Account}.
   * create registers a new account. The options page asks for the server's host permission first.
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

/** The contexts messages are addressed to. */
/** The chrome.storage.local key of the SyncStatus. */
export const STATUS_KEY = 'sync:status';

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
  registered.set(context, handlers);
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

/** The handlers dispatch registered in this page, by context. */
const registered = new Map();

/**
 * Hands a message to the handlers this same page registered for context, with the reply a runtime message would
 * get: Firefox's background page hosts the engine (background/host-firefox.js), and a page does not hear its own
 * runtime messages. Message and reply are cloned as a runtime message's would be.
 * @param {'background'|'offscreen'|'content'} context @param {{type: string}} msg
 */
export async function deliver(context, msg) {
  const handlers = registered.get(context);
  const handler = handlers && Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
  if (!handler) throw new Error(`papergist ${context}: no handler for ${msg.type} in this page`);
  const sender = { id: chrome.runtime.id, url: location.href };
  try {
    return structuredClone({ ok: true, ...(await handler(structuredClone(msg), sender)) });
  } catch (err) {
    return { ok: false, error: String((err && err.message) || err) };
  }
}
