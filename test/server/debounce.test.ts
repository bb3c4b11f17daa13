import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '../../src/server/debounce.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('runs once for a burst, after it has been quiet for quietMs', () => {
    const runs: number[] = [];
    const d = debounce(() => runs.push(Date.now()), 100, 1000);
    const start = Date.now();
    for (let i = 0; i < 5; i++) {
      d.call();
      vi.advanceTimersByTime(30);
    }
    vi.advanceTimersByTime(1000);
    expect(runs.map((t) => t - start)).toEqual([220]);
  });

  it('runs no later than maxWaitMs after the first call of a burst that never goes quiet', () => {
    const runs: number[] = [];
    const d = debounce(() => runs.push(Date.now()), 100, 1000);
    const start = Date.now();
    for (let i = 0; i < 125; i++) {
      d.call();
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(1000);
    // 125 calls 20 ms apart: capped at 1000 and at 2000 (the second burst began at 1000), then
    // quiet 100 ms after the last call at 2480.
    expect(runs.map((t) => t - start)).toEqual([1000, 2000, 2580]);
  });

  it('runs nothing once cancelled', () => {
    const action = vi.fn();
    const d = debounce(action, 100, 1000);
    d.call();
    d.cancel();
    vi.advanceTimersByTime(5000);
    expect(action).not.toHaveBeenCalled();
  });
});
