// The PDF module (wasm/pdfwasm): URL resolution, first-page reading and metadata answers, loaded on the first
// save from a PDF or a paper URL only, so listing pages never pay for it. Usable from any document that can
// run wasm: the offscreen document in Chrome, the background page in Firefox.
import { MSG } from '../lib/messages.js';
import { loadGo } from './wasm.js';
import { composed } from '../lib/nfc.js';

/**
 * Loads the module once and resolves to globalThis.papergistPDF. One PDF at a time, its heap dropped after:
 * fewer collections (GOGC).
 */
export const pdfReady = () => loadGo('wasm/papergist-pdf.wasm', 'papergistPDF', { GOGC: '400' });

/**
 * Calls a function of the PDF module and returns its data, throwing its error.
 * @param {'resolve'|'read'|'metadata'|'sameTitle'} name
 */
export async function pdfCall(name, ...args) {
  const mod = await pdfReady();
  // Composed (NFC) here: the module leaves that to the browser (shared/paper/nfc_js.go).
  const env = JSON.parse(composed(mod[name](...args)));
  if (!env.ok) throw new Error(env.error);
  return env.data ?? null;
}

/** Reads the first page of a PDF's bytes. @param {Uint8Array} bytes @param {string} url */
export async function readPDF(bytes, url) {
  try {
    return await pdfCall('read', bytes, url);
  } catch (err) {
    throw new Error(`papergist could not read this PDF: ${err.message}`, { cause: err });
  }
}

/** A PDF's bytes cross from the worker in base64: runtime messages carry JSON. */
function fromBase64(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The handlers of MSG.PDF_CALL, for the dispatcher of the document that hosts the module. */
export const pdfHandlers = {
  [MSG.PDF_CALL]: async ({ name, args }) => {
    if (!Array.isArray(args)) throw new Error('bad PDF call');
    if (name === 'read') return { data: await readPDF(fromBase64(String(args[0])), String(args[1])) };
    if (!['resolve', 'metadata', 'sameTitle'].includes(name)) throw new Error(`bad PDF call ${name}`);
    return { data: await pdfCall(name, ...args.map(String)) };
  },
};
