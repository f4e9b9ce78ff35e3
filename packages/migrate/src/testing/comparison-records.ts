import type { ComparisonRecord } from '../store/comparison-record.js';

/** A comparison record with sensible values, for specs and benchmarks. */
export function comparisonRecord(overrides: Partial<ComparisonRecord> = {}): ComparisonRecord {
  return {
    timestamp: new Date().toISOString(),
    flagKey: 'search-migration',
    stage: 'shadow',
    outcome: 'match',
    legacy: { status: 'ok', durationMs: 10 },
    candidate: { status: 'ok', durationMs: 12 },
    differences: [],
    ...overrides,
  };
}
