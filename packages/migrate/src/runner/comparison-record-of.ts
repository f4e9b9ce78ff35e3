import { boundedJson } from '../store/bounded-json.js';
import type { ComparisonRecord, RecordedPath } from '../store/comparison-record.js';
import type { PathResult, RunResult } from './run-result.js';

// A record lists this many differences (and noisy paths) at most; values inside differences are cut at a sixteenth of maxStoredBytes.
const MAX_DIFFERENCES = 32;

/**
 * The stored record of a result: values and input bounded to `maxStoredBytes`
 * of JSON each. Matches stay small (no values, no input): summaries read
 * every line, and a match needs no replay.
 */
export function comparisonRecordOf(result: RunResult, maxStoredBytes: number): ComparisonRecord {
  // A match is detailed when the migration keeps match values: the result then holds its input.
  const detailed = result.outcome !== 'match' || 'input' in result;
  const cut = Math.max(64, maxStoredBytes >> 4);
  return {
    timestamp: result.timestamp,
    flagKey: result.flagKey,
    stage: result.stage,
    ...(result.itemId !== undefined && { itemId: result.itemId }),
    outcome: result.outcome,
    ...(result.ignored && { ignored: true }),
    legacy: recordedPath(result.legacy, detailed, maxStoredBytes),
    candidate: recordedPath(result.candidate, detailed, maxStoredBytes),
    differences: result.differences.slice(0, MAX_DIFFERENCES).map((d) => ({ ...d, legacy: boundedJson(d.legacy, cut), candidate: boundedJson(d.candidate, cut) })),
    ...(result.noisy.length > 0 && { noisy: result.noisy.slice(0, MAX_DIFFERENCES) }),
    ...(detailed && { input: boundedJson(result.input, maxStoredBytes) }),
    ...(result.failure && { failure: result.failure }),
  };
}

function recordedPath(path: PathResult, detailed: boolean, maxStoredBytes: number): RecordedPath {
  const { status, durationMs } = path;
  if (status !== 'ok') return { status, durationMs, error: path.error ?? '' };
  if (!detailed) return { status, durationMs };
  return { status, durationMs, value: boundedJson(path.value, maxStoredBytes) };
}
