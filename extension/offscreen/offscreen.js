// The engine: hosts the wasm (wasm.js) for the service worker, and keeps it, with the pages and summaries it has
// cached, while the worker is stopped and started again. Chrome runs it in the offscreen document (document.js),
// Firefox in its background page (background/host-firefox.js); both call these handlers in place.
import { MSG, TARGET, register } from '../lib/messages.js';
import { analyzeJSON, libraryJSON, pageModule, pageLoading, stats } from './wasm.js';
import { pdfHandlers } from './pdf.js';

pageModule().catch((err) => console.error('papergist: wasm', err));

register(TARGET.OFFSCREEN, {
  ...pdfHandlers, // the PDF module, loaded on its first call
  // The envelope stays a string: the worker parses it once, instead of this document parsing it and the
  // messaging serializing it again.
  // queued: how long the request waited for this thread since the worker sent it (host.js stamps sentAt; a host
  // called in place has nothing to wait for); doneAt: when the answer left, for the trip back (engine.js).
  [MSG.ENGINE_ANALYZE]: async ({ request, sentAt }) => {
    const queued = typeof sentAt === 'number' ? Math.max(0, performance.timeOrigin + performance.now() - sentAt) : 0;
    const answer = await analyzeJSON(request);
    return { ...answer, queued, doneAt: performance.timeOrigin + performance.now(), stats };
  },
  // The library index lives here with the module, so it outlives the worker; the worker feeds it.
  [MSG.ENGINE_LIBRARY]: async ({ json }) => ({ json: await libraryJSON(json) }),
  [MSG.ENGINE_PAGE_LOADING]: () => {
    pageLoading();
    return {};
  },
});
