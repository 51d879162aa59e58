// The status line must show the last round's state however slowly storage writes: a round's early "Syncing…" that
// the browser writes late must not land over the round's own end, nor one round's end over the next one's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './testing/fake-chrome.js';
import { fakeServer } from './testing/fake-server.js';
import './testing/signed-in.js';
fakeServer();
const serve = globalThis.fetch;
const sync = await import('./sync.js');
const { STATUS_KEY } = await import('../lib/messages.js');

const local = /** @type {any} */ (chrome.storage.local);
const status = async () => (await local.get(STATUS_KEY))[STATUS_KEY];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('slow status writes land in the order the rounds made them: the line shows the last round\'s end', async (t) => {
  assert.equal((await sync.syncNow()).state, 'synced');
  const set = local.set.bind(local);
  // The first status write (the failing round's "Syncing…") takes half a second, the others none: unordered, it
  // would land last.
  let delay = 500;
  local.set = async (items) => {
    if (Object.hasOwn(items, STATUS_KEY)) {
      const ms = delay;
      delay = 0;
      await sleep(ms);
    }
    return set(items);
  };
  t.after(() => {
    local.set = set;
    globalThis.fetch = serve;
  });
  globalThis.fetch = async () => { throw new TypeError('Failed to fetch'); };
  const failed = sync.syncNow(); // its "Syncing…", then offline
  await sleep(10);
  globalThis.fetch = serve;
  const next = sync.syncNow(); // the user's Sync now, once the server answers: "Syncing…", then synced
  assert.equal((await failed).state, 'offline');
  assert.equal((await next).state, 'synced');
  await sleep(600); // every write started has landed
  assert.equal((await status()).state, 'synced');
});
