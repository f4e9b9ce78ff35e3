import { describe, expect, it } from 'vitest';
import type { GuardSnapshot } from './guard-snapshot.js';
import { pairedErrorIncrease } from './paired-error-increase.js';
import { resolveGuardConfig } from './resolve-guard-config.js';

const path = (calls: number, errors: number) => ({ calls, errors, latency: { buckets: [{ le: Infinity, count: calls }] } });

function shadow(total: number, legacyOnly: number, candidateOnly: number, both: number): GuardSnapshot {
  return {
    windowSeconds: 60,
    legacy: path(total, legacyOnly + both),
    candidate: path(total, candidateOnly + both),
    pairs: { total, legacyOnlyErrors: legacyOnly, candidateOnlyErrors: candidateOnly },
  };
}

describe(pairedErrorIncrease.name, () => {
  const exact = resolveGuardConfig({ maxErrorRateIncrease: 0 });

  it('is null without pairs, so the independent test applies', () => {
    const { pairs: _pairs, ...unpaired } = shadow(1000, 1, 1, 0);
    expect(pairedErrorIncrease(unpaired, exact)).toBeNull();
  });

  it('tests the candidate-only failures against a bound of the legacy-only ones: requests both fail cancel out', () => {
    const reading = pairedErrorIncrease(shadow(4000, 4, 44, 36), exact)!;
    expect(reading.observed).toBeCloseTo(0.01);
    expect(reading.details).toMatchObject({ paired: 1, candidateOnlyRate: 0.011, legacyOnlyRate: 0.001 });
    expect(reading.details.legacyOnlyUpperBound).toBeGreaterThan(0.001);
    expect(reading.test).toMatchObject({ events: 44, trials: 4000, alpha: 0.005 });
    expect(reading.test).toMatchObject({ nullRate: reading.details.legacyOnlyUpperBound });
  });

  it('asks for the minimum sample of pairs before testing', () => {
    expect(pairedErrorIncrease(shadow(99, 0, 50, 0), exact)?.test).toBeNull();
  });
});
