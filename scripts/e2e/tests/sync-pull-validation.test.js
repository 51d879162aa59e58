// A broken or hostile sync server (issue "Hardening", item 12): its pull answers carry an object where text
// belongs, a "__proto__" ID, a 3 MB note and 20,000 tags beside good items. The extension checks pulled items with
// the server's own rules: the bad ones are skipped and reported, the good ones are stored and the popup shows them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser } from '../lib/browser.js';
import { Backend, newEmail } from '../lib/backend.js';
import { signIn, syncNow, records, storage, PushHoldingProxy } from '../lib/sync.js';

const PASSWORD = 'correct horse battery staple';

/** @type {Backend} */
let backend;
/** @type {PushHoldingProxy} */
let proxy;
/** @type {Browser} */
let browser;

before(async () => {
  backend = await new Backend().start();
  proxy = await new PushHoldingProxy(backend.url).start();
  browser = await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start();
});
after(async () => {
  await browser?.dispose();
  await proxy?.close();
  await backend?.dispose();
});

const item = (n, over = {}) => ({
  id: `arxiv:2402.${String(n).padStart(5, '0')}`, title: `Injected paper ${n}`, authors: ['Ada Lovelace'], abstract: '',
  url: `https://arxiv.org/abs/2402.${String(n).padStart(5, '0')}`, pdf_url: '', tldr: '', keyphrases: [], tags: [], note: '',
  read: false, saved_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', version: 1, ...over,
});

test('a pull with malformed items stores the good ones and skips, and reports, the bad ones', async () => {
  const email = newEmail('pull');
  const session = await backend.register(email, PASSWORD);
  // One real item on the server, saved by another device.
  const push = await backend.api('POST', '/v1/sync', {
    token: session.token, headers: { 'Idempotency-Key': 'seed-1' },
    body: { changes: [{ id: 'arxiv:2401.00001', base_version: 0, title: 'A real paper', tags: ['nlp'] }], deletions: [] },
  });
  assert.equal(push.status, 200, JSON.stringify(push.body));

  proxy.rewritePull = (body) => ({
    ...body,
    items: [
      ...body.items,
      item(1, { tags: ['Reading Group', ' reading  group '] }),
      item(2, { id: '__proto__' }),
      item(3, { title: { text: 'an object where text belongs' } }),
      item(4, { note: 'n'.repeat(3_000_000) }),
      item(5, { tags: Array.from({ length: 20_000 }, (_, i) => `tag${i}`) }),
    ],
  });
  await signIn(browser, proxy.url, email, PASSWORD);
  const status = await syncNow(browser);
  assert.equal(status.state, 'synced', JSON.stringify(status));

  const recs = await records(browser);
  assert.deepEqual(Object.keys(recs).sort(), ['arxiv:2401.00001', 'arxiv:2402.00001']);
  assert.deepEqual(recs['arxiv:2402.00001'].tags, ['reading group'], 'tags stored as the server would keep them');
  const all = await storage(browser);
  assert.equal(Object.hasOwn(all, 'paper:__proto__'), false);
  const skipped = all['sync:skipped'];
  assert.equal(skipped.count, 4);
  assert.deepEqual(skipped.items.map((s) => [s.id, s.error.split(':')[0]]), [
    ['__proto__', 'id'], ['arxiv:2402.00003', 'title'], ['arxiv:2402.00004', 'note'], ['arxiv:2402.00005', 'tags'],
  ]);

  // The popup shows the papers that were fit to store.
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await popup.locator('body[data-rendered]').waitFor({ state: 'attached' });
  assert.equal(await popup.locator('#count').textContent(), '2 saved');
  assert.deepEqual((await popup.locator('li.paper .title').allTextContents()).sort(), ['A real paper', 'Injected paper 1']);
  await popup.close();
});
