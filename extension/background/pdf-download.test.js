// downloadPDF against fake servers: each way a download can go wrong gives one sentence, and a body sent
// without a length is not read past the limit.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';

// The access check is the caller's (paper-lookup.js allowed): the browser's is not asked here.
Object.assign(globalThis, { chrome: { permissions: { contains: async () => assert.fail('asked chrome.permissions itself') } } });
const { downloadPDF } = await import('./pdf-download.js');

// Node does not keep itself running for AbortSignal.timeout's timer, which the stalled downloads wait for.
const awake = setInterval(() => {}, 1000);
after(() => clearInterval(awake));

const URL_ = 'https://example.org/papers/a.pdf';
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

/**
 * A fetch that answers with chunks, sent one by one; 'stall' stops sending (until the request is aborted,
 * which errors the body as a browser's fetch does), 'more' sends 1 MB chunks for ever.
 */
function server({ status = 200, headers = {}, chunks = [pdf], never = false } = {}) {
  const pulled = { bytes: 0, cancelled: false };
  const fetch = async (_url, { signal }) => {
    if (never) {
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }
    let i = 0;
    const body = new ReadableStream({
      start(c) {
        signal.addEventListener('abort', () => c.error(signal.reason));
      },
      pull(c) {
        const next = chunks[Math.min(i++, chunks.length - 1)];
        if (next === 'stall') return new Promise(() => {});
        if (next === 'end' || (i > chunks.length && next !== 'more')) return c.close();
        const bytes = next === 'more' ? new Uint8Array(1 << 20) : next;
        pulled.bytes += bytes.length;
        c.enqueue(bytes);
      },
      cancel() {
        pulled.cancelled = true;
      },
    });
    return new Response(body, { status, headers });
  };
  return { fetch, pulled };
}

test('a PDF is downloaded whole', async () => {
  const { fetch } = server({ chunks: [pdf.subarray(0, 10), pdf.subarray(10), 'end'] });
  assert.deepEqual(await downloadPDF(URL_, { fetch }), pdf);
});

test('each failed download says why in one sentence', async (t) => {
  const cases = [
    ['a server that never answers', server({ never: true }), /^papergist could not download this PDF: example\.org did not answer within 0 s\.$/],
    ['a server that stalls halfway', server({ chunks: [pdf.subarray(0, 10), 'stall'] }), /^papergist could not download this PDF: example\.org was still sending it after 0 s\.$/],
    ['a 404', server({ status: 404, chunks: ['end'] }), /^papergist could not download this PDF: example\.org answered HTTP 404\.$/],
    ['a length over the limit', server({ headers: { 'content-length': String(65 << 20) } }), /^This PDF is larger than 64 MB/],
    ['a web page', server({ chunks: [new TextEncoder().encode('<!DOCTYPE html><html><body>Sign in</body></html>'), 'end'] }),
      /^papergist could not read this PDF: example\.org sent a web page, not a PDF \(a sign-in page\?\)/],
    ['an empty answer', server({ chunks: ['end'] }), /^papergist could not read this PDF: example\.org sent nothing\.$/],
    ['an image', server({ chunks: [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'end'] }), /^papergist could not read this PDF: example\.org sent a file that is not a PDF\.$/],
  ];
  for (const [name, { fetch }, want] of cases) {
    await t.test(name, async () => {
      await assert.rejects(downloadPDF(URL_, { fetch, timeoutMs: 200 }), (err) => {
        assert.match(err.message, want);
        return true;
      });
    });
  }
});

test('a body sent without a length is not read past the limit', async () => {
  const { fetch, pulled } = server({ chunks: [pdf, 'more'] });
  await assert.rejects(downloadPDF(URL_, { fetch, maxBytes: 3 << 20 }), /^Error: This PDF is larger than 64 MB/);
  assert.ok(pulled.bytes <= (5 << 20), `read ${pulled.bytes} bytes`);
  assert.ok(pulled.cancelled, 'the download is cancelled');
});

test('a network error without access to the host says how to give it', async () => {
  const fetch = async () => {
    throw new TypeError('Failed to fetch');
  };
  const asked = [];
  const permitted = (ok) => async (url) => {
    asked.push(url);
    return ok;
  };
  await assert.rejects(downloadPDF(URL_, { fetch, permitted: permitted(false) }), /press Save in the toolbar popup on its tab/);
  await assert.rejects(downloadPDF(URL_, { fetch, permitted: permitted(true) }), /^Error: papergist could not download this PDF from example\.org\.$/);
  assert.deepEqual(asked, [URL_, URL_]);
});

test('a PDF on this computer is not fetched, and the sentence says what to do', async () => {
  let asked = false;
  const fetch = async () => {
    asked = true;
    throw new TypeError('Failed to fetch');
  };
  await assert.rejects(downloadPDF('file:///home/ada/papers/a.pdf', { fetch }),
    /^Error: papergist cannot read a PDF on this computer \(file:\/\/\): open the paper on the web/);
  assert.equal(asked, false);
});
