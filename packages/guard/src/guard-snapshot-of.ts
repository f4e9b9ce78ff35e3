import type { MigrationCounts, PathCounts } from '@cutover/hooks';
import { nativeDurationBuckets } from '@cutover/hooks';
import type { GuardSnapshot, PathWindow } from './guard-snapshot.js';

/**
 * Turns a migration's counts over a window into what the guard judges, the
 * same way for the local registry and for PromQL:
 *
 * - calls are the completed ones (`success`, `error`, `timeout`); errors are
 *   `error` and `timeout`; `rejected` (shed by the in-flight bound) is no call
 *   but was routed to the path, so it lowers the path's throughput;
 * - each path's share is its routed calls (completed + rejected) over the
 *   busier path's, so throughput compares completions per routed call and
 *   needs no separate request counter; a path nothing was routed to has no share;
 * - comparisons count the decisive ones (`match`, `mismatch`), as the
 *   recording rules do; `ignored` and comparator `error` say nothing about the
 *   candidate. Absent when the window holds no comparison at all;
 * - a path's business outcomes are there once it has any in the window, so the
 *   success rate is judged wherever outcomes are reported and skipped elsewhere;
 * - the exposure is the candidate's share of the calls served to callers.
 * - latency is the exported histogram buckets, plus precise ones when the
 *   counts have them: the native histograms' buckets, 2.2 % apart, from
 *   PromQL or from this process's registry;
 * - a path's unanswered calls are its timeouts and its shed runs;
 * - pairs, when counted, are the compared requests by how both paths ended,
 *   with the ratio of their durations where the source records them;
 *   stages are the ones that served at least one call in the window.
 */
export function guardSnapshotOf(counts: MigrationCounts, windowSeconds: number): GuardSnapshot {
  const routed = (path: PathCounts): number => completed(path) + Math.max(0, path.outcomes.rejected);
  const busiest = Math.max(routed(counts.legacy), routed(counts.candidate));
  const window = (path: PathCounts): PathWindow => {
    const share = busiest > 0 ? routed(path) / busiest : 0;
    return {
      calls: completed(path),
      errors: Math.max(0, path.outcomes.error) + Math.max(0, path.outcomes.timeout),
      latency: {
        buckets: path.buckets.length > 0 ? path.buckets : [{ le: Infinity, count: 0 }],
        ...(path.precise ? { precise: path.precise } : path.native ? { precise: nativeDurationBuckets(path.native) } : {}),
      },
      ...(share > 0 ? { share } : {}),
      ...outcomesOf(path),
      routed: routed(path),
      unanswered: Math.max(0, path.outcomes.timeout) + Math.max(0, path.outcomes.rejected),
    };
  };
  const served = Math.max(0, counts.candidate.served ?? 0) + Math.max(0, counts.legacy.served ?? 0);
  const { match, mismatch, ignored, error } = counts.comparisons;
  const compared = match + mismatch + ignored + error > 0;
  return {
    windowSeconds,
    legacy: window(counts.legacy),
    candidate: window(counts.candidate),
    ...(compared ? { comparisons: { total: Math.max(0, match) + Math.max(0, mismatch), matches: Math.max(0, match) } } : {}),
    ...(served > 0 ? { exposure: Math.max(0, counts.candidate.served ?? 0) / served } : {}),
    ...pairsOf(counts),
    ...stagesOf(counts),
  };
}

function outcomesOf(path: PathCounts): Pick<PathWindow, 'outcomes'> {
  const successes = Math.max(0, path.reported?.success ?? 0);
  const total = successes + Math.max(0, path.reported?.failure ?? 0);
  return total > 0 ? { outcomes: { total, successes } } : {};
}

function stagesOf({ stages }: MigrationCounts): Pick<GuardSnapshot, 'stages'> {
  const served = stages ? Object.keys(stages).filter((stage) => stages[stage]! > 0).sort() : [];
  return served.length > 0 ? { stages: served } : {};
}

function pairsOf({ pairs, pairedLatencyRatio }: MigrationCounts): Pick<GuardSnapshot, 'pairs'> {
  if (!pairs) return {};
  const [bothOk, legacyOnly, candidateOnly, bothFailed] = [pairs.both_ok, pairs.legacy_error, pairs.candidate_error, pairs.both_error].map((n) => Math.max(0, n));
  const total = bothOk! + legacyOnly! + candidateOnly! + bothFailed!;
  if (!(total > 0)) return {};
  // The ratios whenever the source records them, timed pairs or not: the latency check splits its significance for the whole window.
  return { pairs: { total, legacyOnlyErrors: legacyOnly!, candidateOnlyErrors: candidateOnly!, ...(pairedLatencyRatio ? { latencyRatio: pairedLatencyRatio } : {}) } };
}

function completed(path: PathCounts): number {
  return Math.max(0, path.outcomes.success) + Math.max(0, path.outcomes.error) + Math.max(0, path.outcomes.timeout);
}
