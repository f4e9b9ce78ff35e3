import type { ComparisonEvent } from './migration-events.js';
import type { RunResult } from './run-result.js';

/** The comparison event of a result. */
export function comparisonEventOf(result: RunResult): ComparisonEvent {
  const { flagKey, stage, outcome, failure, ignored, differences, noisy } = result;
  const legacyMs = result.legacy.durationMs;
  const candidateMs = result.candidate.durationMs;
  const legacyStatus = result.legacy.status;
  const candidateStatus = result.candidate.status;
  // Built without a conditional spread: this runs for every compared call.
  const { itemId } = result;
  if (!failure) return { type: 'comparison', flagKey, stage, itemId, outcome, ignored, differences, noisy, legacyMs, candidateMs, legacyStatus, candidateStatus };
  return { type: 'comparison', flagKey, stage, itemId, outcome, failure, ignored, differences, noisy, legacyMs, candidateMs, legacyStatus, candidateStatus };
}
