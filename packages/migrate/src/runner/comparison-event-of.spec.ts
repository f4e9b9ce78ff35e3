import { describe, expect, it } from 'vitest';
import { runResult } from '../testing/run-results.js';
import { comparisonEventOf } from './comparison-event-of.js';

describe(comparisonEventOf.name, () => {
  it('carries the outcome, differences, noise and durations of the result', () => {
    const differences = [{ path: '$.total', legacy: 1, candidate: 2 }];
    const event = comparisonEventOf(runResult({ outcome: 'mismatch', differences, noisy: ['$.at'] }));
    expect(event).toEqual({
      type: 'comparison',
      flagKey: 'search-migration',
      stage: 'shadow',
      outcome: 'mismatch',
      ignored: false,
      differences,
      noisy: ['$.at'],
      legacyMs: 10,
      candidateMs: 12,
      legacyStatus: 'ok',
      candidateStatus: 'ok',
    });
  });

  it('carries how each path of the request ended, for paired tests', () => {
    const result = runResult({ outcome: 'mismatch' });
    const event = comparisonEventOf({ ...result, candidate: { ...result.candidate, status: 'timeout' } });
    expect(event).toMatchObject({ legacyStatus: 'ok', candidateStatus: 'timeout' });
  });

  it('says why an error outcome is one', () => {
    expect(comparisonEventOf(runResult({ outcome: 'error', failure: 'over-budget' }))).toMatchObject({ outcome: 'error', failure: 'over-budget' });
  });
});
