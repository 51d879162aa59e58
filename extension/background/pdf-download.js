// Downloading a PDF whose first page papergist reads: with the browser's cookies, as the tab got it, within a
// size and a time, and only if it is a PDF. Each failure is one sentence, which the badge's title or the
// popup's status line shows; nothing is saved then.

/** The largest PDF read: the first page is in its first bytes, but a PDF must be read whole. */
export const MAX_PDF_BYTES = 64 << 20;

const tooLarge = () => new Error(`This PDF is larger than ${MAX_PDF_BYTES >> 20} MB: papergist does not read it.`);

/**
 * The bytes of the PDF at url.
 * @param {string} url
 * @param {{fetch?: typeof globalThis.fetch, timeoutMs?: number, maxBytes?: number,
 *   permitted?: ((url: string) => Promise<boolean>)|null}} [opts] timeoutMs: for the answer and the whole body (a
 *   server that stalls halfway is given up on too); maxBytes: also for a body sent without a length; permitted:
 *   whether papergist may read url's origin (paper-lookup.js's check, the one there is), so that a download
 *   refused for want of access says how to give it
 * @returns {Promise<Uint8Array>}
 */
export async function downloadPDF(url, { fetch = globalThis.fetch, timeoutMs = 60_000, maxBytes = MAX_PDF_BYTES,
  permitted = null } = {}) {
  if (!/^https?:/i.test(url)) {
    // fetch reads no file: URL in an extension's worker, whatever the file-access switch says
    throw new Error(`papergist cannot read a PDF on this computer (${url.split(':')[0]}://): open the paper on the web (its arXiv or publisher page, or its PDF there) and save it from that tab.`);
  }
  const host = new URL(url).host;
  const within = `${Math.round(timeoutMs / 1000)} s`;
  const signal = AbortSignal.timeout(timeoutMs);
  let resp;
  try {
    resp = await fetch(url, { credentials: 'include', signal });
  } catch {
    if (signal.aborted) throw new Error(`papergist could not download this PDF: ${host} did not answer within ${within}.`);
    if (permitted && !(await permitted(url).catch(() => false))) {
      throw new Error(`papergist could not download this PDF from ${host}: press Save in the toolbar popup on its tab, which lets papergist read it.`);
    }
    throw new Error(`papergist could not download this PDF from ${host}.`);
  }
  if (!resp.ok) throw new Error(`papergist could not download this PDF: ${host} answered HTTP ${resp.status}.`);
  if (Number(resp.headers.get('content-length') || 0) > maxBytes) throw tooLarge();
  const from = resp.url ? new URL(resp.url).host : host; // after redirects
  const chunks = [];
  let size = 0;
  let over = false;
  if (resp.body) {
    const reader = resp.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > maxBytes) { // sent without a length: stop at the limit, not at the end
          over = true;
          reader.cancel().catch(() => {});
          break;
        }
        chunks.push(value);
      }
    } catch {
      if (signal.aborted) throw new Error(`papergist could not download this PDF: ${from} was still sending it after ${within}.`);
      throw new Error(`papergist could not download this PDF: the connection to ${from} broke off.`);
    }
  }
  if (over) throw tooLarge();
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    if (/<(?:!doctype|html|head|body)\b/i.test(head)) {
      throw new Error(`papergist could not read this PDF: ${from} sent a web page, not a PDF (a sign-in page?): open the PDF in a tab, sign in if the site asks, and save it there.`);
    }
    throw new Error(`papergist could not read this PDF: ${from} sent ${size ? 'a file that is not a PDF' : 'nothing'}.`);
  }
  return bytes;
}
