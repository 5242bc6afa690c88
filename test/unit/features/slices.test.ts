import { strict as assert } from 'node:assert';
import { runAll, runSliced, type Steps } from '../../../src/features/slices';

function* counting(log: string[], n: number): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe('slices', () => {
  it('runs every step at once with runAll', () => {
    const log: string[] = [];
    assert.equal(runAll(counting(log, 3)), 3);
    assert.deepEqual(log, ['step 0', 'step 1', 'step 2']);
  });

  it('gives the event loop a turn between slices, and stops when cancelled', async () => {
    const log: string[] = [];
    const timer = setInterval(() => log.push('timer'), 0);
    try {
      // a budget of 0: a macrotask after every step
      assert.equal(await runSliced(counting(log, 3), { budgetMs: 0 }), 3);
    } finally {
      clearInterval(timer);
    }
    assert.ok(log.indexOf('timer') > 0 && log.indexOf('timer') < log.indexOf('step 2'), log.join(', '));
    const stopped: string[] = [];
    let left = 2;
    assert.equal(await runSliced(counting(stopped, 5), { cancelled: () => left-- === 0 }), undefined);
    assert.deepEqual(stopped, ['step 0', 'step 1']);
  });
});
