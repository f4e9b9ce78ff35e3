import { describe, expect, it } from 'vitest';
import { observe } from './observation.js';
import type { RunContext } from './run-context.js';

const run = (signal: AbortSignal = new AbortController().signal): RunContext => ({ stage: 'shadow', operation: 'read', path: 'candidate', readonly: true, signal });

describe(observe.name, () => {
  it('records a value and a duration in a frozen observation', async () => {
    const observation = await observe({ implementation: (n: number) => n + 1, input: 1, run: run() });
    expect(observation).toMatchObject({ path: 'candidate', status: 'ok', value: 2 });
    expect(observation.durationMs).toBeGreaterThanOrEqual(0);
    expect(Object.isFrozen(observation)).toBe(true);
  });

  it('records a synchronous throw as an error instead of throwing', async () => {
    const error = new Error('bug');
    const observation = await observe({
      implementation: () => {
        throw error;
      },
      input: 1,
      run: run(),
    });
    expect(observation).toMatchObject({ status: 'error', error });
  });

  it('stops waiting after the timeout, aborts the signal, and frees the slot only when the run settles', async () => {
    const controller = new AbortController();
    let finish = (): void => undefined;
    let settled = false;
    const observation = await observe({
      implementation: () => new Promise<number>((resolve) => (finish = () => resolve(1))),
      input: 1,
      run: run(controller.signal),
      timeoutMs: 10,
      controller,
      onSettled: () => (settled = true),
    });
    expect(observation.status).toBe('timeout');
    expect(controller.signal.aborted).toBe(true);
    expect(settled).toBe(false);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(true);
  });
});
