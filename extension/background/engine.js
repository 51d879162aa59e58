// The wasm engine as the background sees it: calls go to its host (host.js: Chrome's offscreen document,
// created on first use; in Firefox the background page itself).
import { MSG, TARGET } from '../lib/messages.js';
import { ensureHost, toHost } from './host.js';

/** Opens the engine's host (Chrome: the offscreen document) unless it is open. */
export const ensureEngine = ensureHost;

/**
 * Calls a bridge function (see wasm/bridge) in the offscreen document and returns its data.
 * @param {'extract'|'summarize'|'digest'} name
 * @param {...string} args
 */
export async function call(name, ...args) {
  await ensureEngine();
  const reply = await toHost({ target: TARGET.OFFSCREEN, type: MSG.WASM_CALL, name, args });
  if (!reply) throw new Error(`${name}: the engine did not answer`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
