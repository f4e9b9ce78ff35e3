import { describe, expect, it } from 'vitest';
import { DeadlineExceededError, withDeadline } from './with-deadline.js';

describe(withDeadline.name, () => {
  it('settles like the promise when it is in time', async () => {
    await expect(withDeadline(Promise.resolve(42), 50)).resolves.toBe(42);
    await expect(withDeadline(Promise.reject(new Error('no')), 50)).rejects.toThrow('no');
  });

  it('rejects with DeadlineExceededError when the promise is late', async () => {
    const late = new Promise((resolve) => setTimeout(resolve, 200, 'late'));
    const started = performance.now();
    await expect(withDeadline(late, 20)).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(performance.now() - started).toBeLessThan(150);
  });
});
