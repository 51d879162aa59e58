// The popup's timings, measured in the page: how long it takes to open over a library, and how long a search
// takes from the input event to the results drawn and to the next frame (layout included). Shared by
// bench-popup.js (a seeded library) and bench-sync.js (a library synced from the server).

/**
 * Opens the popup and reads its performance marks.
 * @returns {Promise<{page: import('playwright-core').Page, first: number, whole: number, read: number,
 *   outside: number, firstScreen: boolean}>} first: navigation → list drawn (the first screen, when it was drawn
 *   before the whole library: firstScreen); whole: navigation → the whole library drawn; read: the storage reads
 *   up to the whole library's; outside: goto → the whole library drawn, as the test sees it (all in ms)
 */
export async function openPopup(browser) {
  const page = await browser.context.newPage();
  const t0 = performance.now();
  await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await page.locator('body[data-rendered]').waitFor({ state: 'attached' });
  const outside = performance.now() - t0;
  const [loading, loaded, first, whole, firstScreen] = await page.evaluate(() => [
    ...['papergist:loading', 'papergist:loaded', 'papergist:first-render', 'papergist:whole']
      .map((m) => performance.getEntriesByName(m)[0].startTime),
    document.body.dataset.firstScreen !== undefined]);
  return { page, first, whole, read: loaded - loading, outside, firstScreen };
}

/**
 * Waits until the popup has remembered its first screen for the next opening (popup/first-screen.js), or
 * forgets it (forget: true), so that the next opening reads the whole library first.
 */
export async function firstScreenRemembered(browser, { forget = false } = {}) {
  const w = await browser.serviceWorker();
  if (forget) return w.evaluate(() => chrome.storage.local.remove('popup:first'));
  for (let i = 0; i < 200; i++) {
    if (await w.evaluate(async () => Boolean((await chrome.storage.local.get('popup:first'))['popup:first']))) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the popup did not remember its first screen');
}

/**
 * Types each query into the popup's search box.
 * @returns {Promise<{query: string, drawn: number, frame: number, shown: number, count: string}[]>} per query
 */
export async function searchTimes(page, queries) {
  const rows = [];
  for (const q of queries) {
    rows.push(await page.evaluate(async (query) => {
      const box = document.querySelector('#search');
      const before = document.body.dataset.rendered;
      const t0 = performance.now();
      box.value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      while (document.body.dataset.rendered === before) await new Promise((r) => setTimeout(r, 0));
      const drawn = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // after the next frame's layout
      return { query, drawn, frame: performance.now() - t0, shown: document.querySelectorAll('li.paper').length,
        count: document.querySelector('#count').textContent };
    }, q));
  }
  return rows;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
