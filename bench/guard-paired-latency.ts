// Simulations of the paired latency test: both paths ran on every request,
// and each request has a cost of its own (its size) that both paths pay.
// The paired sign test on candidate/legacy per request against the p95 test
// alone, A/A false rollbacks with it on, and a candidate exactly at the gate.
// Seeded; called from guard-paired-precision.ts, printed in the same run.
import { DEFAULT_GUARD_CONFIG, evaluateGuard, resolveGuardConfig } from '@cutover/guard';
import type { GuardConfig, GuardCriterion, GuardSnapshot } from '@cutover/guard';
import { NativeDurations, nativeDurationBuckets, PAIRED_LATENCY_RATIO_BUCKETS, pairedLatencyRatio } from '@cutover/hooks';
import { seededRandom as random } from './seeded-random.js';
import { scaled } from './smoke.js';
import { median, percent } from './summary-figures.js';

/** One simulated migration at `live`, both paths on every request. */
interface LatencyScenario {
  /** Candidate duration over legacy's on the same request, before each path's own noise. */
  readonly slowdown: number;
  /** Give the guard the pairs with their per-request duration ratios; otherwise no pairs, and the p95 test runs alone. */
  readonly ratios: boolean;
  readonly requests: number;
  readonly runs: number;
  readonly config: GuardConfig;
  readonly seed: number;
}

interface Outcome {
  /** Requests at the first degraded verdict, or null. */
  readonly tripAt: number | null;
  readonly failed: readonly GuardCriterion[];
}

// Request size: log-normal σ 0.5 shared by both paths; each path's own noise σ 0.1; median 50 ms.
const SHARED_SIGMA = 0.5;
const OWN_SIGMA = 0.1;
const EVERY = 100;

function simulate(scenario: LatencyScenario): Outcome[] {
  const next = random(scenario.seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const outcomes: Outcome[] = [];
  for (let run = 0; run < scenario.runs; run++) {
    const legacy = new NativeDurations();
    const candidate = new NativeDurations();
    const perRatioBucket = new Float64Array(PAIRED_LATENCY_RATIO_BUCKETS.length + 1);
    let outcome: Outcome = { tripAt: null, failed: [] };
    for (let request = 1; request <= scenario.requests; request++) {
      const size = 0.05 * Math.exp(SHARED_SIGMA * normal());
      const legacySeconds = size * Math.exp(OWN_SIGMA * normal());
      const candidateSeconds = scenario.slowdown * size * Math.exp(OWN_SIGMA * normal());
      legacy.observe(legacySeconds);
      candidate.observe(candidateSeconds);
      // What MigrationMetrics records for the pair.
      const ratio = pairedLatencyRatio(legacySeconds * 1000, candidateSeconds * 1000)!;
      let bucket = 0;
      while (bucket < PAIRED_LATENCY_RATIO_BUCKETS.length && ratio > PAIRED_LATENCY_RATIO_BUCKETS[bucket]!) bucket++;
      perRatioBucket[bucket]!++;
      if (request % EVERY !== 0) continue;
      let running = 0;
      const latencyRatio = [...PAIRED_LATENCY_RATIO_BUCKETS, Infinity].map((le, i) => ({ le, count: (running += perRatioBucket[i]!) }));
      const path = (durations: NativeDurations) => {
        const precise = nativeDurationBuckets(durations);
        return { calls: request, errors: 0, latency: { buckets: precise, precise }, share: 1, routed: request, unanswered: 0 };
      };
      const snapshot: GuardSnapshot = {
        windowSeconds: request / 100,
        legacy: path(legacy),
        candidate: path(candidate),
        stages: ['live'],
        // Unpaired: two independent groups, as a canary split gives them; the p95 test then spends the whole significance.
        ...(scenario.ratios ? { pairs: { total: request, legacyOnlyErrors: 0, candidateOnlyErrors: 0, latencyRatio } } : {}),
      };
      const verdict = evaluateGuard(snapshot, scenario.config);
      if (verdict.status === 'degraded') {
        outcome = { tripAt: request, failed: verdict.failed };
        break;
      }
    }
    outcomes.push(outcome);
  }
  return outcomes;
}


// Over every run, a run never caught counting as slower than any caught one.
function medianRequests(outcomes: readonly Outcome[]): number {
  return median(outcomes.map((o) => o.tripAt ?? Infinity));
}

function requests(count: number, horizon: number): string {
  return Number.isFinite(count) ? String(count) : `> ${horizon}`;
}

function goal(label: string, measured: string, ok: boolean, wanted: string): boolean {
  console.log(`  target ${label}: ${measured} (goal ${wanted}) ${ok ? 'PASS' : 'MISS'}`);
  return ok;
}

function trips(outcomes: readonly Outcome[], criterion?: GuardCriterion): number[] {
  return outcomes.flatMap((o) => (o.tripAt !== null && (criterion === undefined || o.failed.includes(criterion)) ? [o.tripAt] : []));
}

/** Paired sign test vs the p95 test alone at a 1.2× gate; A/A and at-the-gate trips with the paired test on. */
export function pairedLatency(): boolean {
  const config = resolveGuardConfig({ maxLatencyRatio: 1.2 });
  const alpha = DEFAULT_GUARD_CONFIG.significance;
  let ok = true;
  console.log(
    `\npaired latency test (live, both paths on every request; request size log-normal σ ${SHARED_SIGMA} shared by both paths, ` +
      `each path's own noise σ ${OWN_SIGMA}, median 50 ms; latency on the native buckets, 2.2 % apart; 1.2× gate), guard every ${EVERY} requests`,
  );
  const detectRuns = scaled(300, 3);
  const horizon = scaled(20_000, 2_000);
  const detect = (ratios: boolean, seed: number, slowdown = 1.3, runs = detectRuns): Outcome[] =>
    simulate({ slowdown, ratios, config, requests: horizon, runs, seed }).map((o) => (o.failed.includes('latency') ? o : { tripAt: null, failed: [] }));
  const paired = detect(true, 51);
  const unpaired = detect(false, 52);
  const [pairedMedian, unpairedMedian] = [medianRequests(paired), medianRequests(unpaired)];
  console.log(
    `  candidate +30 %: paired (sign test and p95) caught in ${percent(trips(paired).length / detectRuns)}, median ${requests(pairedMedian, horizon)} requests` +
      `${pairedMedian === config.minSample ? ' (the minimum sample)' : ''}; p95 alone (no ratios) caught in ${percent(trips(unpaired).length / detectRuns)}, ` +
      `median ${requests(unpairedMedian, horizon)} requests (${Number.isFinite(unpairedMedian) ? '' : 'over '}${(Math.min(unpairedMedian, horizon) / pairedMedian).toFixed(1)}× as many)`,
  );
  ok = goal('+30 % caught with the paired test', percent(trips(paired).length / detectRuns), trips(paired).length >= 0.99 * detectRuns, '≥ 99.00 %') && ok;
  ok = goal('paired needs fewer requests than the p95 test alone', `${requests(pairedMedian, horizon)} vs ${requests(unpairedMedian, horizon)}`, pairedMedian < unpairedMedian, 'paired < p95 alone') && ok;
  // Informative: nearer the gate the paired test is no longer held at the minimum sample.
  const nearRuns = scaled(100, 3);
  const [nearPaired, nearUnpaired] = [detect(true, 55, 1.25, nearRuns), detect(false, 56, 1.25, nearRuns)];
  console.log(
    `  candidate +25 % (informative), ${nearRuns} runs: paired caught in ${percent(trips(nearPaired).length / nearRuns)}, median ${requests(medianRequests(nearPaired), horizon)} requests; ` +
      `p95 alone caught in ${percent(trips(nearUnpaired).length / nearRuns)}, median ${requests(medianRequests(nearUnpaired), horizon)} requests`,
  );
  const aaRuns = scaled(1000, 3);
  const aa = trips(simulate({ slowdown: 1, ratios: true, config, requests: scaled(10_000, 2_000), runs: aaRuns, seed: 53 }));
  console.log(`  A/A with the paired test on, every criterion, ${aaRuns} runs × ${scaled(10_000, 2_000)} requests: ${aa.length} false rollbacks`);
  ok = goal('A/A false rollbacks, paired latency test on', percent(aa.length / aaRuns), aa.length / aaRuns <= alpha, `≤ ${percent(alpha)}`) && ok;
  const atGate = trips(simulate({ slowdown: 1.2, ratios: true, config, requests: scaled(10_000, 2_000), runs: aaRuns, seed: 54 }));
  console.log(`  candidate exactly 1.2× slower on every request (at the gate), ${aaRuns} runs × ${scaled(10_000, 2_000)} requests: tripped in ${atGate.length}`);
  ok = goal('at the 1.2× gate, paired latency test on', percent(atGate.length / aaRuns), atGate.length / aaRuns <= alpha, `≤ ${percent(alpha)}`) && ok;
  return ok;
}
