// node --test: which papers signing in asks consent for (the options page's question and the background's refusal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { otherAccountPapers, ownerOf, libraryOf, foldEmail, heldText } from './other-account.js';

const S = 'http://127.0.0.1:8080';
const work = libraryOf({ server: S, email: 'Work@Example.com ' });
const paper = (version) => ({ id: 'x', version, sync: { dirty: {} } });

test('libraryOf: one server and one email, case and spaces aside, folded as the server (Go) lowercases', () => {
  assert.equal(work, `${S}|work@example.com`);
  // JS's 'İ'.toLowerCase() is 'i' + U+0307 and a final 'Σ' becomes 'ς'; Go's strings.ToLower gives 'i' and 'σ'.
  assert.equal(foldEmail('İLKER@x.tr'), 'ilker@x.tr');
  assert.equal(foldEmail('ΟΔΟΣ@x.gr'), 'οδοσ@x.gr');
});

test('ownerOf: synced with the last account, or saved while signed out', () => {
  assert.equal(ownerOf(paper(3), work), work);
  assert.equal(ownerOf(paper(0), work), '');
  assert.equal(ownerOf(paper(3), ''), '', 'no account known: not said to be one');
  assert.equal(ownerOf(null, work), '');
});

test('otherAccountPapers asks about another account\'s papers only, never for the account synced last', () => {
  const all = { 'sync:state': { account: work }, 'paper:a': paper(2), 'paper:b': paper(5), 'paper:c': paper(0), 'sync:status': {} };
  assert.deepEqual(otherAccountPapers(all, S, 'home@example.com'), { from: 'work@example.com', count: 2, unsent: 0 });
  assert.equal(otherAccountPapers(all, S, 'WORK@example.com'), null, 'the same account again');
  assert.deepEqual(otherAccountPapers(all, 'https://sync.example', 'work@example.com'),
    { from: `work@example.com on ${S}`, count: 2, unsent: 0 }, 'the same email on another server is another account');
  assert.equal(otherAccountPapers({ 'paper:c': paper(0) }, S, 'home@example.com'), null, 'saved while signed out');
  // The server stored 'i' for a typed 'İ' (Go): typing it the same way again is the same account.
  const turkish = { 'sync:state': { account: `${S}|ilker@x.tr` }, 'paper:a': paper(1) };
  assert.equal(otherAccountPapers(turkish, S, 'İLKER@x.tr'), null);
  assert.deepEqual(otherAccountPapers(turkish, S, 'ILKER2@x.tr'), { from: 'ilker@x.tr', count: 1, unsent: 0 });
});

test('a paper saved while signed in and never uploaded is its stamp\'s account\'s, not one saved while signed out', () => {
  const stamped = { id: 'y', version: 0, sync: { dirty: { note: 1 }, owner: work } };
  assert.equal(ownerOf(stamped, work), work);
  assert.equal(ownerOf(stamped, ''), work, 'also when no round set the last account');
  assert.equal(ownerOf({ ...stamped, sync: { dirty: {}, owner: 'no library' } }, ''), '', 'a stamp that names no library');
  assert.equal(ownerOf({ ...stamped, version: 4 }, `${S}|home@example.com`), `${S}|home@example.com`,
    'a version is the last library\'s, whatever the stamp');
  const all = { 'sync:state': { account: work }, 'paper:a': paper(2), 'paper:y': stamped, 'paper:c': paper(0) };
  assert.deepEqual(otherAccountPapers(all, S, 'home@example.com'), { from: 'work@example.com', count: 2, unsent: 1 });
  assert.equal(otherAccountPapers(all, S, 'work@EXAMPLE.com'), null, 'its own account asks nothing');
  // A stamp of an account other than the one synced last: both named, each paper counted once.
  const home = libraryOf({ server: S, email: 'home@example.com' });
  const two = { ...all, 'paper:z': { id: 'z', version: 0, sync: { dirty: {}, owner: home } } };
  assert.deepEqual(otherAccountPapers(two, S, 'third@example.com'), { from: 'home@example.com and work@example.com', count: 3, unsent: 2 });
  assert.deepEqual(otherAccountPapers(two, S, 'home@example.com'), { from: 'work@example.com', count: 2, unsent: 1 });
});

test('heldText: "synced with" or "of … not uploaded to it yet"; with several accounts, "to its account"', () => {
  assert.equal(heldText({ from: 'w@x.org', count: 2, unsent: 0 }), '2 papers synced with w@x.org');
  assert.equal(heldText({ from: 'w@x.org', count: 1, unsent: 1 }), 'a paper of w@x.org (not uploaded to it yet)');
  assert.equal(heldText({ from: 'w@x.org', count: 3, unsent: 1 }), '3 papers of w@x.org (1 of them not uploaded to it yet)');
  assert.equal(heldText({ from: 'a@x.org and c@x.org', count: 3, unsent: 1 }),
    '3 papers of a@x.org and c@x.org (1 of them not uploaded to its account yet)');
});
