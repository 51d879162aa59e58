import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withLimit } from './limit.js';

test('a promise that settles in time is passed on as it is, and late is never called', async () => {
  let lateCalls = 0;
  const late = () => { lateCalls++; return 'late'; };
  assert.equal(await withLimit(Promise.resolve('on time'), 50, late), 'on time');
  const err = new Error('its own failure');
  await assert.rejects(withLimit(Promise.reject(err), 50, late), (e) => e === err);
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(lateCalls, 0, 'the timer was cleared');
});

test('past the limit: late\'s answer, or its throw as the rejection, not before ms', async () => {
  const never = new Promise(() => {});
  let t0 = performance.now();
  assert.deepEqual(await withLimit(never, 40, () => ({ ok: false, error: { code: 'timeout' } })), { ok: false, error: { code: 'timeout' } });
  assert.ok(performance.now() - t0 >= 35, 'not before its limit');
  t0 = performance.now();
  await assert.rejects(withLimit(never, 40, () => { throw Object.assign(new Error('late'), { code: 'timeout' }); }), { code: 'timeout' });
  assert.ok(performance.now() - t0 >= 35, 'not before its limit');
});

test('a promise that settles after the limit does not change the outcome', async () => {
  const slow = new Promise((resolve) => setTimeout(() => resolve('slow'), 60));
  assert.equal(await withLimit(slow, 20, () => 'late'), 'late');
});

test('no limit (Infinity) waits for the promise alone', async () => {
  const p = Promise.resolve(1);
  assert.equal(withLimit(p, Infinity, () => 'late'), p);
});
