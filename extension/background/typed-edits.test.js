// Text typed in the popup that the library refuses (a tag over 64 characters, a note over the limit) is kept with
// why until that field is saved, also when the popup closed before the refusal: it must not vanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
const library = await import('./library.js');
const { typedEdits } = await import('./typed-edits.js');
const { REFUSED_KEY } = await import('../lib/messages.js');

const local = /** @type {any} */ (chrome.storage.local);
const settle = () => new Promise((r) => setTimeout(r, 20));
const kept = async () => (await local.get(REFUSED_KEY))[REFUSED_KEY] || {};
const stored = async (id) => (await local.get(`paper:${id}`))[`paper:${id}`];

/** A popup's port (PORT.TYPED): post as the popup does, close as the popup does when it goes away. */
function popupPort() {
  const heard = [];
  const gone = [];
  let open = true;
  const port = {
    replies: /** @type {any[]} */ ([]),
    onMessage: { addListener: (f) => heard.push(f) },
    onDisconnect: { addListener: (f) => gone.push(f) },
    postMessage(m) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      port.replies.push(m);
    },
    type: (m) => heard.forEach((f) => f(m)),
    close() {
      open = false;
      gone.forEach((f) => f());
    },
  };
  typedEdits(/** @type {any} */ (port));
  return port;
}

const paper = { id: 'arxiv:2402.00002', title: 'A paper', authors: [], url: 'https://arxiv.org/abs/2402.00002' };
const longTag = 't'.repeat(65);

test('a draft over a limit, applied as the popup closes, is kept with why; the valid one is applied', async () => {
  await library.migrate();
  await library.save(paper, {});
  const popup = popupPort();
  popup.type({ seq: 1, id: paper.id, field: 'note', patch: { note: 'check eq. 3' }, apply: false });
  popup.type({ seq: 2, id: paper.id, field: 'tags', patch: { tags: ['theory', ` ${longTag}`] }, apply: false });
  popup.close(); // Escape: the drafts are applied now, and nobody is there to be told
  await settle();
  const rec = await stored(paper.id);
  assert.deepEqual([rec.note, rec.tags], ['check eq. 3', []], 'the note applied, the tags not');
  const k = (await kept())[`tags\n${paper.id}`];
  assert.ok(k, 'the refused tags are kept');
  assert.deepEqual(k.patch, { tags: ['theory', ` ${longTag}`] }, 'as typed');
  assert.match(k.error.message, /tags: one is longer than 64 characters/);
  assert.equal((await kept())[`note\n${paper.id}`], undefined, 'nothing kept of the note, which was saved');

  // The popup opens again, the user shortens the tag: saved, and nothing is kept any more.
  const again = popupPort();
  again.type({ seq: 1, id: paper.id, field: 'tags', patch: { tags: ['theory', ' long tag'] }, apply: true });
  await settle();
  assert.deepEqual(again.replies, [{ seq: 1 }]);
  assert.deepEqual((await stored(paper.id)).tags, ['long tag', 'theory']);
  assert.deepEqual(await kept(), {});
});

test('an apply refused after the popup closed is kept; one refused while it is open is kept too, and a later save of the field clears it', async () => {
  const popup = popupPort();
  const note = 'n'.repeat(100_001);
  popup.type({ seq: 1, id: paper.id, field: 'note', patch: { note }, apply: true });
  popup.close(); // before the answer
  await settle();
  assert.equal((await kept())[`note\n${paper.id}`].patch.note, note);

  const open = popupPort();
  open.type({ seq: 1, id: paper.id, field: 'note', patch: { note: `${note}!` }, apply: true });
  await settle();
  assert.match(open.replies[0].error.message, /note: longer than 100000 characters/, 'the open popup is told');
  assert.equal((await kept())[`note\n${paper.id}`].patch.note, `${note}!`, 'the latest text is kept');
  // An earlier text applied and a later one refused, in the order typed: the later one stays kept.
  open.type({ seq: 2, id: paper.id, field: 'note', patch: { note: 'short' }, apply: true });
  open.type({ seq: 3, id: paper.id, field: 'note', patch: { note: `${note}?` }, apply: true });
  await settle();
  assert.equal((await stored(paper.id)).note, 'short');
  assert.equal((await kept())[`note\n${paper.id}`].patch.note, `${note}?`);
  open.type({ seq: 4, id: paper.id, field: 'note', patch: { note: 'shorter' }, apply: true });
  await settle();
  assert.deepEqual(await kept(), {});
  open.close();
});

test('refused text of a paper that is then removed is forgotten with it: saving the paper again (Undo) does not show it', async () => {
  const popup = popupPort();
  popup.type({ seq: 1, id: paper.id, field: 'tags', patch: { tags: [longTag] }, apply: false });
  popup.close();
  await settle();
  assert.ok((await kept())[`tags\n${paper.id}`], 'kept while the paper is saved');
  await library.remove(paper.id);
  assert.deepEqual(await kept(), {}, 'forgotten with the removal');

  // Typed, then the paper removed from the same popup: the draft applied as it closes is refused for a paper
  // that is not saved, and is not kept for it either.
  await library.save(paper, {});
  const again = popupPort();
  again.type({ seq: 1, id: paper.id, field: 'note', patch: { note: 'n'.repeat(100_001) }, apply: false });
  await library.remove(paper.id);
  again.close();
  await settle();
  await library.save(paper, {}); // Undo
  assert.deepEqual(await kept(), {}, 'the re-saved paper shows no text, or reason, from before its removal');
});

test('a typed edit that saves reads its paper\'s record once (the update), not again to clear a refusal it never had', async () => {
  const p = { ...paper, id: 'arxiv:2402.00031', url: 'https://arxiv.org/abs/2402.00031' };
  await library.save(p, { tldr: 'x'.repeat(2000) });
  const key = `paper:${p.id}`;
  const realGet = local.get;
  let reads = 0;
  local.get = async (keys) => {
    if ((Array.isArray(keys) ? keys : [keys]).includes(key)) reads++;
    return realGet.call(local, keys);
  };
  try {
    const port = popupPort();
    port.type({ seq: 1, id: p.id, field: 'note', patch: { note: 'typed here' }, apply: true });
    await settle();
    assert.deepEqual(port.replies, [{ seq: 1 }]);
  } finally {
    local.get = realGet;
  }
  assert.equal((await stored(p.id)).note, 'typed here');
  assert.equal(reads, 1);
  assert.deepEqual(await kept(), {}, 'nothing kept, as before');
});
