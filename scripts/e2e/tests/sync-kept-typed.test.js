// Text typed in the popup and refused (a tag over 64 characters) stays in its field with "Not saved: ...", until it
// fits: it is the only copy of what was typed. When another device's value of that field syncs in, the text stays,
// and the line also says that the field has changed on another device since; made to fit and saved, it does not
// replace the other device's value: both are shown, to keep one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backendForFile } from '../lib/backend.js';
import { syntheticPaper } from '../lib/fixtures.js';
import { message, syncNow, records, twoDevicesSharing } from '../lib/sync.js';

const paper = syntheticPaper(72);
const ID = `arxiv:${paper.id}`;
const PASSWORD = 'correct horse battery staple';

const { backend, browsers } = backendForFile();

test('tags refused here stay when another device\'s tags sync in, and the open popup says the tags changed there', async () => {
  const email = 'kept-typed@example.org';
  const [a, b] = await twoDevicesSharing(backend, email, PASSWORD, paper, browsers);

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
  const said = 'Not saved: papergist cannot store this: tags: one is longer than 64 characters or has control characters' +
    ' — the tags have changed on another device since; saving will ask which to keep.';
  await popup.waitForFunction(([id, text]) => document.querySelector(`li.paper[data-paper-id="${id}"] .action-error`)?.textContent === text,
    [ID, said], { timeout: 15_000 }).catch(() => {});
  assert.equal(await item.locator('.action-error').textContent(), said);
  assert.equal(await item.locator('.action-error').isHidden(), false);
  assert.equal(await item.locator('input.tags').inputValue(), typed, 'what was typed is still there');
  await popup.close();
  // Opened again: the same.
  const again = await a.context.newPage();
  await again.goto(`chrome-extension://${a.extensionId}/popup/popup.html`);
  const li = again.locator(`li.paper[data-paper-id="${ID}"]`);
  await li.locator('.action-error').waitFor();
  assert.equal(await li.locator('.action-error').textContent(), said);
  assert.equal(await li.locator('input.tags').inputValue(), typed);

  // Made to fit and saved: the desktop's tags are not replaced; both are shown, to keep one.
  await li.locator('input.tags').fill('theory, fits');
  await li.locator('input.tags').press('Tab');
  await li.locator('.conflict').waitFor();
  assert.equal(await li.locator('.conflict .conflict-head').textContent(), 'Changed on another device too: which to keep?');
  const both = await li.locator('.conflict').textContent();
  assert.ok(both.includes('from the desktop') && both.includes('fits'), both);
  await syncNow(a);
  await syncNow(b);
  assert.deepEqual((await records(b))[ID].tags, ['from the desktop'], 'the desktop\'s tags are still there');
  await li.locator('.conflict button.keep-theirs').click();
  await li.locator('.conflict').waitFor({ state: 'detached' });
  assert.equal(await li.locator('input.tags').inputValue(), 'from the desktop');
  assert.equal(await li.locator('.action-error').isHidden(), true);
  await again.close();
});
