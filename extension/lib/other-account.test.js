// node --test: which papers signing in asks about (the options page's question and the background's refusal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { otherAccountPapers, ownerOf, libraryOf } from './other-account.js';

const S = 'http://127.0.0.1:8080';
const work = libraryOf({ server: S, email: 'Work@Example.com ' });
const home = libraryOf({ server: S, email: 'home@example.com' });
const paper = (version, local) => ({ id: 'x', version, sync: { dirty: {}, ...(local ? { local } : {}) } });

test('libraryOf: one server and one email, case and spaces aside', () => {
  assert.equal(work, `${S}|work@example.com`);
});

test('ownerOf: kept from an account, synced with the last one, or saved while signed out', () => {
  assert.equal(ownerOf(paper(3), work), work);
  assert.equal(ownerOf(paper(0), work), '');
  assert.equal(ownerOf(paper(0, home), work), home);
  assert.equal(ownerOf(paper(3), ''), '', 'no account known: not said to be one');
  assert.equal(ownerOf(null, work), '');
});

test('otherAccountPapers asks about another account\'s papers only, and never for the account synced last', () => {
  const all = { 'sync:state': { account: work }, 'paper:a': paper(2), 'paper:b': paper(5), 'paper:c': paper(0), 'sync:status': {} };
  assert.deepEqual(otherAccountPapers(all, S, 'home@example.com'), { from: 'work@example.com', accounts: 1, count: 2 });
  assert.equal(otherAccountPapers(all, S, 'WORK@example.com'), null, 'the same account again');
  assert.deepEqual(otherAccountPapers(all, 'https://sync.example', 'work@example.com'),
    { from: `work@example.com on ${S}`, accounts: 1, count: 2 }, 'the same email on another server is another account');
  assert.equal(otherAccountPapers({ 'paper:c': paper(0) }, S, 'home@example.com'), null, 'saved while signed out');
  // Signed in to home with work's papers kept only here, then signing in to a third: both accounts', sorted.
  const mixed = { 'sync:state': { account: home }, 'paper:a': paper(0, work), 'paper:d': paper(4), 'paper:c': paper(0) };
  assert.deepEqual(otherAccountPapers(mixed, S, 'third@example.com'),
    { from: 'home@example.com, work@example.com', accounts: 2, count: 2 });
  // Back to work: only home's paper is asked about; work's own kept one goes back to it.
  assert.deepEqual(otherAccountPapers(mixed, S, 'work@example.com'), { from: 'home@example.com', accounts: 1, count: 1 });
});
