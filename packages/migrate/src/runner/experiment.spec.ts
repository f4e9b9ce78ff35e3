import { describe, expect, it, vi } from 'vitest';
import { CallbackContainment } from './callback-containment.js';
import { equalityComparator } from './equality-comparator.js';
import { Experiment } from './experiment.js';
import { NoiseFilter } from './noise-filter.js';
import type { Observation } from './observation.js';
import { sameError } from './same-error.js';

function experiment(clean = vi.fn((value: number) => value)) {
  const containment = new CallbackContainment({ warn: vi.fn(), error: vi.fn() }, 'spec');
  const setup = { flagKey: 'f', compare: equalityComparator<number>, compareErrors: sameError, ignore: [], clean, redact: (n: number) => n, maxComparedBytes: 1024, containment, noise: new NoiseFilter() };
  return new Experiment<number, number>(setup);
}

const ok = (path: 'legacy' | 'candidate', value: number): Observation<number> => Object.freeze({ path, status: 'ok', value, durationMs: 1 });

describe(Experiment.name, () => {
  it('concludes a call into one frozen result', async () => {
    const result = await experiment().conclude({ stage: 'shadow', input: 7, legacy: ok('legacy', 1), candidate: ok('candidate', 2) });
    expect(result).toMatchObject({ outcome: 'mismatch', input: 7, legacy: { value: 1 }, candidate: { value: 2 } });
    expect(Object.isFrozen(result) && Object.isFrozen(result.legacy) && Object.isFrozen(result.candidate) && Object.isFrozen(result.differences)).toBe(true);
  });

  it('cleans each value once, however many places show it', async () => {
    const clean = vi.fn((value: number) => value);
    const failed: Observation<number> = Object.freeze({ path: 'candidate', status: 'error', error: new Error('x'), durationMs: 1 });
    await experiment(clean).conclude({ stage: 'shadow', input: 7, legacy: ok('legacy', 1), candidate: failed });
    expect(clean).toHaveBeenCalledTimes(1);
  });
});
