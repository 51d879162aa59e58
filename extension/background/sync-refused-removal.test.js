// A removal the server refuses (its push answered 400 as a whole, or its result "invalid") used to be dropped with a
// console line, and then kept hidden: the paper was gone here and still on the server and the other devices. The
// round now asks the server for the paper (GET /v1/items/<id>) and brings it back as the server has it, saying why,
// until the user acts on it; a paper the server no longer has was removed there, and the removal is done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
const server = fakeServer();
// The tests move the clock on by hours (later, below): the login's access token outlives them.
globalThis.fakeIdb.set('session', { ...globalThis.fakeIdb.get('session'), accessExp: Number.MAX_SAFE_INTEGER });
const sync = await import('./sync.js');
const library = await import('./library.js');
const local = /** @type {any} */ (chrome.storage.local);
const item = (n) => ({ id: `arxiv:2403.0000${n}`, title: `Paper ${n}`, authors: [], abstract: '', url: '', pdf_url: '',
  tldr: '', keyphrases: [], tags: [], note: '', read: false, saved_at: new Date(Date.UTC(2025, 0, n)).toISOString() });
const pushes = () => server.requests.filter((r) => r === 'POST /v1/sync').length;
const lookups = (n) => server.requests.filter((r) => r === `GET /v1/items/${encodeURIComponent(item(n).id)}`).length;
const stored = async (n) => (await local.get(`paper:${item(n).id}`))[`paper:${item(n).id}`];
const GENERIC = 'Not removed: the server refused the removal. It is back as the server has it: remove it again to remove it everywhere, or Dismiss to keep it.';
const BASE = "Not removed: the server refused the removal (this device's copy of it was damaged). It is back as the server has it: remove it again to remove it everywhere, or Dismiss to keep it.";
const BY_ID = "Not removed: the server no longer accepts this paper's ID, so it can't be removed or changed through sync. It is back as the server has it. Dismiss to keep it.";
const BY_ID_AS_HAD = "Not removed: the server no longer accepts this paper's ID, so it can't be removed or changed through sync. It is back as this device last had it; your other devices may have another copy. Dismiss to keep it.";
const GENERIC_EDITS = 'Not removed: the server refused the removal. It is back as the server has it, with the edits you made here before removing it: remove it again to remove it everywhere, or Dismiss to keep it.';
const BASE_EDITS = "Not removed: the server refused the removal (this device's copy of it was damaged). It is back as the server has it, with the edits you made here before removing it: remove it again to remove it everywhere, or Dismiss to keep it.";
const BY_ID_EDITS = "Not removed: the server no longer accepts this paper's ID, so it can't be removed or changed through sync. It is back as the server has it, with the edits you made here before removing it. Dismiss to keep it.";
const EDITED_THERE = 'Not removed: it was changed on another device after this device last synced it. It is back as the server has it: remove it again to remove it everywhere, or Dismiss to keep it.';
const EDITED_THERE_EDITS = 'Not removed: it was changed on another device after this device last synced it. It is back as the server has it, with the edits you made here before removing it: remove it again to remove it everywhere, or Dismiss to keep it.';
const tomb = async (n) => (await local.get(`gone:${item(n).id}`))[`gone:${item(n).id}`];
// The clock the look-ups' interval is counted on, moved on by the tests.
const realNow = Date.now;
let shift = 0;
Date.now = () => realNow() + shift;
const later = (ms) => { shift += ms; };

/** A paper on the server with another device's tags and note, synced here; then removed here. */
async function removedHere(n, how) {
  await sync.syncNow();
  server.seed([{ ...item(n), tags: ['kept there'], note: 'their note' }]);
  assert.equal((await sync.syncNow()).state, 'synced');
  server.refusals.set(item(n).id, how);
  await library.remove(item(n).id);
  assert.equal(await stored(n), undefined);
}

for (const [n, how, why] of /** @type {const} */ ([[1, 'result', 'this deletion is refused'], [2, 'push', 'deletions: this one is refused']])) {
  test(`a removal refused by the server (${how === 'push' ? 'the push answered 400' : 'its result "invalid"'}) brings the paper back as the server has it, with a notice, synced`, async () => {
    await removedHere(n, how);
    let st = await sync.syncNow();
    assert.equal(server.items.get(item(n).id).deleted, undefined, 'the server keeps the paper');
    const back = await stored(n);
    assert.ok(back, 'the paper is back here, not hidden until saved again');
    assert.deepEqual([back.tags, back.note, back.version, back.sync.dirty], [['kept there'], 'their note', server.items.get(item(n).id).version, {}],
      'as the server and the other devices have it, with nothing to push');
    assert.equal(await tomb(n), undefined);
    assert.equal(back.sync.notice, GENERIC, `shown on the paper; the server's own words (${why}) are not`);
    assert.equal(back.sync.error, undefined, 'not a sync error: the paper is synced');
    assert.deepEqual([st.state, st.error, st.pending], ['synced', undefined, 0], 'the library is in sync');
    // Not sent again and again: nothing waits; the notice stays across rounds, and so does "synced".
    const before = [pushes(), lookups(n)];
    st = await sync.syncNow();
    assert.deepEqual([pushes(), lookups(n)], before);
    assert.equal(st.state, 'synced');
    assert.ok((await stored(n)).sync.notice);
    // The user acts on it (any edit): the notice goes, the edit syncs, on the server's copy.
    server.refusals.delete(item(n).id);
    await library.update(item(n).id, { read: true });
    assert.equal((await stored(n)).sync.notice, undefined);
    st = await sync.syncNow();
    assert.deepEqual([st.state, st.error], ['synced', undefined]);
    assert.deepEqual([server.items.get(item(n).id).read, server.items.get(item(n).id).note], [true, 'their note']);
  });
}

test('removed again as the notice says, the paper brought back is removed everywhere', async () => {
  await removedHere(9, 'result');
  await sync.syncNow();
  assert.equal((await stored(9)).sync.notice, GENERIC);
  server.refusals.delete(item(9).id); // the server refused that one deletion, not the paper
  await library.remove(item(9).id);
  const st = await sync.syncNow();
  assert.deepEqual([st.state, st.error], ['synced', undefined]);
  assert.equal(server.items.get(item(9).id).deleted, true, 'removed on the server, so on the other devices');
  assert.deepEqual([await stored(9), await tomb(9)], [undefined, undefined]);
});

test('a refused removal of a paper the server removed meanwhile is settled by the server\'s own 404: nothing comes back, not asked again', async () => {
  await removedHere(3, 'result');
  // Another device removes it between this device's push and its look-up: the look-up answers 404 not_found.
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    if (String(url).includes('/v1/items/') && !server.items.get(item(3).id).deleted) {
      server.items.set(item(3).id, { id: item(3).id, version: server.seed([]), deleted: true });
    }
    return realFetch(url, init);
  };
  try {
    await sync.syncNow();
    assert.equal(lookups(3), 1);
    assert.equal(await tomb(3), undefined, 'the server said it has no such item: removed there');
    const st = await sync.syncNow();
    assert.deepEqual([st.state, st.error], ['synced', undefined]);
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal(await stored(3), undefined);
  assert.equal(await tomb(3), undefined);
  assert.equal(lookups(3), 1, 'not asked again once settled');
});

test('a refused removal of a paper the server no longer has, with no removal in the pull (library rebuilt), is done at the first look-up', async () => {
  await removedHere(8, 'result');
  server.items.delete(item(8).id); // gone without a trace: no deleted entry will ever name it
  const st = await sync.syncNow();
  assert.deepEqual([st.state, st.error], ['synced', undefined], 'no sentence saying it is still saved elsewhere');
  assert.deepEqual([await stored(8), await tomb(8)], [undefined, undefined]);
  await sync.syncNow();
  assert.equal(lookups(8), 1, 'not asked again every round');
});

test('a look-up answered 404 by a route the server lacks (mid-deploy, a proxy) keeps the refused removal and asks again, less and less often', async () => {
  await removedHere(7, 'result');
  server.lookups.set(item(7).id, 'route');
  let st = await sync.syncNow();
  assert.equal(await stored(7), undefined);
  assert.ok((await tomb(7)).error, 'the removal record stays: the paper was not removed there');
  assert.equal(st.state, 'error', 'still named, never "Synced" over a hidden paper');
  assert.equal(lookups(7), 1);
  // Kept with the removal record, in storage: a worker started again waits the same.
  const { retry } = await tomb(7);
  assert.equal(retry.n, 1);
  assert.ok(Math.abs(retry.at - (Date.now() + 60_000)) < 5_000, `asked again in a minute (${retry.at - Date.now()} ms)`);
  assert.equal((await sync.syncNow()).state, 'error');
  assert.equal(lookups(7), 1, 'not asked again at the next round');
  later(61_000);
  await sync.syncNow();
  assert.equal(lookups(7), 2, 'asked again a minute later');
  later(61_000);
  await sync.syncNow();
  assert.equal(lookups(7), 2, 'then after two minutes, not one');
  later(60_000);
  await sync.syncNow();
  assert.equal(lookups(7), 3);
  for (let i = 0; i < 8; i++) {
    later(2 * 60 * 60_000);
    await sync.syncNow();
  }
  assert.equal(lookups(7), 11, 'asked at every round once its interval is over, however long it fails');
  assert.equal((await tomb(7)).retry.at - Date.now() <= 60 * 60_000, true, 'the interval stops growing at an hour');
  // The route is back: the paper comes back as the server has it.
  server.lookups.delete(item(7).id);
  later(60 * 60_000);
  await sync.syncNow();
  assert.deepEqual([(await stored(7)).note, await tomb(7)], ['their note', undefined]);
  assert.equal((await sync.syncNow()).state, 'synced');
});

test('the notice on a paper brought back says what happened and what to do next in words, never the server\'s field paths', () => {
  const say = (why) => sync.removalRefusedNotice(why);
  assert.equal(say('base_version: must be a version number, 0 to 9007199254740991'), BASE);
  assert.equal(say('id: "arxiv:x" is not a paper ID (arxiv:, doi:, openreview:, acl:, s2: or url:)'), BY_ID);
  assert.equal(say('id arxiv:2404.00001 appears more than once in this push'), GENERIC, 'remove again works here');
  assert.equal(say('deletions[0].id: "x" is not a paper ID'), GENERIC, 'no such message: not read as an ID refusal');
  assert.equal(say('refused by the server'), GENERIC);
  assert.equal(say(undefined), GENERIC);
});

test('a removal refused for its ID, whose look-up the server refuses too, brings the paper back as this device had it, with a notice, synced', async () => {
  await removedHere(4, 'id');
  server.lookups.set(item(4).id, 'invalid');
  let st = await sync.syncNow();
  assert.equal(lookups(4), 1);
  const back = await stored(4);
  assert.ok(back, 'back in the library, not hidden behind a sync error');
  assert.deepEqual([back.title, back.tags, back.note, back.version, back.sync.dirty], ['Paper 4', ['kept there'], 'their note',
    server.items.get(item(4).id).version, {}], 'as this device had it, at the version it was removed at, with nothing to push');
  assert.equal(back.sync.notice, BY_ID_AS_HAD);
  assert.equal(back.sync.error, undefined);
  assert.equal(await tomb(4), undefined);
  assert.deepEqual([st.state, st.error, st.pending], ['synced', undefined, 0]);
  const before = [pushes(), lookups(4)];
  st = await sync.syncNow();
  assert.deepEqual([pushes(), lookups(4)], before, 'neither pushed nor asked again');
  assert.equal(st.state, 'synced');
  // Removed again: refused again for its ID, and back again with the same notice, not lost.
  await library.remove(item(4).id);
  st = await sync.syncNow();
  assert.deepEqual([(await stored(4)).note, (await stored(4)).sync.notice, st.state], ['their note', BY_ID_AS_HAD, 'synced']);
  assert.equal(server.items.get(item(4).id).deleted, undefined);
  // Dismissed: the notice goes, nothing is pushed.
  await library.dismissNotice(item(4).id);
  assert.equal((await stored(4)).sync.notice, undefined);
});

test('a refused removal an older version recorded (no copy), whose look-up the server refuses, stays named, is not asked again, and a save meets the server\'s copy as a conflict', async () => {
  await removedHere(10, 'result');
  const key = `gone:${item(10).id}`;
  const t = await tomb(10);
  delete t.copy;
  await local.set({ [key]: t });
  server.lookups.set(item(10).id, 'invalid');
  let st = await sync.syncNow();
  assert.equal(await stored(10), undefined);
  assert.deepEqual([st.state, st.error], ['error', 'the server refuses "Paper 10": its removal (this deletion is refused), so it is still saved on your other devices: save it here again to keep it, or remove it there']);
  const before = [pushes(), lookups(10)];
  assert.equal(before[1], 1);
  st = await sync.syncNow();
  assert.deepEqual([pushes(), lookups(10)], before, 'neither pushed nor asked again');
  assert.equal(st.state, 'error');
  // Saved here again (Undo): the server still has the paper with the fields other devices keep, so the save here is
  // a new one (version 0), which the server meets as a conflict on any field that differs, never an edit at its
  // version that would overwrite its note and tags with this save's blanks on every device.
  server.refusals.delete(item(10).id);
  await library.save(item(10), {});
  assert.equal((await stored(10)).version, 0);
  await sync.syncNow();
  assert.equal(server.items.get(item(10).id).deleted, undefined);
});

test('a refused removal whose look-up failed is asked again a minute later, and a pull of a newer copy brings it back at once', async () => {
  await removedHere(5, 'result');
  server.lookups.set(item(5).id, 'failing');
  await sync.syncNow();
  assert.equal(await stored(5), undefined);
  assert.equal(lookups(5), 1);
  await sync.syncNow();
  assert.equal(lookups(5), 1, 'not at once');
  later(61_000);
  await sync.syncNow();
  assert.equal(lookups(5), 2, 'asked again a minute later');
  // Edited on another device: the pull brings the newer copy back, without a look-up.
  server.seed([{ ...server.items.get(item(5).id), note: 'edited there' }]);
  const st = await sync.syncNow();
  assert.equal(lookups(5), 2);
  const back = await stored(5);
  assert.deepEqual([back.note, back.sync.notice], ['edited there',
    GENERIC]);
  assert.equal(await tomb(5), undefined);
  assert.equal(st.state, 'synced');
  // Dismissed: the notice goes, nothing else changes, nothing is pushed.
  const before = [pushes(), back.version];
  await library.dismissNotice(item(5).id);
  const after = await stored(5);
  assert.deepEqual([after.sync.notice, after.note, after.version, after.sync.dirty], [undefined, 'edited there', back.version, {}]);
  assert.equal((await sync.syncNow()).state, 'synced');
  assert.deepEqual([pushes(), (await stored(5)).version], before);
});

test('a removal answered with a status the client does not know is tried again, not taken for a refusal', async () => {
  await sync.syncNow();
  server.seed([item(6)]);
  await sync.syncNow();
  server.refusals.set(item(6).id, 'later');
  await library.remove(item(6).id);
  let st = await sync.syncNow();
  assert.doesNotMatch(st.error || '', /Paper 6/, 'nothing was refused');
  const t = await tomb(6);
  assert.ok(t && !t.error, 'the removal waits to be sent again');
  assert.equal(lookups(6), 0);
  server.refusals.delete(item(6).id);
  st = await sync.syncNow();
  assert.doesNotMatch(st.error || '', /Paper 6/);
  assert.equal(st.pending, 0);
  assert.equal(server.items.get(item(6).id).deleted, true, 'sent again, and done');
  assert.equal(await tomb(6), undefined);
});

test('a note typed before a removal refused for its ID comes back still to push, never "Synced" while unsent, and is not overwritten by a later pull', async () => {
  await sync.syncNow();
  server.seed([{ ...item(11), tags: ['kept there'], note: 'their note' }]);
  assert.equal((await sync.syncNow()).state, 'synced');
  const v1 = server.items.get(item(11).id).version;
  server.refusals.set(item(11).id, 'id');
  server.lookups.set(item(11).id, 'invalid');
  // Typed in the popup, then removed before a round pushed it (within the debounce, or offline).
  await library.update(item(11).id, { note: 'typed here' });
  await library.remove(item(11).id);
  const before = pushes();
  let st = await sync.syncNow();
  let back = await stored(11);
  assert.deepEqual([back.note, back.version, Object.keys(back.sync.dirty)], ['typed here', v1, ['note']],
    'back as this device had it, the typed note still to push, on the version it was typed on');
  assert.equal(back.sync.notice, BY_ID_AS_HAD);
  // Pushed in the same round: refused for the ID too, which the status names. Never Synced over a note no other
  // device has, nor "pending" until some later round.
  assert.equal(pushes(), before + 2, 'the removal, then the typed note');
  assert.equal(st.state, 'error');
  assert.match(st.error, /Paper 11/);
  assert.match(back.sync.error, /not a paper ID/);
  assert.equal(server.items.get(item(11).id).note, 'their note');
  // Not pushed again and again while refused.
  st = await sync.syncNow();
  assert.equal(pushes(), before + 2);
  assert.equal(st.state, 'error');
  assert.deepEqual([(await stored(11)).note, Object.keys((await stored(11)).sync.dirty)], ['typed here', ['note']]);
  // The server takes the ID again, and another device changes the tags: the pull takes them, the typed note stays.
  server.refusals.delete(item(11).id);
  server.seed([{ ...server.items.get(item(11).id), tags: ['from there'] }]);
  await sync.syncNow();
  back = await stored(11);
  assert.deepEqual([back.note, back.tags], ['typed here', ['from there']], 'the typed note is not overwritten');
  // Acted on (any edit): it reaches the server, with the note typed before the removal.
  await library.update(item(11).id, { read: true });
  st = await sync.syncNow();
  assert.deepEqual([st.state, st.pending], ['synced', 0]);
  assert.deepEqual([server.items.get(item(11).id).note, server.items.get(item(11).id).tags, server.items.get(item(11).id).read],
    ['typed here', ['from there'], true]);
});

test('a removal refused for its ID comes back as the newest copy pulled meanwhile (another device\'s edit), not the one removed', async () => {
  await sync.syncNow();
  server.seed([{ ...item(12), tags: ['kept there'], note: 'their note' }]);
  assert.equal((await sync.syncNow()).state, 'synced');
  server.refusals.set(item(12).id, 'id');
  server.lookups.set(item(12).id, 'invalid');
  await library.remove(item(12).id);
  // Edited on another device before this device's removal went out.
  server.seed([{ ...server.items.get(item(12).id), note: 'edited there, later' }]);
  const v2 = server.items.get(item(12).id).version;
  const st = await sync.syncNow();
  const back = await stored(12);
  assert.deepEqual([back.note, back.tags, back.version, back.sync.dirty], ['edited there, later', ['kept there'], v2, {}],
    'the copy the pull brought, at its version');
  assert.equal(back.sync.notice, BY_ID_AS_HAD);
  assert.deepEqual([st.state, st.pending], ['synced', 0]);
  assert.equal(server.items.get(item(12).id).deleted, undefined);
});

test('an explicit Sync now asks about a refused removal at once, once; automatic rounds keep the interval', async () => {
  await removedHere(13, 'result');
  server.lookups.set(item(13).id, 'route');
  await sync.syncNow();
  assert.equal(lookups(13), 1);
  await sync.syncNow();
  assert.equal(lookups(13), 1, 'an automatic round waits');
  await sync.syncNow({ lookUp: true });
  assert.equal(lookups(13), 2, 'Sync now asks at once');
  assert.equal((await tomb(13)).retry.n, 2, 'and the failure counts');
  await sync.syncNow();
  assert.equal(lookups(13), 2, 'the next automatic round waits again');
  // The server fixed: Sync now brings it back without waiting the interval out.
  server.lookups.delete(item(13).id);
  await sync.syncNow({ lookUp: true });
  assert.deepEqual([(await stored(13)).note, await tomb(13)], ['their note', undefined]);
});

test('a Sync now whose round ends before its look-ups (the pull failed) asks nothing of the next, automatic round', async () => {
  await removedHere(16, 'result');
  server.lookups.set(item(16).id, 'route');
  await sync.syncNow();
  assert.equal(lookups(16), 1);
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    if (new URL(url).pathname === '/v1/sync' && (init?.method || 'GET') === 'GET') throw new TypeError('Failed to fetch');
    return realFetch(url, init);
  };
  try {
    assert.equal((await sync.syncNow({ lookUp: true })).state, 'offline', 'the round ends at its pull');
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal(lookups(16), 1);
  assert.equal((await sync.syncNow()).state, 'error', 'the next round reaches the look-ups, and names the paper');
  assert.equal(lookups(16), 1, 'an automatic round: the look-up waits its interval');
  assert.equal((await tomb(16)).retry.n, 1);
  await sync.syncNow({ lookUp: true });
  assert.equal(lookups(16), 2, 'a Sync now whose round gets there still asks at once');
  server.lookups.delete(item(16).id);
  await sync.syncNow({ lookUp: true });
  assert.equal(await tomb(16), undefined, 'settled for the tests after this one');
});

test('a look-up answered 503 (a proxy) backs off; the round that pulled and pushed is not "Offline"; no answer at all still is', async () => {
  await removedHere(14, 'result');
  const realFetch = globalThis.fetch;
  let down = false;
  globalThis.fetch = async (url, init) => {
    if (String(url).includes(`/v1/items/${encodeURIComponent(item(14).id)}`)) {
      server.requests.push(`GET ${new URL(url).pathname}`);
      if (down) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'Service Unavailable' } }), { status: 503 });
    }
    return realFetch(url, init);
  };
  try {
    const before = (await local.get('sync:state'))['sync:state'].lastSynced;
    let st = await sync.syncNow();
    assert.equal(lookups(14), 1);
    assert.equal(st.state, 'error', 'named as refused, not offline');
    assert.match(st.error, /Paper 14/);
    assert.equal((await tomb(14)).retry.n, 1, 'backed off');
    assert.notEqual((await local.get('sync:state'))['sync:state'].lastSynced, before, 'the round counts as synced');
    st = await sync.syncNow();
    assert.equal(lookups(14), 1, 'not asked again at the next round');
    // No answer at all (the network down between the push and the look-up): the round is offline, as before.
    down = true;
    later(61_000);
    st = await sync.syncNow();
    assert.equal(lookups(14), 2);
    assert.equal(st.state, 'offline');
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('a look-up wait longer than the longest interval (a clock set back since) is not kept', async () => {
  await removedHere(15, 'result');
  server.lookups.set(item(15).id, 'failing');
  await sync.syncNow();
  assert.equal(lookups(15), 1);
  const key = `gone:${item(15).id}`;
  await local.set({ [key]: { ...(await tomb(15)), retry: { n: 3, at: Date.now() + 5 * 60 * 60_000 } } });
  await sync.syncNow();
  assert.equal(lookups(15), 2, 'asked, not after five hours');
  assert.ok((await tomb(15)).retry.at - Date.now() <= 60 * 60_000);
});

/** A paper on the server, synced here; a note typed here and the paper removed before a round pushed the note. */
async function typedThenRemoved(n, how) {
  await sync.syncNow();
  server.seed([{ ...item(n), tags: ['kept there'], note: 'their note' }]);
  await sync.syncNow();
  assert.equal((await stored(n)).note, 'their note');
  // Earlier tests leave removals refused whose look-ups failed (papers 14, 15), named in the status: settled here.
  server.lookups.delete(item(15).id);
  await sync.syncNow({ lookUp: true });
  server.refusals.set(item(n).id, how);
  await library.update(item(n).id, { note: 'typed here' });
  await library.remove(item(n).id);
  return server.items.get(item(n).id).version;
}

test('a note typed before a removal the server refuses (not for its ID) comes back with the server\'s copy and is pushed, not lost', async () => {
  await typedThenRemoved(16, 'result');
  server.seed([{ ...server.items.get(item(16).id), tags: ['from there'] }]); // another device, before this round
  const before = pushes();
  const st = await sync.syncNow();
  const back = await stored(16);
  assert.deepEqual([back.note, back.tags], ['typed here', ['from there']], "the server's copy plus the note typed here");
  assert.equal(back.sync.notice, GENERIC_EDITS);
  assert.equal(pushes(), before + 2, 'the removal, then the typed note, in the same round');
  assert.deepEqual([server.items.get(item(16).id).note, server.items.get(item(16).id).tags], ['typed here', ['from there']]);
  assert.deepEqual([st.state, st.error, st.pending, back.sync.dirty, back.version], ['synced', undefined, 0, {}, server.items.get(item(16).id).version]);
  const after = pushes();
  assert.equal((await sync.syncNow()).state, 'synced');
  assert.equal(pushes(), after, 'not pushed again');
});

test('a note typed before a refused removal, whose look-up failed, comes back with a newer pulled copy and is pushed', async () => {
  await typedThenRemoved(17, 'result');
  server.lookups.set(item(17).id, 'failing');
  let st = await sync.syncNow();
  assert.equal(await stored(17), undefined);
  assert.equal(st.state, 'error');
  server.seed([{ ...server.items.get(item(17).id), tags: ['from there'] }]);
  st = await sync.syncNow();
  const back = await stored(17);
  assert.deepEqual([back.note, back.tags, back.sync.notice], ['typed here', ['from there'], GENERIC_EDITS]);
  assert.deepEqual([st.state, st.pending], ['synced', 0]);
  assert.equal(server.items.get(item(17).id).note, 'typed here');
});

test('a note typed before a removal met by another device\'s edit comes back with that edit and is pushed', async () => {
  await typedThenRemoved(18, 'edited');
  server.seed([{ ...server.items.get(item(18).id), tags: ['from there'] }]);
  const st = await sync.syncNow();
  const back = await stored(18);
  assert.deepEqual([back.note, back.tags, back.sync.dirty], ['typed here', ['from there'], {}]);
  assert.equal(back.sync.notice, EDITED_THERE_EDITS, 'says why the removal did not happen, and what came back');
  assert.deepEqual([st.state, st.pending], ['synced', 0]);
  assert.deepEqual([server.items.get(item(18).id).note, server.items.get(item(18).id).tags, server.items.get(item(18).id).deleted],
    ['typed here', ['from there'], undefined]);
});

test('a note typed before a removal, changed on another device too, is not overwritten there nor here: the user chooses', async () => {
  await typedThenRemoved(19, 'edited');
  server.conflicts.add(item(19).id); // the note's push meets another device's note
  let st = await sync.syncNow();
  const back = await stored(19);
  assert.equal(back.note, 'typed here');
  assert.deepEqual(back.sync.conflict.fields, ['note']);
  assert.equal(back.sync.conflict.server.note, 'their note');
  assert.equal(st.conflicts, 1);
  assert.equal(server.items.get(item(19).id).note, 'their note', 'nothing overwritten before the choice');
  st = await sync.resolve(item(19).id, 'mine');
  assert.deepEqual([st.state, st.conflicts], ['synced', 0]);
  assert.equal(server.items.get(item(19).id).note, 'typed here');
});

test('the notice on a paper brought back with edits typed before its removal says so', () => {
  const say = (why) => sync.removalRefusedNotice(why, { withEdits: true });
  assert.equal(say('base_version: must be a version number, 0 to 9007199254740991'), BASE_EDITS);
  assert.equal(say('this deletion is refused'), GENERIC_EDITS);
  assert.equal(say('id: "arxiv:x" is not a paper ID'), BY_ID_EDITS);
});

test('a removal met by another device\'s later edit brings the paper back saying so, and removed again it goes everywhere', async () => {
  await sync.syncNow();
  server.seed([{ ...item(20), note: 'their note' }]);
  await sync.syncNow();
  server.refusals.set(item(20).id, 'edited');
  await library.remove(item(20).id);
  server.seed([{ ...server.items.get(item(20).id), note: 'edited there, later' }]);
  await sync.syncNow();
  const back = await stored(20);
  assert.deepEqual([back.note, back.sync.dirty, back.version], ['edited there, later', {}, server.items.get(item(20).id).version]);
  assert.equal(back.sync.notice, EDITED_THERE, 'not back without a word, as if never removed');
  server.refusals.delete(item(20).id);
  await library.remove(item(20).id);
  await sync.syncNow();
  assert.deepEqual([server.items.get(item(20).id).deleted, await stored(20), await tomb(20)], [true, undefined, undefined]);
});
