import type { RunResult } from '../runner/run-result.js';

/** A run result with sensible values (a match in shadow), for specs. */
export function runResult(overrides: Partial<RunResult> = {}): RunResult {
  return {
    flagKey: 'search-migration',
    stage: 'shadow',
    timestamp: '2026-03-01T10:00:00.000Z',
    outcome: 'match',
    ignored: false,
    differences: [],
    noisy: [],
    legacy: { path: 'legacy', status: 'ok', durationMs: 10 },
    candidate: { path: 'candidate', status: 'ok', durationMs: 12 },
    ...overrides,
  };
}
