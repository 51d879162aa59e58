// A removal the real server refuses: the paper came back only when saved again, and meanwhile was hidden here though
// the server and the other devices kept it. The round now asks the server for it (GET /v1/items/<id>) and brings it
// back as the server has it, synced, with a notice on the paper that the user can dismiss. The server refuses a
// removal whose base version is beyond any it gives (shared/syncproto Deletion.Normalize): the test gives the
// stored record such a version before removing it, which the extension itself never does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backendForFile } from '../lib/backend.js';
import { syntheticPaper } from '../lib/fixtures.js';
import { message, syncNow, records, twoDevicesSharing } from '../lib/sync.js';

const paper = syntheticPaper(71);
const ID = `arxiv:${paper.id}`;
const PASSWORD = 'correct horse battery staple';
const NOTICE = 'Not removed: the server refused the removal (this device\'s copy of it was damaged). It is back as the ' +
  'server has it: remove it again to remove it everywhere, or Dismiss to keep it.';

const { backend, browsers } = backendForFile();

test('a removal the server refuses brings the paper back as the server has it, synced, with a notice the user dismisses, and Remove again removes it everywhere', async () => {
  const email = 'refused-removal@example.org';
  const [a, b] = await twoDevicesSharing(backend, email, PASSWORD, paper, browsers);
  await message(b, 'library/update', { id: ID, patch: { note: 'written on the desktop', tags: ['to cite'] } });
  await syncNow(b);
  const version = (await records(b))[ID].version;
  // A's live loop pulls B's note: only then is A's record planted, or the pull could write over the planted version
  // and the server accept the removal.
  for (let i = 0; i < 150 && (await records(a))[ID]?.note !== 'written on the desktop'; i++) await new Promise((r) => setTimeout(r, 100));

  // A removes it at a version the server refuses.
  const w = await a.serviceWorker();
  await w.evaluate(async (id) => {
    const key = `paper:${id}`;
    const { [key]: rec } = await chrome.storage.local.get(key);
    await chrome.storage.local.set({ [key]: { ...rec, version: 2 ** 53 } });
  }, ID);
  await message(a, 'library/remove', { id: ID });
  assert.equal((await records(a))[ID], undefined);
  const st = await syncNow(a);
  assert.deepEqual([st.state, st.error], ['synced', undefined], 'the library is in sync; only the removal failed');
  const back = (await records(a))[ID];
  assert.ok(back, 'back here, not hidden');
  assert.deepEqual([back.note, back.tags, back.version, back.sync.dirty, back.sync.error, back.sync.notice],
    ['written on the desktop', ['to cite'], version, {}, undefined, NOTICE], 'as the server and the desktop have it');

  const popup = await a.context.newPage();
  await popup.goto(`chrome-extension://${a.extensionId}/popup/popup.html`);
  const li = popup.locator(`li.paper[data-paper-id="${ID}"]`);
  await li.locator('.sync-notice').waitFor();
  assert.equal(await li.locator('.sync-notice .notice-text').textContent(), NOTICE);
  assert.equal(await li.locator('.sync-error').isHidden(), true, 'no "Not synced" on a synced paper');
  assert.equal(await li.locator('.note').inputValue(), 'written on the desktop');
  await popup.locator('#sync-status[data-sync-state="synced"]').waitFor();
  assert.match(await popup.locator('#sync-status .text').textContent(), /^Synced at \d/, 'the last-synced time, not "Sync error"');
  // Dismissed: the notice goes, and nothing else changes or is pushed.
  await li.locator('.dismiss-notice').click();
  await li.locator('.sync-notice').waitFor({ state: 'hidden' });
  const after = (await records(a))[ID];
  assert.deepEqual([after.sync.notice, after.version, after.sync.dirty, after.note], [undefined, version, {}, 'written on the desktop']);
  assert.equal((await syncNow(a)).state, 'synced');
  // Removed again, as the notice said: it goes everywhere (it came back at the server's own version).
  await li.locator('.remove').click();
  await li.waitFor({ state: 'detached' });
  assert.deepEqual([(await syncNow(a)).state, (await records(a))[ID]], ['synced', undefined]);
  await syncNow(b);
  assert.equal((await records(b))[ID], undefined, 'removed on the desktop too');
  await popup.close();
});
