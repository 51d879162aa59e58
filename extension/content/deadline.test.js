import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDeadline, PAGE_DEADLINE_MS } from './deadline.js';
import { pageFailed } from '../lib/messages.js';

test('an analysis that never answers fails with "timeout" at the deadline, and the page says so', async () => {
  const t0 = performance.now();
  await assert.rejects(withDeadline(new Promise(() => {}), 50), (err) => {
    assert.equal(err.code, 'timeout');
    assert.equal(pageFailed(err), 'Papers not shown: papergist took too long to answer: try again in a moment.');
    return true;
  });
  assert.ok(performance.now() - t0 >= 45, 'not before its deadline');
});

test('an analysis that answers or fails in time is passed on as it is', async () => {
  assert.deepEqual(await withDeadline(Promise.resolve({ entries: [] }), 50), { entries: [] });
  const err = Object.assign(new Error('x'), { code: 'too_large' });
  await assert.rejects(withDeadline(Promise.reject(err), 50), (e) => e === err);
});

test('the page deadline is above the engine\'s limit', async () => {
  const { engineLimits } = await import('../background/engine.js');
  assert.ok(PAGE_DEADLINE_MS >= engineLimits.analyzeMs + 10_000);
});
