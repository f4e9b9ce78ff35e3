import { boundedJson } from '../store/bounded-json.js';
import type { ComparisonRecord, RecordedPath } from '../store/comparison-record.js';
import type { PathResult, RunResult } from './run-result.js';

// A record lists this many differences (and noisy paths) at most; values inside differences are cut at a sixteenth of maxStoredBytes.
const MAX_DIFFERENCES = 32;
const NONE: readonly never[] = Object.freeze([]);

/**
 * The stored record of a result: values and input bounded to `maxStoredBytes`
 * of JSON each. Matches stay small (no values, no input): summaries read
 * every line, and a match needs no replay.
 */
export function comparisonRecordOf(result: RunResult, maxStoredBytes: number): ComparisonRecord {
  // A match is detailed when the migration keeps match values: the result then holds its input.
  const detailed = result.outcome !== 'match' || 'input' in result;
  const cut = Math.max(64, maxStoredBytes >> 4);
  const { timestamp, flagKey, stage, itemId, outcome } = result;
  const legacy = recordedPath(result.legacy, detailed, maxStoredBytes);
  const candidate = recordedPath(result.candidate, detailed, maxStoredBytes);
  const differences =
    result.differences.length === 0 ? NONE : result.differences.slice(0, MAX_DIFFERENCES).map((d) => ({ ...d, legacy: boundedJson(d.legacy, cut), candidate: boundedJson(d.candidate, cut) }));
  // Literals and assignments rather than conditional spreads (this runs for every stored call); the keys keep the order of the JSON lines.
  const record: { -readonly [K in keyof ComparisonRecord]: ComparisonRecord[K] } =
    itemId === undefined
      ? result.ignored
        ? { timestamp, flagKey, stage, outcome, ignored: true, legacy, candidate, differences }
        : { timestamp, flagKey, stage, outcome, legacy, candidate, differences }
      : result.ignored
        ? { timestamp, flagKey, stage, itemId, outcome, ignored: true, legacy, candidate, differences }
        : { timestamp, flagKey, stage, itemId, outcome, legacy, candidate, differences };
  if (result.noisy.length > 0) record.noisy = result.noisy.slice(0, MAX_DIFFERENCES);
  if (detailed) record.input = boundedJson(result.input, maxStoredBytes);
  if (result.failure) record.failure = result.failure;
  return record;
}

function recordedPath(path: PathResult, detailed: boolean, maxStoredBytes: number): RecordedPath {
  const { status, durationMs } = path;
  if (status !== 'ok') return { status, durationMs, error: path.error ?? '' };
  if (!detailed) return { status, durationMs };
  return { status, durationMs, value: boundedJson(path.value, maxStoredBytes) };
}
