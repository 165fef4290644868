import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineError, withDeadline } from '../../src/store/deadline.js';

describe('withDeadline', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the work\'s result when it comes first', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('boom')), 1000, 'x')).rejects.toThrow('boom');
  });

  it('gives up after the deadline, and a late failure of the work is not left unhandled', async () => {
    vi.useFakeTimers();
    let fail: (e: Error) => void = () => undefined;
    const work = new Promise<number>((_, reject) => {
      fail = reject;
    });
    const waiting = expect(withDeadline(work, 1500, 'claiming the event id')).rejects.toThrow(DeadlineError);
    await vi.advanceTimersByTimeAsync(1500);
    await waiting;
    fail(new Error('late'));
  });
});
