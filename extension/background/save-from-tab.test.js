// save-from-tab.js on a tab papergist cannot read: the popup's Save says why and what to do instead, not "press
// Save" again (the user just did), and asks the wasm nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const noScript = async () => {
  throw new Error('Cannot access a chrome:// URL');
};
Object.assign(globalThis, {
  chrome: {
    storage: { onChanged: { addListener() {} } },
    tabs: { sendMessage: async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); } },
    scripting: { executeScript: noScript },
    runtime: {
      connect() {
        throw new Error('the wasm host was asked');
      },
      sendMessage: async () => {
        throw new Error('the wasm host was asked');
      },
    },
  },
});
const { saveTabPaper, CANNOT_READ, embeddedURL } = await import('./save-from-tab.js');

test('a browser page, an extension store or a tab without an address: the reason, not "press Save"', async () => {
  assert.doesNotMatch(CANNOT_READ, /press Save|open the popup/i);
  for (const url of ['chrome://version/', 'about:addons', 'edge://settings', 'chrome-extension://abc/popup.html',
    'https://chromewebstore.google.com/detail/x', 'https://chrome.google.com/webstore/detail/x',
    'https://addons.mozilla.org/en-US/firefox/', undefined]) {
    await assert.rejects(saveTabPaper({ id: 7, url }), (err) => {
      assert.equal(err.message, CANNOT_READ, String(url));
      return true;
    });
  }
});

test('a PDF in another extension\'s viewer is saved from the PDF\'s own address', async () => {
  const cases = [
    ['chrome-extension://efaidnbmnnnibpcajpcglclefindmkaj/https://arxiv.org/pdf/1706.03762', 'https://arxiv.org/pdf/1706.03762'],
    ['chrome-extension://abc/viewer.html?file=https%3A%2F%2Farxiv.org%2Fpdf%2F1706.03762v7', 'https://arxiv.org/pdf/1706.03762v7'],
    ['moz-extension://1234-5678/pdf.html?src=https://example.org/a.pdf#page=2', 'https://example.org/a.pdf'],
    ['chrome-extension://abc/https%3A%2F%2Fexample.org%2Fp.pdf', 'https://example.org/p.pdf'],
    ['chrome-extension://abc/popup.html', ''],
    ['chrome-extension://abc/viewer.html?file=ftp://example.org/a.pdf', ''],
    ['chrome-extension://abc/https://chromewebstore.google.com/detail/x', ''],
    ['https://arxiv.org/pdf/1706.03762', ''],
    ['chrome://version/', ''],
    ['not a url', ''],
  ];
  for (const [url, want] of cases) assert.equal(embeddedURL(url), want, url);
  // Saving goes on to the PDF's address (here the stubbed engine, which answers nothing), not CANNOT_READ.
  await assert.rejects(saveTabPaper({ id: 7, url: cases[0][0] }), (err) => {
    assert.notEqual(err.message, CANNOT_READ);
    return true;
  });
});
