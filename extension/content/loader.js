// Content scripts declared in the manifest cannot be ES modules: this classic one sends the page to the
// background at once (the slow part) and loads the module that shows the cards while it waits.
(() => {
  const start = performance.now();
  // The literal is MSG.ANALYZE_PAGE of lib/messages.js: importing that module first would cost a round trip.
  const analysis = chrome.runtime.sendMessage({
    type: 'page/analyze',
    html: document.documentElement.outerHTML,
    url: location.href,
  });
  import(chrome.runtime.getURL('content/main.js'))
    .then(({ main }) => main({ analysis, start, imported: performance.now() }))
    .catch((err) => console.warn('papergist:', err));
})();
