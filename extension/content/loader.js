// Content scripts declared in the manifest cannot be ES modules: this one loads the module that is.
(async () => {
  try {
    const { main } = await import(chrome.runtime.getURL('content/main.js'));
    await main();
  } catch (err) {
    console.warn('papergist:', err);
  }
})();
