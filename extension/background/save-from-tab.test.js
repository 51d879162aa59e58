// save-from-tab.js on a tab papergist cannot read: the popup's Save says why and what to do instead, not "press
// Save" again (the user just did), and asks the wasm nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';

// library.js reads the session (account.js) for a save's account: the vendored idb-keyval becomes a Map.
register('./testing/idb-hooks.js', import.meta.url);

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
const { saveTabPaper, CANNOT_READ } = await import('./save-from-tab.js');

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
