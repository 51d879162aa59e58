// The sites whose pages get cards: the content script's match patterns in the running manifest.

/** @returns {string[]} match patterns such as https://arxiv.org/* */
export function listingSites() {
  return [...new Set(chrome.runtime.getManifest().content_scripts.flatMap((cs) => cs.matches))];
}

/** The sites for people: host names, Google Scholar's many domains as one. */
export function siteNames() {
  const hosts = listingSites().map((m) => new URL(m.replace('*', 'x')).host);
  return [...new Set(hosts.map((h) => (h.startsWith('scholar.google.') ? 'scholar.google.*' : h)))];
}
