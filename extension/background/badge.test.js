// The badge of a tab with two saves under way from the shortcut or the menu (a slow PDF, a linked paper): it says
// … until the last has ended, then the outcome, a failure before anything else.
import { test, beforeEach, afterEach, mock } from 'node:test';
import assert from 'node:assert/strict';

// pdf-index.js (imported by badge.js) listens to storage changes from its start
globalThis.chrome = /** @type {any} */ ({ storage: { onChanged: { addListener() {} } } });
const badge = await import('./badge.js');

const TAB = 7;
const X = 'arxiv:2401.00001'; // the paper the tab shows

/** The badge of each tab, and a storage in memory. */
let shown;
let local;
let session;
beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout'] });
  shown = new Map();
  local = new Map();
  session = new Map();
  const area = (m) => ({
    async get(keys) {
      const want = keys === null ? [...m.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(want.filter((k) => m.has(k)).map((k) => [k, m.get(k)]));
    },
    async set(o) { for (const [k, v] of Object.entries(o)) m.set(k, v); },
    async remove(keys) { for (const k of [keys].flat()) m.delete(k); },
    async getKeys() { return [...m.keys()]; },
  });
  const tab = (tabId) => shown.get(tabId) || shown.set(tabId, { text: '', title: '' }).get(tabId);
  Object.assign(globalThis.chrome, {
    storage: { ...globalThis.chrome.storage, local: area(local), session: area(session) },
    action: {
      async setBadgeBackgroundColor() {},
      async setBadgeText({ tabId, text }) { tab(tabId).text = text; },
      async setTitle({ tabId, title }) { tab(tabId).title = title; },
    },
  });
});
afterEach(() => {
  mock.timers.reset();
});

/** Lets the badge's promise chains and a timer of ms run. */
async function wait(ms = 0) {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  if (ms) mock.timers.tick(ms);
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

test('a linked save ending while a PDF save runs neither flashes ✓ over … nor restores the state 4 s later', async () => {
  await badge.setTabPaper(TAB, X);
  assert.equal(shown.get(TAB).text, '');
  await badge.setSaving(TAB); // the PDF of the tab: downloading
  await badge.setSaving(TAB); // Save linked paper on a link of it
  await badge.saveEnded(TAB, { flash: 'papergist: saved “Linked”' });
  assert.equal(shown.get(TAB).text, '…', 'the PDF save still runs');
  await wait(badge.FLASH_MS);
  assert.equal(shown.get(TAB).text, '…', 'still runs 4 s later');

  local.set(`paper:${X}`, { id: X }); // the PDF's paper saved: the storage change sets the tab's badge…
  badge.paperChanged(X, true);
  await wait(1);
  assert.equal(shown.get(TAB).text, '…', '…not while its save has not ended');

  await badge.saveEnded(TAB, {});
  assert.deepEqual(shown.get(TAB), { text: '✓', title: 'papergist: saved “Linked”' }, 'the linked save said at last');
  await wait(badge.FLASH_MS);
  assert.deepEqual(shown.get(TAB), { text: '✓', title: 'papergist: this paper is saved' }, 'then the tab\'s own state');
});

test('of two saves of a tab, a failure is shown at the end whichever ended last', async () => {
  await badge.setTabPaper(TAB, X);
  await badge.setSaving(TAB);
  await badge.setSaving(TAB);
  await badge.saveEnded(TAB, { failed: 'This PDF is larger than 64 MB: papergist does not read it.' });
  assert.equal(shown.get(TAB).text, '…');
  await badge.saveEnded(TAB, { title: 'papergist: no abstract' });
  assert.deepEqual(shown.get(TAB), { text: '!', title: 'papergist: This PDF is larger than 64 MB: papergist does not read it.' });
});

test('one save at a time: its own outcome at once', async () => {
  await badge.setTabPaper(TAB, X);
  await badge.setSaving(TAB);
  local.set(`paper:${X}`, { id: X });
  await badge.saveEnded(TAB, { title: 'papergist: Crossref did not answer' });
  assert.deepEqual(shown.get(TAB), { text: '✓', title: 'papergist: Crossref did not answer' });
  await badge.setSaving(TAB);
  assert.equal(shown.get(TAB).text, '…');
  await badge.saveEnded(TAB, { failed: 'papergist cannot see this tab.' });
  assert.equal(shown.get(TAB).text, '!');
});

test('a save cut short by a worker stop: the next worker\'s start replaces its … with a failure that says so', async () => {
  await badge.setTabPaper(TAB, X);
  await badge.setTabPaper(TAB + 1, null);
  await badge.setSaving(TAB); // the worker stops here: no saveEnded
  await badge.setSaving(TAB + 1);
  await badge.saveEnded(TAB + 1, {}); // ended before the stop
  assert.equal(shown.get(TAB).text, '…');

  const next = await import('./badge.js?life=2'); // the next worker
  await next.setSaving(TAB + 2); // a save of the new worker, under way as it starts
  await next.endCutShortSaves();
  assert.deepEqual(shown.get(TAB), { text: '!', title: next.CUT_SHORT });
  assert.deepEqual(shown.get(TAB + 1), { text: '', title: 'papergist' }, 'a save that ended is left alone');
  assert.equal(shown.get(TAB + 2).text, '…', 'the new worker\'s own save is left alone');
  await next.saveEnded(TAB + 2, {});
  await next.endCutShortSaves();
  assert.deepEqual(shown.get(TAB), { text: '!', title: next.CUT_SHORT });
  assert.equal(shown.get(TAB + 2).text, '', 'ended: nothing left for a later start');
});

test('a worker stopped during a linked save\'s ✓ flash: the next worker\'s start gives the tab its own state back', async () => {
  await badge.setTabPaper(TAB + 3, X); // X is not saved
  await badge.setSaving(TAB + 3);
  await badge.saveEnded(TAB + 3, { flash: 'papergist: saved “Linked”' });
  assert.deepEqual(shown.get(TAB + 3), { text: '✓', title: 'papergist: saved “Linked”' });
  // The worker stops within FLASH_MS: its timer never fires, and the browser keeps the badge.
  const next = await import('./badge.js?life=3');
  await next.endCutShortSaves();
  assert.deepEqual(shown.get(TAB + 3), { text: '', title: 'papergist' }, 'not ✓ for good on a paper not saved');

  // A flash of this worker, and one whose tab a later save took over (it ended with !), are not undone.
  await next.setTabPaper(TAB + 4, X);
  await next.setSaving(TAB + 4);
  await next.saveEnded(TAB + 4, { flash: 'papergist: saved “Other”' });
  await next.setSaving(TAB + 3);
  await next.saveEnded(TAB + 3, { failed: 'papergist cannot see this tab.' });
  await next.endCutShortSaves();
  assert.equal(shown.get(TAB + 4).text, '✓', 'its own flash, for its 4 s');
  const later = await import('./badge.js?life=4');
  await later.endCutShortSaves();
  assert.deepEqual(shown.get(TAB + 3), { text: '!', title: 'papergist: papergist cannot see this tab.' }, 'the failure stays');
  assert.equal(shown.get(TAB + 4).text, '', 'the flash the last worker left ends');
});

test('a save of the new worker that starts and ends while its start reads the old lives keeps its outcome', async () => {
  await badge.setTabPaper(TAB + 5, null);
  await badge.setSaving(TAB + 5); // the worker stops here
  const session = globalThis.chrome.storage.session;
  const read = session.get;
  let release = () => {};
  const gate = new Promise((r) => { release = r; });
  // The read is answered as of its start, and arrives late.
  session.get = async (keys) => {
    const got = await read(keys);
    await gate;
    return got;
  };
  const next = await import('./badge.js?life=5');
  const ending = next.endCutShortSaves();
  await wait();
  session.get = read;
  await next.setSaving(TAB + 5); // the user saves from the tab again at once
  await next.saveEnded(TAB + 5, { title: 'papergist: saved, no abstract' });
  assert.deepEqual(shown.get(TAB + 5), { text: '', title: 'papergist: saved, no abstract' });
  release();
  await ending;
  assert.deepEqual(shown.get(TAB + 5), { text: '', title: 'papergist: saved, no abstract' }, 'not "cut short"');
});

test('a save that starts while a linked save\'s ✓ is being painted keeps its outcome after the flash\'s 4 s', async () => {
  await badge.setTabPaper(TAB + 6, null);
  const action = globalThis.chrome.action;
  const setText = action.setBadgeText;
  let release = () => {};
  const gate = new Promise((r) => { release = r; });
  // The browser paints the ✓ at once and answers late.
  action.setBadgeText = async (d) => {
    await setText(d);
    if (d.text === '✓') await gate;
  };
  await badge.setSaving(TAB + 6);
  const flashing = badge.saveEnded(TAB + 6, { flash: 'papergist: saved “Linked”' });
  await wait();
  action.setBadgeText = setText;
  // The user saves from the tab again meanwhile; it fails.
  const again = badge.setSaving(TAB + 6).then(() => badge.saveEnded(TAB + 6, { failed: 'papergist cannot see this tab.' }));
  await wait();
  release();
  await Promise.all([flashing, again]);
  assert.deepEqual(shown.get(TAB + 6), { text: '!', title: 'papergist: papergist cannot see this tab.' }, 'the failure, with its reason');
  await wait(badge.FLASH_MS);
  assert.deepEqual(shown.get(TAB + 6), { text: '!', title: 'papergist: papergist cannot see this tab.' }, 'the failure stays');
});

/** Tabs of their own: the module keeps each tab's saves and paints across the tests above. */
const [T21, T22, T23] = [21, 22, 23];
const FAILED = 'papergist could not look for papers on this page: it hit an error (details in the page\'s console). Reload the page to try again.';

test('a failed page\'s ! stays under a linked save\'s ✓ flash and a failed save, and its next analysis clears it', async () => {
  await badge.setTabPaper(T21, null);
  await badge.pageFailed(T21, FAILED);
  assert.deepEqual(shown.get(T21), { text: '!', title: FAILED });
  await badge.setSaving(T21);
  await badge.saveEnded(T21, { flash: 'papergist: saved “Linked”' });
  assert.deepEqual(shown.get(T21), { text: '✓', title: 'papergist: saved “Linked”' }, 'the flash, for its time');
  await wait(badge.FLASH_MS);
  assert.deepEqual(shown.get(T21), { text: '!', title: FAILED }, 'the failure again after the flash');
  await badge.setSaving(T21);
  await badge.saveEnded(T21, { failed: 'no paper found on this page.' });
  assert.deepEqual(shown.get(T21), { text: '!', title: 'papergist: no paper found on this page.' }, 'a failed save says its own');
  await badge.setSaving(T21);
  await badge.saveEnded(T21, { flash: 'papergist: saved “Linked”' });
  await wait(badge.FLASH_MS);
  assert.deepEqual(shown.get(T21), { text: '!', title: FAILED }, 'the page\'s failure again at the next repaint');
  await badge.setTabPaper(T21, null); // the page analyzed (a late answer, Try again, an in-place navigation)
  assert.deepEqual(shown.get(T21), { text: '', title: 'papergist' }, 'success clears it');
  await badge.setSaving(T21);
  await badge.saveEnded(T21, { flash: 'papergist: saved “Linked”' });
  await wait(badge.FLASH_MS);
  assert.deepEqual(shown.get(T21), { text: '', title: 'papergist' }, 'and it does not come back');
});

test('a failed page\'s ! stays when the paper the tab showed before is saved elsewhere (a sync), and a navigation clears it', async () => {
  await badge.setTabPaper(T22, X); // a one-paper page, then in place a listing whose analysis fails
  await badge.pageFailed(T22, FAILED);
  local.set(`paper:${X}`, { id: X });
  badge.paperChanged(X, true);
  await wait(1);
  assert.deepEqual(shown.get(T22), { text: '!', title: FAILED });
  await badge.setTabPaper(T22, X); // the tab navigates back to the paper's page
  assert.deepEqual(shown.get(T22), { text: '✓', title: 'papergist: this paper is saved' });
});

test('a page that fails during a save of its paper: the save\'s … stays, and the save ends it on ✓ (save-from-tab.js)', async () => {
  await badge.setTabPaper(T23, null);
  await badge.setSaving(T23);
  await badge.pageFailed(T23, FAILED);
  assert.equal(shown.get(T23).text, '…');
  assert.equal(session.get(`failed:${T23}`), FAILED);
  // saveTabPaper's end: the saved paper is the tab's (it ran the engine on this page), then the save ends well
  local.set(`paper:${X}`, { id: X });
  await badge.setTabPaper(T23, X);
  assert.equal(shown.get(T23).text, '…', 'still saving');
  await badge.saveEnded(T23, {});
  assert.deepEqual(shown.get(T23), { text: '✓', title: 'papergist: this paper is saved' });
  badge.paperChanged(X, true);
  await wait(badge.FLASH_MS);
  assert.deepEqual(shown.get(T23), { text: '✓', title: 'papergist: this paper is saved' }, 'the ! does not come back');
});

const [T24, T25] = [24, 25];

test('a tab closed forgets its page\'s failure', async () => {
  await badge.setTabPaper(T24, null);
  await badge.pageFailed(T24, FAILED);
  assert.equal(session.get(`failed:${T24}`), FAILED);
  await badge.forgetTab(T24);
  assert.equal(session.has(`failed:${T24}`), false);
  assert.equal(session.has(`tab:${T24}`), false);
});

test('an answer and its run\'s failure at the page\'s deadline, crossing: the badge ends clear, and a later run\'s failure shows', async () => {
  // The background answers run r1 (analyzed, then setTabPaper a task later) while the page's deadline fires and
  // its PAGE_FAILED comes after: the page shows the answer's cards (content/main.js), so the tab has no !.
  badge.analyzed(T25, 'r1');
  await badge.setTabPaper(T25, null);
  await badge.pageFailed(T25, FAILED, 'r1');
  assert.deepEqual(shown.get(T25), { text: '', title: 'papergist' });
  assert.equal(session.has(`failed:${T25}`), false);
  await badge.setSaving(T25);
  await badge.saveEnded(T25, { flash: 'papergist: saved “Linked”' });
  await wait(badge.FLASH_MS);
  assert.deepEqual(shown.get(T25), { text: '', title: 'papergist' }, 'nor after a repaint');
  // The failure said first, the answer after: its setTabPaper clears it.
  await badge.pageFailed(T25, FAILED, 'r2');
  assert.deepEqual(shown.get(T25), { text: '!', title: FAILED }, 'r2 was not answered');
  badge.analyzed(T25, 'r2');
  await badge.setTabPaper(T25, null);
  assert.deepEqual(shown.get(T25), { text: '', title: 'papergist' });
  // Try again (run r3) fails for good: shown.
  await badge.pageFailed(T25, FAILED, 'r3');
  assert.deepEqual(shown.get(T25), { text: '!', title: FAILED });
});

test('Firefox: a page that failed after a pushState, replaceState or #hash says it; one the tab has left does not', async () => {
  const T26 = 26;
  const first = 'https://huggingface.co/papers'; // where the content script started: Firefox's sender.url stays it
  const pushed = 'https://huggingface.co/papers?date=2024-01-02#top';
  let tabNow = { id: T26, url: pushed };
  let asked = 0;
  globalThis.chrome.tabs = { async get(id) { asked++; assert.equal(id, T26); return tabNow; } };
  const sender = { tab: { id: T26, url: first }, url: first, frameId: 0 };
  await badge.setTabPaper(T26, null);
  await badge.pageFailedOn(sender, pushed, FAILED, 'p1');
  assert.equal(asked, 1, 'the tab\'s URL is read when the failure is handled');
  assert.deepEqual(shown.get(T26), { text: '!', title: FAILED }, 'the list changed in place, then failed: said');
  await badge.setTabPaper(T26, null); // the next page commits
  tabNow = { id: T26, url: 'https://example.org/elsewhere' };
  await badge.pageFailedOn({ ...sender, tab: { id: T26, url: pushed } }, pushed, FAILED, 'p2');
  assert.deepEqual(shown.get(T26), { text: '', title: 'papergist' }, 'a page the tab has left');
  assert.equal(session.has(`failed:${T26}`), false);
  tabNow = { id: T26, url: pushed, pendingUrl: 'https://example.org/elsewhere' };
  await badge.pageFailedOn(sender, pushed, FAILED, 'p3');
  assert.deepEqual(shown.get(T26), { text: '', title: 'papergist' }, 'a navigation under way: its commit clears the badge');
  tabNow = null; // closed meanwhile
  globalThis.chrome.tabs = { async get() { throw new Error('No tab with id: 26'); } };
  await badge.pageFailedOn(sender, pushed, FAILED, 'p4');
  assert.equal(session.has(`failed:${T26}`), false, 'a closed tab keeps no failure');
  await badge.pageFailedOn({ tab: { id: T26, url: first }, frameId: 3 }, first, FAILED, 'p5');
  assert.equal(session.has(`failed:${T26}`), false, 'a subframe says nothing');
});

test('Chrome (the tab\'s URL not told): the failure is written before any await, with no tabs.get', async () => {
  const T27 = 27;
  let asked = 0;
  globalThis.chrome.tabs = { async get() { asked++; return { id: T27 }; } };
  await badge.setTabPaper(T27, null);
  const said = badge.pageFailedOn({ tab: { id: T27 }, url: 'https://arxiv.org/help/faq', frameId: 0 }, 'https://arxiv.org/help/faq', FAILED, 'c1');
  // Written in the handler's own task: a commit's setTabPaper handled next removes it after, not before.
  assert.equal(session.get(`failed:${T27}`), FAILED, 'written synchronously');
  await said;
  assert.equal(asked, 0);
  assert.deepEqual(shown.get(T27), { text: '!', title: FAILED });
});
