// Text typed in the popup and refused (a tag over 64 characters) stays in its field with "Not saved: ...", until it
// fits. Once another device's newer value of that field syncs in, it is stale: had it been saved, that later value
// would have replaced it. The popup then shows the other device's value, and no longer the refused text or its reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser } from '../lib/browser.js';
import { Backend } from '../lib/backend.js';
import { syntheticPaper } from '../lib/fixtures.js';
import { message, signIn, syncNow, records } from '../lib/sync.js';

const paper = syntheticPaper(72);
const ID = `arxiv:${paper.id}`;
const PASSWORD = 'correct horse battery staple';

/** @type {Backend} */
let backend;
/** @type {Browser[]} */
const browsers = [];

before(async () => {
  backend = await new Backend().start();
});
after(async () => {
  for (const b of browsers) await b.dispose().catch(() => {});
  await backend?.dispose();
});

test('tags refused here give way to the tags another device saved since, in the open popup', async () => {
  const email = 'stale-typed@example.org';
  const [a, b] = [await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start(), await new Browser({ grantHosts: ['http://127.0.0.1/*'] }).start()];
  browsers.push(a, b);
  await signIn(a, backend.url, email, PASSWORD, { create: true, deviceName: 'laptop' });
  await signIn(b, backend.url, email, PASSWORD, { deviceName: 'desktop' });
  await message(a, 'library/save', { paper: { id: ID, title: paper.title, authors: paper.authors, url: `https://arxiv.org/abs/${paper.id}` },
    summary: { tldr: '', keyphrases: [] } });
  await syncNow(a);
  await syncNow(b);

  const popup = await a.context.newPage();
  await popup.goto(`chrome-extension://${a.extensionId}/popup/popup.html`);
  await popup.locator('body[data-rendered]').waitFor({ state: 'attached' });
  const item = popup.locator(`li.paper[data-paper-id="${ID}"]`);
  const typed = `theory, ${'t'.repeat(65)}`;
  await item.locator('input.tags').fill(typed);
  await item.locator('input.tags').press('Tab'); // applied now, and refused
  await item.locator('.action-error').waitFor();
  assert.equal(await item.locator('.action-error').textContent(),
    'Not saved: papergist cannot store this: tags: one is longer than 64 characters or has control characters');

  await message(b, 'library/update', { id: ID, patch: { tags: ['from the desktop'] } });
  await syncNow(b);
  await syncNow(a);
  assert.deepEqual((await records(a))[ID].tags, ['from the desktop']);
  await item.locator('.action-error').waitFor({ state: 'hidden' });
  assert.equal(await item.locator('input.tags').inputValue(), 'from the desktop');
  await popup.close();
});
