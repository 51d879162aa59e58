// The content script's entry. MV3 cannot load content scripts as modules, so the build bundles this
// file and its imports into one classic script (content/content.js in dist) with esbuild.
import { MSG } from '../lib/messages.js';
import { main } from './main.js';

const start = performance.now();
// Send the page first: the background's work is the slow part, and nothing else here needs to wait for it.
const analysis = chrome.runtime.sendMessage({
  type: MSG.ANALYZE_PAGE,
  html: document.documentElement.outerHTML,
  url: location.href,
});
main({ analysis, start, imported: performance.now() }).catch((err) => console.warn('papergist:', err));
