import type { Comparator, Comparison } from '@cutover/comparators';
import { describeError } from '../describe-error.js';
import { isTruncated } from '../store/bounded-json.js';
import type { ComparisonRecord } from '../store/comparison-record.js';
import { equalityComparator } from './equality-comparator.js';
import type { RecordRange } from '../store/file-comparison-store.js';
import { observe } from './observation.js';
import type { Implementation } from './run-context.js';

/** What {@link replay} needs: stored mismatches and a fixed candidate. */
export interface ReplayRequest<I, O> {
  /** Any source of records; a {@link FileComparisonStore} is one. */
  readonly store: { records(range?: RecordRange): AsyncIterable<ComparisonRecord> };
  /** Which records; give `flagKey` unless the store holds one migration. */
  readonly range?: RecordRange;
  /** The fixed candidate; it receives the stored (redacted) input as its input. */
  readonly candidate: Implementation<I, O>;
  /** The migration's `clean`, so the candidate's value looks like the stored legacy value. @default identity */
  readonly clean?: (value: O) => unknown;
  /** @default equalityComparator */
  readonly compare?: Comparator<unknown>;
  /** Replays at most this many mismatches. @default 1000 */
  readonly limit?: number;
}

/** One replayed mismatch. */
export interface ReplayResult {
  readonly record: ComparisonRecord;
  /** True when the fixed candidate now agrees with the stored legacy outcome. */
  readonly fixed: boolean;
  readonly comparison: Comparison;
}

/** What {@link replay} found. */
export interface ReplayReport {
  readonly replayed: number;
  readonly fixed: number;
  readonly stillMismatching: number;
  /** Mismatches that cannot be replayed: no input, or input or legacy value truncated. */
  readonly skipped: number;
  readonly results: readonly ReplayResult[];
}

/**
 * Runs a fixed candidate on the stored inputs of past mismatches and compares
 * it with the stored legacy outcome: a regression check made of production cases.
 */
export async function replay<I, O>(request: ReplayRequest<I, O>): Promise<ReplayReport> {
  const { limit = 1000, compare = equalityComparator, clean = (value: O) => value } = request;
  const results: ReplayResult[] = [];
  let skipped = 0;
  for await (const record of request.store.records(request.range)) {
    if (record.outcome !== 'mismatch') continue;
    if (results.length >= limit) break;
    const legacy = record.legacy;
    if (record.input === undefined || isTruncated(record.input) || (legacy.status === 'ok' && isTruncated(legacy.value))) {
      skipped++;
      continue;
    }
    const run = { stage: record.stage, operation: 'read', path: 'candidate', readonly: true, signal: new AbortController().signal } as const;
    const observed = await observe({ implementation: request.candidate, input: record.input as I, run });
    let comparison: Comparison;
    if (legacy.status === 'ok') {
      comparison = observed.status === 'ok' ? compare(legacy.value, clean(observed.value)) : mismatch(legacy.value, describeError(observed.error));
    } else {
      const got = observed.status === 'ok' ? clean(observed.value) : describeError(observed.error);
      comparison = got === legacy.error ? { match: true, differences: [] } : mismatch(legacy.error, got);
    }
    results.push({ record, fixed: comparison.match, comparison });
  }
  const fixed = results.filter((r) => r.fixed).length;
  return { replayed: results.length, fixed, stillMismatching: results.length - fixed, skipped, results };
}

function mismatch(legacy: unknown, candidate: unknown): Comparison {
  return { match: false, differences: [{ path: '$', legacy, candidate, reason: 'outcome differs' }] };
}
