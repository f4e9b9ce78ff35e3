// Simulations of the guard's decision core: how often it rolls back a healthy
// candidate while being evaluated again and again as calls arrive, and how many
// calls it needs to catch a broken one. Seeded, so every figure is reproducible.
import { DEFAULT_GUARD_CONFIG, evaluateGuard } from '@cutover/guard';
import type { GuardConfig, GuardCriterion, GuardSnapshot } from '@cutover/guard';
import { exponentialBuckets } from 'prom-client';
import { fullCutover } from './guard-full-cutover.js';
import { runLogVolume } from './guard-log-volume.js';
import { runPairedPrecisionSimulations } from './guard-paired-precision.js';
import { seededRandom as random } from './seeded-random.js';
import { scaled } from './smoke.js';
import { percent } from './summary-figures.js';

/** Behaviour of one simulated path. */
interface PathModel {
  readonly errorRate: number;
  /** Median latency in seconds; latencies are log-normal with σ = 0.5 (a typical service tail). */
  readonly median: number;
  readonly successRate: number;
}

/** One scenario: two paths, how traffic reaches them, how often the guard looks. */
interface Scenario {
  readonly legacy: PathModel;
  readonly candidate: PathModel;
  /** Fraction of requests routed to the candidate; undefined = every request runs both (shadow). */
  readonly canary?: number;
  readonly matchRate: number;
  readonly requests: number;
  readonly every: number;
  readonly runs: number;
  readonly buckets: readonly number[];
  readonly config?: GuardConfig;
  readonly seed: number;
}

/** What happened in one run: the first failing look, if any, and the final status. */
interface RunResult {
  /** Candidate calls at the first `degraded` verdict, or null if it never came. */
  readonly tripAt: number | null;
  readonly failed: readonly GuardCriterion[];
  readonly finalStatus: string;
}

const FINE_BUCKETS = exponentialBuckets(0.005, 1.2, 40);
const PROM_DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counters of one path, kept as a Prometheus histogram would keep them. */
class PathCounters {
  calls = 0;
  errors = 0;
  successes = 0;
  readonly perBucket: number[];

  constructor(private readonly bounds: readonly number[]) {
    this.perBucket = new Array<number>(bounds.length + 1).fill(0);
  }

  observe(seconds: number, failed: boolean, succeeded: boolean): void {
    this.calls++;
    if (failed) this.errors++;
    if (succeeded) this.successes++;
    let low = 0;
    let high = this.bounds.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (seconds <= (this.bounds[mid] ?? Infinity)) high = mid;
      else low = mid + 1;
    }
    this.perBucket[low] = (this.perBucket[low] ?? 0) + 1;
  }

  window(share: number | undefined): GuardSnapshot['legacy'] {
    let running = 0;
    const buckets = [...this.bounds, Infinity].map((le, i) => {
      running += this.perBucket[i] ?? 0;
      return { le, count: running };
    });
    return {
      calls: this.calls,
      errors: this.errors,
      latency: { buckets },
      share,
      outcomes: { total: this.calls, successes: this.successes },
    };
  }
}

function simulate(scenario: Scenario): RunResult[] {
  const next = random(scenario.seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const call = (counters: PathCounters, model: PathModel): void => {
    counters.observe(model.median * Math.exp(0.5 * normal()), next() < model.errorRate, next() < model.successRate);
  };
  const config = scenario.config ?? DEFAULT_GUARD_CONFIG;
  const results: RunResult[] = [];
  for (let run = 0; run < scaled(scenario.runs, 2); run++) {
    const legacy = new PathCounters(scenario.buckets);
    const candidate = new PathCounters(scenario.buckets);
    let compared = 0;
    let matches = 0;
    let result: RunResult = { tripAt: null, failed: [], finalStatus: 'insufficient-data' };
    for (let request = 1; request <= scenario.requests; request++) {
      if (scenario.canary === undefined) {
        call(legacy, scenario.legacy);
        call(candidate, scenario.candidate);
        compared++;
        if (next() < scenario.matchRate) matches++;
      } else if (next() < scenario.canary) call(candidate, scenario.candidate);
      else call(legacy, scenario.legacy);
      if (request % scenario.every !== 0) continue;
      const shadow = scenario.canary === undefined;
      const verdict = evaluateGuard(
        {
          windowSeconds: request / 100,
          legacy: legacy.window(shadow ? 1 : 1 - (scenario.canary ?? 0)),
          candidate: candidate.window(shadow ? 1 : scenario.canary),
          comparisons: shadow ? { total: compared, matches } : undefined,
        },
        config,
      );
      result = { tripAt: null, failed: [], finalStatus: verdict.status };
      if (verdict.status === 'degraded') {
        result = { tripAt: candidate.calls, failed: verdict.failed, finalStatus: verdict.status };
        break;
      }
    }
    results.push(result);
  }
  return results;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}


/** Prints a measured figure against its goal; returns whether it is met. */
function goal(label: string, measured: string, ok: boolean, wanted: string): boolean {
  console.log(`  target ${label}: ${measured} (goal ${wanted}) ${ok ? 'PASS' : 'MISS'}`);
  return ok;
}

function tripRate(results: readonly RunResult[], criterion?: GuardCriterion): number {
  const tripped = results.filter((r) => r.tripAt !== null && (criterion === undefined || r.failed.includes(criterion)));
  return tripped.length / results.length;
}

function byCriterion(results: readonly RunResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) for (const c of r.failed) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => `${c} ${n}`).join(', ') || 'none';
}

/** Reports detection: share of runs caught, and candidate calls to the first failing verdict. */
function detection(label: string, results: readonly RunResult[], medianGoal: number, caughtGoal = 1): boolean {
  const trips = results.flatMap((r) => (r.tripAt === null ? [] : [r.tripAt])).sort((a, b) => a - b);
  const median = quantile(trips, 0.5);
  const p95 = quantile(trips, 0.95);
  console.log(`  ${label}: caught in ${percent(trips.length / results.length)} of ${results.length} runs; candidate calls to trip: median ${median}, p95 ${p95}; tripped by ${byCriterion(results)}`);
  return (
    goal(`${label}, caught`, percent(trips.length / results.length), trips.length >= caughtGoal * results.length, `≥ ${percent(caughtGoal)}`) &&
    goal(`${label}, median calls to trip`, String(median), median <= medianGoal, `≤ ${medianGoal}`)
  );
}

const HEALTHY: PathModel = { errorRate: 0.01, median: 0.05, successRate: 0.9 };

/** Runs the simulations and prints their figures; false when a goal is missed. */
export async function run(): Promise<boolean> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const alpha = DEFAULT_GUARD_CONFIG.significance;
  let ok = true;
  console.log(`guard defaults: significance ${alpha} per criterion, minimum sample ${DEFAULT_GUARD_CONFIG.minSample}; shadow runs both paths on every request`);

  const healthy = simulate({
    legacy: HEALTHY, candidate: HEALTHY, matchRate: 0.99, requests: 10_000, every: 100, runs: 2000, buckets: FINE_BUCKETS, seed: 1,
  });
  const falseRate = tripRate(healthy);
  console.log(`\nhealthy candidate (1 % errors, same latency, 99 % match), 2000 runs × 10 000 calls, guard every 100 calls`);
  console.log(`  false rollbacks: ${healthy.filter((r) => r.tripAt !== null).length} of ${healthy.length}; by ${byCriterion(healthy)}; final verdict healthy in ${percent(healthy.filter((r) => r.finalStatus === 'healthy').length / healthy.length)}`);
  ok = goal('false-rollback rate, healthy', percent(falseRate), falseRate <= alpha, `≤ ${percent(alpha)}`) && ok;

  // A candidate sitting exactly at two limits at once: each criterion may trip in at most α of runs.
  const atLimit = simulate({
    legacy: { ...HEALTHY, errorRate: 0.05 }, candidate: { ...HEALTHY, errorRate: 0.05 }, matchRate: 0.95,
    requests: 10_000, every: 100, runs: 500, buckets: FINE_BUCKETS, seed: 2,
  });
  console.log(`\ncandidate exactly at the limits (5 % errors, 95 % match), 500 runs × 10 000 calls, guard every 100 calls`);
  for (const criterion of ['error-rate', 'match-rate'] as const) {
    const rate = tripRate(atLimit, criterion);
    ok = goal(`trip rate at the ${criterion} limit`, percent(rate), rate <= alpha, `≤ ${percent(alpha)}`) && ok;
  }

  console.log(`\nbroken candidate (20 % errors vs legacy's 1 %), 2000 runs, guard every 10 calls`);
  const broken = simulate({
    legacy: HEALTHY, candidate: { ...HEALTHY, errorRate: 0.2 }, matchRate: 0.99, requests: 10_000, every: 10, runs: 2000, buckets: FINE_BUCKETS, seed: 3,
  });
  ok = detection('20 % errors', broken, 2 * DEFAULT_GUARD_CONFIG.minSample) && ok;
  // The relative criterion alone, as when the absolute limit is lifted for a noisy legacy path.
  const relative = simulate({
    legacy: HEALTHY, candidate: { ...HEALTHY, errorRate: 0.2 }, matchRate: 0.99, requests: 10_000, every: 10, runs: 500, buckets: FINE_BUCKETS, seed: 4,
    config: { ...DEFAULT_GUARD_CONFIG, maxErrorRate: 1 },
  });
  ok = detection('20 % errors, error-rate-increase alone', relative, 500) && ok;
  // A moderate failure, twice the absolute limit: the price of never tripping at the limit itself.
  const moderate = simulate({
    legacy: HEALTHY, candidate: { ...HEALTHY, errorRate: 0.1 }, matchRate: 0.99, requests: 10_000, every: 10, runs: 500, buckets: FINE_BUCKETS, seed: 9,
  });
  ok = detection('10 % errors (2× the absolute limit)', moderate, 1000) && ok;

  console.log(`\nslow candidate (2× legacy's latency, p95 ratio 2 vs limit 1.5), guard every 10 calls`);
  const slow = simulate({
    legacy: HEALTHY, candidate: { ...HEALTHY, median: 0.1 }, matchRate: 0.99, requests: 10_000, every: 10, runs: 1000, buckets: FINE_BUCKETS, seed: 5,
  });
  ok = detection('2× slower, buckets ×1.2 apart', slow, 500) && ok;
  const slowCoarse = simulate({
    legacy: HEALTHY, candidate: { ...HEALTHY, median: 0.1 }, matchRate: 0.99, requests: 10_000, every: 100, runs: 100, buckets: PROM_DEFAULT_BUCKETS, seed: 6,
  });
  console.log(`  2× slower, prom-client default buckets (2–2.5× apart): caught in ${percent(tripRate(slowCoarse))} of ${slowCoarse.length} runs (informative: the layout cannot resolve 1.5×)`);

  console.log(`\nlow traffic: canary with 10 % of 2000 requests to the candidate (~200 calls), guard every 20 requests`);
  const lowHealthy = simulate({
    legacy: HEALTHY, candidate: HEALTHY, canary: 0.1, matchRate: 1, requests: 2000, every: 20, runs: 1000, buckets: FINE_BUCKETS, seed: 7,
  });
  const lowFalse = tripRate(lowHealthy);
  console.log(`  healthy: final verdict healthy in ${percent(lowHealthy.filter((r) => r.finalStatus === 'healthy').length / lowHealthy.length)}, false rollbacks by ${byCriterion(lowHealthy)}`);
  ok = goal('false-rollback rate, healthy at low traffic', percent(lowFalse), lowFalse <= alpha, `≤ ${percent(alpha)}`) && ok;
  const lowBroken = simulate({
    legacy: HEALTHY, candidate: { ...HEALTHY, errorRate: 0.2 }, canary: 0.1, matchRate: 1, requests: 2000, every: 20, runs: 1000, buckets: FINE_BUCKETS, seed: 8,
  });
  // A finite window: a few runs never reach the evidence needed, which is the price of no false alarms.
  ok = detection('20 % errors at low traffic', lowBroken, 2 * DEFAULT_GUARD_CONFIG.minSample, 0.99) && ok;

  ok = (await fullCutover()) && ok;
  // Paired tests, the native buckets' latency gate, stages and log volume: their own functions and files.
  ok = runPairedPrecisionSimulations() && ok;
  ok = (await runLogVolume()) && ok;

  console.log(`\n  simulated in ${((performance.now() - started) / 1000).toFixed(1)} s (${(process.cpuUsage(cpu).user / 1e6).toFixed(1)} s of CPU)`);
  return ok;
}
