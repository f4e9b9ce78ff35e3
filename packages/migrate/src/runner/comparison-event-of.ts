import type { ComparisonEvent } from './migration-events.js';
import type { RunResult } from './run-result.js';

/** The comparison event of a result. */
export function comparisonEventOf(result: RunResult): ComparisonEvent {
  const { flagKey, stage, outcome, failure, ignored, differences, noisy } = result;
  return {
    type: 'comparison',
    flagKey,
    stage,
    outcome,
    ...(failure && { failure }),
    ignored,
    differences,
    noisy,
    legacyMs: result.legacy.durationMs,
    candidateMs: result.candidate.durationMs,
  };
}
