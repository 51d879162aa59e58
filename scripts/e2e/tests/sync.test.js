// Sync across browser profiles through the real backend: each profile is its own headless Chromium with the
// extension, signed in to a server the test builds and runs. What one profile saves or edits reaches the other;
// edits made while the server is down wait and go out when it is back; different fields merge, the same field
// becomes a conflict the popup shows; and a push whose answer is lost to a killed worker is applied once.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { Browser, openListing } from '../lib/browser.js';
import { Backend, backendForFile } from '../lib/backend.js';
import { arxivListing, syntheticPaper } from '../lib/fixtures.js';
import { message, signIn, syncNow, records, storage, waitStatus, PushHoldingProxy, storeRefusedPaper } from '../lib/sync.js';
import { clickSave, waitForSaved } from '../lib/cards.js';

const papers = Array.from({ length: 6 }, (_, i) => syntheticPaper(40 + i));
const id = (p) => `arxiv:${p.id}`;
const LISTING = 'https://arxiv.org/list/cs.CL/new';
const PASSWORD = 'correct horse battery staple';
const GRANT = ['http://127.0.0.1/*'];

const { backend, browsers } = backendForFile();

async function profile() {
  const b = await new Browser({ grantHosts: GRANT }).start();
  b.serve(LISTING, arxivListing(papers));
  browsers.push(b);
  return b;
}

/** Saves a paper from its card on the listing, as a user does. */
async function saveFromListing(browser, p) {
  const page = await openListing(browser.context, LISTING);
  await clickSave(page, id(p));
  await waitForSaved(page, id(p), true);
  return page;
}

const update = (browser, p, patch) => message(browser, 'library/update', { id: id(p), patch });

/**
 * Waits until the account's items on the server satisfy pred: the local status can still read "synced" from
 * before an edit, which is no sign that the edit went out.
 */
async function waitServer(token, pred, what) {
  for (const end = Date.now() + 30_000; !pred(await serverItems(token));) {
    assert.ok(Date.now() < end, what);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** p, or a failure named what after ms: a wait that cannot hang the suite. */
const within = (p, ms, what) => Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms).unref())]);

/** The server's items by ID, as the account sees them. */
async function serverItems(token) {
  const { body } = await backend.api('GET', '/v1/sync?since=0', { token });
  return Object.fromEntries(body.items.map((i) => [i.id, i]));
}

test('two profiles stay in step through the server', async (t) => {
  const email = 'two@example.org';
  const a = await profile();
  const b = await profile();
  await signIn(a, backend.url, email, PASSWORD, { create: true, deviceName: 'laptop' });
  await signIn(b, backend.url, email, PASSWORD, { deviceName: 'desktop' });
  const { access_token: token } = await backend.login(email, PASSWORD);

  await t.test('the tokens stay out of chrome.storage.local, which content scripts can read', async () => {
    const all = JSON.stringify(await storage(a));
    assert.doesNotMatch(all, /eyJ[\w-]+\.eyJ/, 'no JWT in storage.local');
    assert.doesNotMatch(all, /refresh/i);
  });

  await t.test('a paper saved on a listing in A shows as saved in B', async () => {
    await saveFromListing(a, papers[0]);
    assert.equal((await syncNow(a)).state, 'synced');
    assert.ok((await serverItems(token))[id(papers[0])], 'on the server');
    assert.equal((await syncNow(b)).state, 'synced');
    const page = await openListing(b.context, LISTING);
    await waitForSaved(page, id(papers[0]), true);
    const rec = (await records(b))[id(papers[0])];
    assert.equal(rec.title, papers[0].title);
    assert.ok(rec.tldr.length > 0, 'the TL;DR written on A came along');
  });

  await t.test('the date and venue a paper was saved with in A are in B\'s BibTeX export and the server\'s', async () => {
    const dated = { id: 'doi:10.1038/s41586-019-1666-5', title: 'Quantum supremacy using a programmable superconducting processor',
      authors: ['Frank Arute', 'Kunal Arya'], url: 'https://www.nature.com/articles/s41586-019-1666-5', published: '2019-10-23', venue: 'Nature' };
    await message(a, 'library/save', { paper: dated, summary: { tldr: 'A processor samples faster than a supercomputer.', keyphrases: [] } });
    assert.equal((await syncNow(a)).state, 'synced');
    const up = (await serverItems(token))[dated.id];
    assert.deepEqual([up.published, up.venue], ['2019-10-23', 'Nature'], 'on the server');
    assert.equal((await syncNow(b)).state, 'synced');
    const rec = (await records(b))[dated.id];
    assert.deepEqual([rec.published, rec.venue], ['2019-10-23', 'Nature'], 'in B\'s record');

    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup/popup.html`);
    await popup.locator(`li.paper[data-paper-id="${dated.id}"]`).waitFor();
    const [dl] = await Promise.all([popup.waitForEvent('download'), popup.click('button[data-format=bibtex]')]);
    const bib = await readFile(await dl.path(), 'utf8');
    await popup.close();
    const entry = bib.split(/\n(?=@)/).find((e) => e.includes('{Quantum supremacy'));
    assert.ok(entry, bib);
    assert.match(entry, /^@article\{arute2019quantum,$/m);
    assert.match(entry, /^ {2}year = \{2019\},?$/m);
    assert.match(entry, /^ {2}month = \{10\},?$/m);
    assert.match(entry, /^ {2}journal = \{Nature\},?$/m);
    assert.match(entry, /^ {2}doi = \{10\.1038\/s41586-019-1666-5\},?$/m, 'the DOI its ID names, as the server writes it');
    // the TL;DR in annote, which no standard style prints, never in note, which they print under the reference
    assert.match(entry, /^ {2}annote = \{TL;DR: A processor samples faster than a supercomputer\.\},?$/m);
    assert.doesNotMatch(entry, /^ {2}note = /m);

    const server = await backend.api('GET', '/v1/export?format=bibtex', { token });
    assert.equal(server.status, 200);
    const serverEntry = server.body.split(/\n(?=@)/).find((e) => e.includes('doi = {10.1038/s41586-019-1666-5}'));
    assert.ok(serverEntry, server.body);
    assert.match(serverEntry, /^@article\{arute2019quantum,$/m, 'the same key as the popup\'s');
    assert.match(serverEntry, /^ {2}year = \{2019\},$/m);
    assert.match(serverEntry, /^ {2}journal = \{Nature\},$/m);
    assert.match(serverEntry, /^ {2}annote = \{TL;DR: A processor samples faster than a supercomputer\.\},$/m);
    assert.doesNotMatch(serverEntry, /^ {2}note = /m);
  });

  await t.test('removing a paper renames no other paper\'s key: B\'s popup export and the server\'s give the same keys before and after', async () => {
    // Two more papers on the key of the one above (arute2019quantum), saved after it.
    const more = [2, 3].map((n) => ({ id: `doi:10.1000/arute-${n}`, title: `Quantum supremacy, take ${n}`, authors: ['Frank Arute'],
      url: `https://example.org/arute-${n}`, published: '2019', venue: 'Nature' }));
    for (const p of more) {
      await message(a, 'library/save', { paper: p, summary: { tldr: '', keyphrases: [] } });
      await new Promise((r) => setTimeout(r, 5)); // saved in separate milliseconds: the key order is the save order
    }
    const dois = ['10.1038/s41586-019-1666-5', '10.1000/arute-2', '10.1000/arute-3'];
    const keysOf = (bib) => Object.fromEntries(dois.map((d) => [d, bib.split(/\n(?=@)/).find((e) => e.includes(`doi = {${d}}`))?.match(/^@\w+\{([^,]+),$/m)?.[1]]));
    const popupKeys = async () => {
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup/popup.html`);
      await popup.locator('li.paper').first().waitFor();
      const [dl] = await Promise.all([popup.waitForEvent('download'), popup.click('button[data-format=bibtex]')]);
      const bib = await readFile(await dl.path(), 'utf8');
      await popup.close();
      return keysOf(bib);
    };
    const serverKeys = async () => keysOf((await backend.api('GET', '/v1/export?format=bibtex', { token })).body);
    assert.equal((await syncNow(a)).state, 'synced');
    assert.equal((await syncNow(b)).state, 'synced');
    const before = await popupKeys();
    assert.deepEqual(await serverKeys(), before, 'the server\'s keys are the popup\'s');

    await message(a, 'library/remove', { id: more[0].id });
    assert.equal((await syncNow(a)).state, 'synced');
    assert.equal((await syncNow(b)).state, 'synced');
    const after = { ...before, [dois[1]]: undefined };
    assert.deepEqual(await popupKeys(), after, 'the third paper keeps its key in B\'s popup');
    assert.deepEqual(await serverKeys(), after, 'and in the server\'s export');
    // the first saved has the key as it is, the others their own letters (testdata/bibtex.json key_lists)
    assert.equal(before[dois[0]], 'arute2019quantum');
    for (const d of dois.slice(1)) assert.match(before[d], /^arute2019quantum[a-z]{3}$/, d);
  });

  await t.test('a note edited in A while the server is down reaches B once it is back', async () => {
    await backend.stop();
    await update(a, papers[0], { note: 'read section 3 first' });
    const down = await waitStatus(a, (s) => s.state === 'offline' || s.state === 'error');
    assert.equal(down.pending, 1, JSON.stringify(down));
    assert.match(down.error, /cannot reach|HTTP 50/);
    await backend.restart();
    // No one asks: the engine's own retry (backoff) pushes it.
    await waitStatus(a, (s) => s.state === 'synced' && s.pending === 0, 45_000);
    await syncNow(b);
    assert.equal((await records(b))[id(papers[0])].note, 'read section 3 first');
  });

  await t.test('concurrent edits of different fields in A and B both survive', async () => {
    await backend.stop();
    await update(a, papers[0], { tags: ['RAG', 'to cite'] });
    await update(b, papers[0], { read: true });
    await backend.restart();
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    const item = (await serverItems(token))[id(papers[0])];
    assert.deepEqual([item.tags, item.read, item.note], [['rag', 'to cite'], true, 'read section 3 first']);
    for (const browser of [a, b]) {
      const rec = (await records(browser))[id(papers[0])];
      assert.deepEqual([rec.tags, rec.read, rec.sync.dirty, rec.sync.conflict], [['rag', 'to cite'], true, {}, undefined]);
    }
  });

  await t.test('the same field edited in both is a conflict in the popup of the second to sync', async () => {
    await backend.stop();
    await update(a, papers[0], { note: 'note from the laptop' });
    await update(b, papers[0], { note: 'note from the desktop' });
    await b.stopServiceWorker(); // else B's own retry (its long poll) may push before A: B syncs when asked
    await backend.restart();
    assert.equal((await syncNow(a)).conflicts, 0);
    const st = await syncNow(b);
    assert.equal(st.conflicts, 1, JSON.stringify(st));
    const rec = (await records(b))[id(papers[0])];
    assert.deepEqual(rec.sync.conflict.fields, ['note']);
    assert.equal(rec.sync.conflict.server.note, 'note from the laptop');
    assert.equal(rec.note, 'note from the desktop', 'the local edit is kept until the user chooses');

    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup/popup.html`);
    const conflict = popup.locator(`li.paper[data-paper-id="${id(papers[0])}"] .conflict`);
    await conflict.waitFor();
    const shown = await conflict.textContent();
    assert.match(shown, /note from the laptop/);
    assert.match(shown, /note from the desktop/);
    await conflict.locator('button[data-keep=mine]').click();
    await waitStatus(b, (s) => s.state === 'synced' && s.conflicts === 0);
    await popup.close();
    assert.equal((await serverItems(token))[id(papers[0])].note, 'note from the desktop');
    await syncNow(a);
    assert.equal((await records(a))[id(papers[0])].note, 'note from the desktop');
  });

  await t.test('a removal in B removes it in A', async () => {
    await saveFromListing(a, papers[1]);
    await syncNow(a);
    await syncNow(b);
    assert.ok((await records(b))[id(papers[1])]);
    await message(b, 'library/remove', { id: id(papers[1]) });
    await syncNow(b);
    assert.equal((await serverItems(token))[id(papers[1])], undefined);
    await syncNow(a);
    assert.equal((await records(a))[id(papers[1])], undefined);
  });

  await t.test('an edit and a removal made at once: the edit is never lost', async () => {
    for (const p of [papers[2], papers[3]]) await saveFromListing(a, p);
    await syncNow(a);
    await syncNow(b);
    await backend.stop();
    // papers[2]: B tags it and removes it before the tag is pushed, A edits, A syncs first. B's removal was based on
    // an older version: it comes back, with A's edit and B's tag, which is not lost.
    await update(b, papers[2], { tags: ['typed on b'] });
    await message(b, 'library/remove', { id: id(papers[2]) });
    await update(a, papers[2], { note: 'keep this' });
    // papers[3]: A removes, B edits, A syncs first. B's edit meets the removal: B's user chooses.
    await message(a, 'library/remove', { id: id(papers[3]) });
    await update(b, papers[3], { note: 'mine to keep' });
    await b.stopServiceWorker(); // else B's own retry (its long poll) may push before A: B syncs when asked
    await backend.restart();
    await syncNow(a);
    const st = await syncNow(b);
    const recs = await records(b);
    assert.equal(recs[id(papers[2])].note, 'keep this', 'the removed paper came back with the edit');
    assert.deepEqual([recs[id(papers[2])].tags, recs[id(papers[2])].sync.dirty], [['typed on b'], {}], 'and with B\'s tag, pushed');
    assert.equal(recs[id(papers[2])].sync.notice, 'Not removed: it was changed on another device after this device last synced it. ' +
      'It is back as the server has it, with the edits you made here before removing it: remove it again to remove it everywhere, or Dismiss to keep it.');
    assert.deepEqual((await serverItems(token))[id(papers[2])].tags, ['typed on b']);
    assert.equal(recs[id(papers[3])].sync.conflict.server, null, 'removed on the other device');
    assert.equal(st.conflicts, 1);
    await message(b, 'sync/resolve', { id: id(papers[3]), keep: 'mine' });
    await waitStatus(b, (s) => s.state === 'synced' && s.conflicts === 0);
    assert.equal((await serverItems(token))[id(papers[3])].note, 'mine to keep');
    await syncNow(a);
    assert.equal((await records(a))[id(papers[3])].note, 'mine to keep');
  });

  await t.test('a conflict on the note holds only the note: both tag edits survive either choice', async () => {
    const p = papers[4];
    await saveFromListing(a, p);
    await update(a, p, { tags: ['base'] });
    await syncNow(a);
    await syncNow(b);
    await backend.stop();
    await update(a, p, { tags: ['base', 'from a'], note: 'a says' });
    await update(b, p, { tags: ['base', 'from b'], note: 'b says' });
    await b.stopServiceWorker(); // else B's own retry (its long poll) may push before A: B syncs when asked
    await backend.restart();
    await syncNow(a);
    const st = await syncNow(b);
    assert.equal(st.conflicts, 1);
    const rec = (await records(b))[id(p)];
    assert.deepEqual(rec.sync.conflict.fields, ['note'], 'tags merge, they never conflict');
    assert.deepEqual((await serverItems(token))[id(p)].tags, ['base', 'from a', 'from b'], 'B\'s tag went up before the choice');
    await message(b, 'sync/resolve', { id: id(p), keep: 'theirs' });
    await waitStatus(b, (x) => x.state === 'synced' && x.conflicts === 0);
    await syncNow(a);
    for (const browser of [a, b]) {
      const r = (await records(browser))[id(p)];
      assert.deepEqual([r.tags, r.note], [['base', 'from a', 'from b'], 'a says']);
    }
  });

  await t.test('a paper saved again after its removal synced is simply saved', async () => {
    const p = papers[5];
    await saveFromListing(a, p);
    await syncNow(a);
    await message(a, 'library/remove', { id: id(p) });
    await syncNow(a);
    assert.equal((await serverItems(token))[id(p)], undefined);
    await saveFromListing(a, p);
    const st = await syncNow(a);
    assert.deepEqual([st.state, st.conflicts], ['synced', 0]);
    assert.ok((await serverItems(token))[id(p)], 'on the server again');
    await syncNow(b);
    assert.ok((await records(b))[id(p)]);
  });

  await t.test('devices: B sees both and can sign A out, which A then shows', async () => {
    const { devices } = await message(b, 'account/devices');
    assert.deepEqual(devices.map((d) => d.name).filter((n) => n !== 'e2e helper').sort(), ['desktop', 'laptop']);
    assert.equal(devices.find((d) => d.current).name, 'desktop');
    const laptop = devices.find((d) => d.name === 'laptop');
    await message(b, 'account/revoke-device', { id: laptop.id });
    const st = await syncNow(a);
    assert.equal(st.state, 'signed-out', JSON.stringify(st));
    assert.match(st.error, /sign in again/);
    assert.equal((await message(a, 'account/get')).account, null);
    assert.ok((await records(a))[id(papers[0])], 'the papers stay on the signed-out device');
  });
});

test('papers saved while signed out are uploaded on first sign-in, merged with the account', async () => {
  const email = 'merge@example.org';
  const { access_token: token } = await backend.register(email, PASSWORD);
  // The account already has papers[2] (tagged, with a note) and papers[3].
  const seed = (p, extra) => ({ id: id(p), base_version: 0, title: p.title, authors: p.authors, url: `https://arxiv.org/abs/${p.id}`, ...extra });
  const { status } = await backend.api('POST', '/v1/sync', {
    token, headers: { 'Idempotency-Key': 'seed-merge' },
    body: { changes: [seed(papers[2], { tags: ['from server'], note: 'server note' }), seed(papers[3], {})], deletions: [] },
  });
  assert.equal(status, 200);

  const c = await profile();
  await saveFromListing(c, papers[2]);
  await saveFromListing(c, papers[4]);
  await update(c, papers[2], { tags: ['local'], read: true });
  // A paper saved by an extension version from before sync: no version, no dirty marks.
  const legacy = papers[1];
  const w = await c.serviceWorker();
  await w.evaluate((p) => chrome.storage.local.set({ [`paper:${p.id}`]: {
    id: p.id, paper: { id: p.id, title: p.title, authors: p.authors, url: `https://arxiv.org/abs/${p.id.slice(6)}`, locator: {} },
    tldr: 'An old TL;DR.', keyphrases: [], tags: ['old'], note: '', read: false, savedAt: '2026-01-02T03:04:05.000Z',
  } }), { id: id(legacy), title: legacy.title, authors: legacy.authors });
  await signIn(c, backend.url, email, PASSWORD);
  const st = await waitStatus(c, (s) => s.state === 'synced' && s.pending === 0);
  assert.equal(st.conflicts, 0);

  const items = await serverItems(token);
  assert.deepEqual(Object.keys(items).sort(), [id(papers[1]), id(papers[2]), id(papers[3]), id(papers[4])].sort());
  assert.deepEqual([items[id(legacy)].tags, items[id(legacy)].tldr, items[id(legacy)].saved_at],
    [['old'], 'An old TL;DR.', '2026-01-02T03:04:05Z']);
  const merged = items[id(papers[2])];
  assert.deepEqual([merged.tags, merged.note, merged.read], [['from server', 'local'], 'server note', true]);
  assert.ok(items[id(papers[4])].tldr.length > 0, 'the local-only paper went up with its TL;DR');
  const local = await records(c);
  assert.deepEqual(Object.keys(local).sort(), Object.keys(items).sort());
  assert.deepEqual(local[id(papers[2])].tags, ['from server', 'local']);
});

test('a push whose answer is lost to a killed worker is applied exactly once after a browser restart', async () => {
  const email = 'kill@example.org';
  const proxy = await new PushHoldingProxy(backend.url).start();
  try {
    const d = await profile();
    // Saved while signed out, so that the first round after sign-in pushes them as one batch.
    const page = await openListing(d.context, LISTING);
    for (const p of [papers[0], papers[5]]) {
      await clickSave(page, id(p));
      await waitForSaved(page, id(p), true);
    }
    await update(d, papers[5], { note: 'once', tags: ['x'] });

    const holding = proxy.holdNextPush();
    await signIn(d, proxy.url, email, PASSWORD, { create: true });
    const held = await holding; // the backend applied the push; its answer is held
    assert.equal(held.status, 200);
    const applied = held.body.version;
    assert.deepEqual(held.body.results.map((r) => r.status), ['applied', 'applied']);
    const { access_token: token } = await backend.login(email, PASSWORD);

    await d.stopServiceWorker();
    proxy.dropHeld();
    await d.restart();

    await waitStatus(d, (s) => s.state === 'synced' && s.pending === 0, 45_000);
    const again = proxy.pushes.filter((p) => p.key === held.key);
    assert.ok(again.length >= 2, 'the same batch went out again, with its key');
    assert.ok(again.slice(1).every((p) => p.replayed), 'and the server replayed its first answer');
    const { body } = await backend.api('GET', '/v1/sync?since=0', { token });
    assert.equal(body.version, applied, 'the replay wrote nothing');
    assert.deepEqual(body.items.map((i) => i.id).sort(), [id(papers[0]), id(papers[5])].sort());
    assert.equal(body.items.find((i) => i.id === id(papers[5])).note, 'once');
    const local = await records(d);
    for (const rec of Object.values(local)) assert.deepEqual([rec.sync.dirty, rec.version], [{}, applied]);
  } finally {
    await proxy.close();
  }
});

test('the access token is refreshed before it expires, and the old one is not used after', async () => {
  // Tokens that live 65 s: the engine refreshes a minute early, so from 5 s on the next request refreshes first.
  const short = await new Backend({ env: { PAPERGIST_ACCESS_TTL: '65s' } }).start();
  const proxy = await new PushHoldingProxy(short.url).start();
  try {
    const e = await profile();
    await signIn(e, proxy.url, 'refresh@example.org', PASSWORD, { create: true });
    await waitStatus(e, (s) => s.state === 'synced');
    const refreshes = () => proxy.requests.filter((r) => r.path === '/v1/auth/refresh');
    assert.equal(refreshes().length, 0, 'a fresh token is not refreshed');
    const first = proxy.requests.find((r) => r.path.startsWith('/v1/sync')).auth;

    await new Promise((r) => setTimeout(r, 6000));
    assert.equal((await syncNow(e)).state, 'synced');
    assert.equal(refreshes().length, 1);
    assert.equal(refreshes()[0].status, 200);
    const after = proxy.requests.slice(proxy.requests.indexOf(refreshes()[0]) + 1);
    assert.ok(after.length > 0 && after.every((r) => r.auth && r.auth !== first), 'requests after the refresh carry the new token');
    assert.ok(after.every((r) => r.status < 400), JSON.stringify(after));
  } finally {
    await proxy.close();
    await short.dispose();
  }
});

test('a paper removed while its push is in flight stays removed', async () => {
  const proxy = await new PushHoldingProxy(backend.url).start();
  try {
    const f = await profile();
    await signIn(f, proxy.url, 'inflight@example.org', PASSWORD, { create: true });
    await waitStatus(f, (s) => s.state === 'synced');
    const { token } = await backend.login('inflight@example.org', PASSWORD);
    const holding = proxy.holdNextPush();
    const page = await saveFromListing(f, papers[0]);
    await holding; // created on the server; the answer is held
    await clickSave(page, id(papers[0])); // unsave
    await waitForSaved(page, id(papers[0]), false);
    proxy.releaseHeld();
    await waitStatus(f, (s) => s.state === 'synced' && s.pending === 0);
    const st = await syncNow(f);
    assert.deepEqual([st.state, st.pending], ['synced', 0]);
    assert.equal((await serverItems(token))[id(papers[0])], undefined, 'the removal reached the server');
    assert.equal((await records(f))[id(papers[0])], undefined, 'and the paper did not come back');
  } finally {
    await proxy.close();
  }
});

test('a paper removed and saved again while its removal is in flight stays saved, with no conflict', async () => {
  const proxy = await new PushHoldingProxy(backend.url).start();
  try {
    const f = await profile();
    await signIn(f, proxy.url, 'resaved@example.org', PASSWORD, { create: true });
    const { token } = await backend.login('resaved@example.org', PASSWORD);
    const page = await saveFromListing(f, papers[3]);
    await waitServer(token, (items) => items[id(papers[3])], 'the save reached the server');
    await waitStatus(f, (s) => s.state === 'synced' && s.pending === 0);
    const holding = proxy.holdNextPush();
    await clickSave(page, id(papers[3])); // removed
    await waitForSaved(page, id(papers[3]), false);
    const held = await within(holding, 30_000, 'the removal was pushed'); // applied on the server; its answer is held
    assert.deepEqual(held.body.results.map((r) => r.status), ['applied']);
    await clickSave(page, id(papers[3])); // saved again
    await waitForSaved(page, id(papers[3]), true);
    proxy.releaseHeld();
    const st = await waitStatus(f, (s) => s.state !== 'syncing' && s.pending === 0);
    assert.deepEqual([st.state, st.conflicts], ['synced', 0], 'no conflict: the user removed it here, and saved it again');
    assert.equal((await records(f))[id(papers[3])].sync.conflict, undefined);
    assert.equal((await serverItems(token))[id(papers[3])]?.title, papers[3].title, 'the server has it again');
    await page.close();
  } finally {
    await proxy.close();
  }
});

test('pushes a firewall refuses wait and go out once it lets them through: no edit is parked, no removal dropped', async () => {
  const proxy = await new PushHoldingProxy(backend.url).start();
  try {
    const h = await profile();
    await signIn(h, proxy.url, 'firewall@example.org', PASSWORD, { create: true });
    const page = await saveFromListing(h, papers[1]);
    await clickSave(page, id(papers[2]));
    await waitForSaved(page, id(papers[2]), true);
    const { token } = await backend.login('firewall@example.org', PASSWORD);
    await waitServer(token, (items) => items[id(papers[1])] && items[id(papers[2])], 'both saves reached the server');
    await waitStatus(h, (s) => s.state === 'synced' && s.pending === 0);

    proxy.refusePushes = 403; // a firewall or a proxy mid-deploy: not the server's answer
    await update(h, papers[1], { note: 'kept through the outage' });
    await clickSave(page, id(papers[2])); // removed
    await waitForSaved(page, id(papers[2]), false);
    const refused = () => proxy.requests.filter((r) => r.method === 'POST' && r.status === 403).length;
    await waitStatus(h, (s) => s.state === 'error' && refused() > 0);
    const local = await storage(h);
    assert.equal(local[`paper:${id(papers[1])}`].sync.error, undefined, 'the edit is not parked as refused');
    assert.ok(local[`paper:${id(papers[1])}`].sync.dirty.note, 'it waits to go out');
    assert.ok(local[`gone:${id(papers[2])}`], 'the removal waits to go out');

    proxy.refusePushes = 0;
    const st = await syncNow(h);
    assert.deepEqual([st.state, st.pending], ['synced', 0]);
    const items = await serverItems(token);
    assert.equal(items[id(papers[1])].note, 'kept through the outage');
    assert.equal(items[id(papers[2])], undefined, 'the removal reached the server');
    await page.close();
  } finally {
    await proxy.close();
  }
});

test('a large upload goes out in byte-sized batches in one round; a paper the server refuses is shown, the rest sync', async () => {
  const proxy = await new PushHoldingProxy(backend.url).start();
  try {
    const g = await profile();
    const many = Array.from({ length: 12 }, (_, i) => syntheticPaper(300 + i));
    // 100,000-character notes in a script of 3 UTF-8 bytes per character: 300 KB each, 3.6 MB in all.
    for (const p of many) {
      await message(g, 'library/save', { paper: { id: id(p), title: p.title, authors: p.authors, url: `https://arxiv.org/abs/${p.id}`, locator: {} }, summary: { tldr: 'A TL;DR.', keyphrases: [] } });
      await update(g, p, { note: '論'.repeat(100_000) });
    }
    // One paper an older version stored with a save time the server cannot read.
    const bad = syntheticPaper(399);
    await storeRefusedPaper(g, id(bad), bad.title);
    await signIn(g, proxy.url, 'large@example.org', PASSWORD, { create: true });
    const st = await waitStatus(g, (s) => s.state === 'error' && s.pending === 0, 180_000); // 3.6 MB through a slow machine: a bound, not a timing
    assert.match(st.error, /refuses .*study 399/);
    const { token } = await backend.login('large@example.org', PASSWORD);
    const items = await serverItems(token);
    assert.equal(Object.keys(items).length, 12);
    assert.ok(many.every((p) => items[id(p)] && items[id(p)].note.length === 100_000));
    const ok = proxy.pushes.filter((p) => p.status === 200);
    assert.ok(ok.length >= 4, `${ok.length} batches`);
    assert.ok(ok.every((p) => p.bytes <= 900 * 1024), 'each batch under the Workers limit in bytes');
    assert.match((await records(g))[id(bad)].sync.error, /saved_at|time|parse/i);
  } finally {
    await proxy.close();
  }
});
