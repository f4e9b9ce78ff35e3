// Native histograms over a fleet: two service processes serve /metrics (text,
// classic buckets) and /metrics/native (protobuf, native histograms); a real
// Prometheus (the Debian package) started with
// --enable-feature=native-histograms scrapes both every second. The
// candidate of a canary split is 30 % slower; PrometheusSource reads the
// fleet and the guard judges latency against a 1.2× gate on the native
// buckets, 2.2 % apart, where the classic ones, 1.2× apart, round the
// threshold up too far to see it. One instance then widens its series (more
// buckets than it may write), and the window across the change still reads.
// Without prometheus on PATH (or PROMETHEUS) the suite is skipped locally and fails in CI.
import { evaluateGuard, PrometheusSource, queryPrometheus, resolveGuardConfig } from '@cutover/guard';
import type { GuardCheck, GuardSnapshot } from '@cutover/guard';
import { MIGRATION_METRICS } from '@cutover/hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildService } from './support/child-service.js';
import type { ChildService } from './support/child-service.js';
import { startPrometheus } from './support/prometheus-server.js';
import type { PrometheusServer } from './support/prometheus-server.js';
import { findBinary } from './support/require-binary.js';
import { until } from './support/until.js';

const prometheusBinary = findBinary('prometheus', { envVar: 'PROMETHEUS' });
const FLAG = 'checkout.pricing';
const CALLS = 2000;

let services: ChildService[] = [];
let prometheus: PrometheusServer | undefined;

/** The latency check of a verdict on `snapshot` against a 1.2× gate. */
function latencyCheck(snapshot: GuardSnapshot): GuardCheck {
  return evaluateGuard(snapshot, resolveGuardConfig({ maxLatencyRatio: 1.2 })).checks.find((c) => c.criterion === 'latency')!;
}

/** The same window with the classic buckets alone, as a fleet without native histograms has it. */
function classicOnly(snapshot: GuardSnapshot): GuardSnapshot {
  const { legacy, candidate } = snapshot;
  return { ...snapshot, legacy: { ...legacy, latency: { buckets: legacy.latency.buckets } }, candidate: { ...candidate, latency: { buckets: candidate.latency.buckets } } };
}

const rounding = (check: GuardCheck): number => (check.details.bucketBound as number) / (check.details.thresholdSeconds as number);

describe.skipIf(!prometheusBinary)('native histograms over a fleet through Prometheus', () => {
  beforeAll(async () => {
    services = await Promise.all([0, 1].map(() => startChildService('test/support/native-latency-service.ts', { NATIVE_FLAG_KEY: FLAG, NATIVE_CALLS: String(CALLS) }, 60_000)));
    prometheus = await startPrometheus(prometheusBinary!, services.map((s) => `127.0.0.1:${s.port}`), { nativeHistograms: true });
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await prometheus?.stop();
  });

  it('stores native histograms of every call, and the guard catches a 30 % slower candidate at a 1.2× gate on them', async () => {
    const target = { url: prometheus!.url, timeoutMs: 2000, fetch };
    const series = `${MIGRATION_METRICS.nativeDuration}{feature_flag_key="${FLAG}"}`;
    // Both jobs up on both instances, and the four native series (two instances, two paths) stored at 0.
    await until('both scrape jobs up', async () => ((await prometheus!.query('count(up == 1)'))[0]?.value[1] === '4' ? true : undefined), 20_000);
    await until('native series stored', async () => ((await queryPrometheus(target, series, Date.now() / 1000)).filter((s) => s.histogram).length === 4 ? true : undefined), 20_000);
    const source = new PrometheusSource({ url: prometheus!.url, flagKey: FLAG, timeoutMs: 2000 });
    // A scrape at 0 inside the window, then the traffic.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const made = await Promise.all(services.map(async (s) => ((await (await fetch(`http://127.0.0.1:${s.port}/traffic`, { method: 'POST' })).json()) as { calls: number }).calls));
    expect(made).toEqual([CALLS, CALLS]);

    // Prometheus stored native histograms (the API answers `histogram`), each counting every call its instance made.
    const stored = await until('every call scraped', async () => {
      const samples = await queryPrometheus(target, series, Date.now() / 1000);
      return samples.length === 4 && samples.every((s) => s.histogram?.count === CALLS) ? samples : undefined;
    }, 20_000);
    for (const sample of stored) {
      expect(Number.isNaN(sample.value)).toBe(true);
      expect(sample.histogram!.buckets.length).toBeGreaterThan(20);
    }
    // A second scrape after the last calls, so increase() sees them all in one window.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const snapshot = await source.snapshot();
    expect(snapshot.candidate.latency.precise).toBeDefined();
    expect(snapshot.legacy.latency.precise).toBeDefined();
    const native = latencyCheck(snapshot);
    const classic = latencyCheck(classicOnly(snapshot));
    console.log(
      `fleet-native-histograms: ${snapshot.candidate.calls.toFixed(0)} candidate calls over ${snapshot.windowSeconds} s; ` +
        `native: threshold ${(native.details.thresholdSeconds as number * 1000).toFixed(2)} ms, bound ×${rounding(native).toFixed(4)}, ${native.status}; ` +
        `classic: threshold ${(classic.details.thresholdSeconds as number * 1000).toFixed(2)} ms, bound ×${rounding(classic).toFixed(4)}, ${classic.status}`,
    );
    // On the native buckets the threshold is rounded up by less than one bucket (2^(1/32) ≈ 1.022) and the slowdown is seen.
    expect(rounding(native)).toBeGreaterThanOrEqual(1);
    expect(rounding(native)).toBeLessThan(2 ** (1 / 32));
    expect(native.status).toBe('fail');
    expect(native.details.candidateAbove as number).toBeGreaterThan(0.1 * snapshot.candidate.calls);
    // The classic buckets alone round it up far enough that no candidate call lies above the bound.
    expect(rounding(classic)).toBeGreaterThan(rounding(native));
    expect(classic.status).not.toBe('fail');
  });

  it('reads a window in which one instance widened its series: Prometheus adds the two resolutions at the coarser one, and every call is counted', async () => {
    const target = { url: prometheus!.url, timeoutMs: 2000, fetch };
    const series = `${MIGRATION_METRICS.nativeDuration}{feature_flag_key="${FLAG}", path="candidate"}`;
    const schemaOf = (upper: number[]): number => Math.round(-Math.log2(Math.log2(upper[1]! / upper[0]!)));
    const [wide, narrow] = services;
    const instance = (service: ChildService) => `127.0.0.1:${service.port}`;
    const source = new PrometheusSource({ url: prometheus!.url, flagKey: FLAG, timeoutMs: 2000 });
    // A scrape inside the window before the calls, then more traffic on one instance and a spread of durations on the other.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const post = async (service: ChildService, action: string): Promise<number> =>
      ((await (await fetch(`http://127.0.0.1:${service.port}/${action}`, { method: 'POST' })).json()) as { calls: number }).calls;
    const [calls, spread] = await Promise.all([post(narrow!, 'traffic'), post(wide!, 'spread')]);
    // The widened instance's series is stored at a lower schema from its next scrape on; the other stays at schema 5.
    const stored = await until('both instances scraped', async () => {
      const samples = await queryPrometheus(target, series, Date.now() / 1000);
      const count = (service: ChildService) => samples.find((s) => s.labels.instance === instance(service))?.histogram?.count;
      return count(wide!) === CALLS + spread && count(narrow!) === CALLS + calls ? samples : undefined;
    }, 20_000);
    const schemas = new Map(stored.map((s) => [s.labels.instance, schemaOf(s.histogram!.buckets.map((b) => b.upper).filter((u) => u > 0.001))]));
    expect(schemas.get(instance(narrow!))).toBe(5);
    const widenedSchema = schemas.get(instance(wide!))!;
    expect(widenedSchema).toBeLessThan(5);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // The window spans the change on one instance and sums both: its buckets come at the coarser schema.
    const snapshot = await source.snapshot();
    const precise = snapshot.candidate.latency.precise!;
    expect(precise).toBeDefined();
    expect(schemaOf(precise.map((b) => b.le).filter((le) => le > 0.002 && le < 4))).toBe(widenedSchema);
    // Every call of the window is counted, and none twice: increase() extrapolates to the window's edges, by at most 5/3 here.
    const counted = precise.at(-1)!.count;
    expect(counted).toBeGreaterThanOrEqual(calls + spread);
    expect(counted).toBeLessThan(1.8 * (calls + spread));
    const check = latencyCheck(snapshot);
    expect(check.status).toBe('fail');
    expect(rounding(check)).toBeLessThan(2 ** (2 ** -widenedSchema));
  });
});
