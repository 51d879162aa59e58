// paper-lookup.js's requests for metadata, against a fake server: an answer whose body breaks off gives a
// sentence about it, not the browser's words for the failed read.
import { test } from 'node:test';
import assert from 'node:assert/strict';

Object.assign(globalThis, { chrome: { permissions: { contains: async () => true } } });
const { metadataOf } = await import('./paper-lookup.js');

test('a metadata answer that breaks off says so', async () => {
  globalThis.fetch = async () => new Response(new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode('{"status": "ok", "mess'));
    },
    pull(c) {
      c.error(new DOMException('The operation was aborted.', 'AbortError'));
    },
  }), { status: 200 });
  const r = { source: 'crossref', metadata_url: 'https://api.crossref.org/works/10.1000/x', id: 'doi:10.1000/x', pdf: true };
  await assert.rejects(metadataOf(r), (err) => {
    assert.equal(err.message, "The connection to api.crossref.org broke off while papergist read this paper's title and abstract.");
    return true;
  });
});
