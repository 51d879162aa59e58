// Saved papers for the popup's tests and benchmark, in the SavedPaper shape of extension/lib/messages.js (the wire item
// plus meta and sync),
// written straight into the extension's storage: tests may write storage; the popup writes no paper.

const TOPICS = ['retrieval', 'translation', 'speech', 'reward modelling', 'program synthesis', 'diffusion', 'graphs'];

/** A saved paper, deterministic in i; a larger i was saved later. */
export function savedPaper(i, overrides = {}) {
  const arxiv = `2512.${String(10000 + i).padStart(5, '0')}`;
  const id = `arxiv:${arxiv}`;
  const topic = TOPICS[i % TOPICS.length];
  return {
    id,
    title: `On ${topic} at scale, part ${i}`, authors: [`Author${i} Lastname`, 'Grace Hopper'],
    abstract: `We study ${topic} when models and data grow together. `.repeat(8),
    url: `https://arxiv.org/abs/${arxiv}`, pdf_url: '',
    tldr: `We scale ${TOPICS[(i * 3) % TOPICS.length]} to ${i} nodes.`,
    keyphrases: [topic],
    tags: i % 10 === 0 ? ['to-read'] : [],
    note: i % 97 === 0 ? `marker${i} check the appendix` : '',
    read: i % 2 === 0,
    saved_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    published: '2025-12-01', venue: '',
    version: 1,
    meta: { arxiv_id: arxiv, locator: {} },
    sync: { dirty: {} },
    ...overrides,
  };
}

/** The server's copy of a saved paper (syncproto.Item), with overrides. */
export function itemOf(rec, overrides = {}) {
  return {
    id: rec.id, title: rec.title, authors: rec.authors, abstract: rec.abstract, url: rec.url,
    pdf_url: rec.pdf_url, tldr: rec.tldr, keyphrases: rec.keyphrases, tags: rec.tags, note: rec.note, read: rec.read,
    saved_at: rec.saved_at, published: rec.published, venue: rec.venue, updated_at: '2026-02-01T00:00:00Z', version: 4, ...overrides,
  };
}

/**
 * Replaces the extension's storage with these records, and the sync status when given.
 * @param {import('./browser.js').Browser} browser @param {object[]} records @param {object} [status]
 */
export async function seedLibrary(browser, records, status) {
  const w = await browser.serviceWorker();
  const items = Object.fromEntries(records.map((r) => [`paper:${r.id}`, r]));
  if (status) items['sync:status'] = status;
  await w.evaluate(async (all) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(all);
  }, items);
}
