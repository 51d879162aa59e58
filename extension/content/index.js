// The content script's entry. MV3 cannot load content scripts as modules, so the build bundles this
// file and its imports into one classic script (content/content.js in dist) with esbuild.
// It is injected at document_start and starts on DOMContentLoaded itself: Chrome's own document_end
// injection comes later than that on a busy machine.
import { MSG } from '../lib/messages.js';
import { main } from './main.js';

function start() {
  const t = performance.now();
  // Send the page first: the background's work is the slow part, and nothing else here waits for it.
  const analysis = chrome.runtime.sendMessage({
    type: MSG.ANALYZE_PAGE,
    html: document.documentElement.outerHTML,
    url: location.href,
  });
  main({ analysis, start: t, imported: performance.now() }).catch((err) => console.warn('papergist:', err));
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
