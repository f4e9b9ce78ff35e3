import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MigrationMetrics } from '@cutover/hooks';
import { LocalRegistrySource } from './local-registry-source.js';
import { StoreComparisonSource } from './store-comparison-source.js';
import type { ComparisonCountsReader, StoredComparisonCounts } from './store-comparison-source.js';

interface StoredRecord {
  readonly at: number;
  readonly flagKey: string;
  readonly outcome: 'match' | 'mismatch' | 'error';
  readonly ignored?: boolean;
}

/** The summary a store computes, over records kept in memory. */
class RecordedStore implements ComparisonCountsReader {
  readonly records: StoredRecord[] = [];
  readonly ranges: { from?: Date; flagKey?: string }[] = [];

  getSummary(range: { from?: Date; flagKey?: string }): Promise<StoredComparisonCounts> {
    this.ranges.push(range);
    const inRange = this.records.filter((r) => (range.from === undefined || r.at >= range.from.getTime()) && (range.flagKey === undefined || r.flagKey === range.flagKey));
    const count = (test: (r: StoredRecord) => boolean): number => inRange.filter(test).length;
    return Promise.resolve({ total: inRange.length, matches: count((r) => r.outcome === 'match'), mismatches: count((r) => r.outcome === 'mismatch'), ignored: count((r) => r.ignored === true) });
  }
}

describe(StoreComparisonSource.name, () => {
  const setup = () => {
    let now = 1_000_000;
    const metrics = new MigrationMetrics({ registry: new Registry() });
    const clock = () => now;
    const store = new RecordedStore();
    const source = new StoreComparisonSource({ paths: new LocalRegistrySource({ metrics, flagKey: 'search', now: clock }), store, flagKey: 'search', now: clock });
    return { metrics, store, source, advance: (ms: number) => (now += ms), at: () => now };
  };

  it('judges the comparisons the store holds for the flag since the window started, and the paths on the other source', async () => {
    const { metrics, store, source, advance, at } = setup();
    store.records.push({ at: at() - 1, flagKey: 'search', outcome: 'mismatch' });
    // Other instances' comparisons, as a shared store holds them; this process recorded none.
    store.records.push(
      { at: at(), flagKey: 'search', outcome: 'match' },
      { at: at() + 5, flagKey: 'search', outcome: 'match', ignored: true },
      { at: at() + 10, flagKey: 'search', outcome: 'mismatch' },
      { at: at() + 20, flagKey: 'search', outcome: 'error' },
      { at: at() + 20, flagKey: 'other', outcome: 'mismatch' },
    );
    metrics.recordCall('search', 'candidate', 'success', 0.01);
    advance(30_000);
    const snapshot = await source.snapshot();
    expect(snapshot.comparisons).toEqual({ total: 2, matches: 1 });
    expect(snapshot.candidate.calls).toBe(1);
    expect(snapshot.windowSeconds).toBe(30);
    expect(store.ranges.at(-1)).toEqual({ from: new Date(at() - 30_000), flagKey: 'search' });
  });

  it('restarts both windows together', async () => {
    const { metrics, store, source, advance, at } = setup();
    store.records.push({ at: at(), flagKey: 'search', outcome: 'mismatch' });
    metrics.recordCall('search', 'legacy', 'success', 0.01);
    advance(1000);
    source.startWindow();
    store.records.push({ at: at(), flagKey: 'search', outcome: 'match' });
    const snapshot = await source.snapshot();
    expect(snapshot.comparisons).toEqual({ total: 1, matches: 1 });
    expect(snapshot.legacy.calls).toBe(0);
  });

  it('has no comparisons when the store holds none, whatever this process compared', async () => {
    const { metrics, source } = setup();
    metrics.observe({ type: 'comparison', flagKey: 'search', stage: 'shadow', outcome: 'mismatch', ignored: false, differences: [], noisy: [], legacyMs: 1, candidateMs: 1 });
    expect((await source.snapshot()).comparisons).toBeUndefined();
    expect(source.description).toMatch(/local registry, flag "search"; comparisons from the comparison store/);
  });

  it('keeps judging on the paths source, its comparison counters included, while the store cannot be read, and counts each failure', async () => {
    const metrics = new MigrationMetrics({ registry: new Registry() });
    const store: ComparisonCountsReader = { getSummary: () => Promise.reject(new Error('connection refused')) };
    const warnings: string[] = [];
    const source = new StoreComparisonSource({ paths: new LocalRegistrySource({ metrics, flagKey: 'search' }), store, flagKey: 'search', logger: { warn: (message: string) => void warnings.push(message) } });
    metrics.recordCall('search', 'candidate', 'error', 0.01);
    metrics.observe({ type: 'comparison', flagKey: 'search', stage: 'shadow', outcome: 'mismatch', ignored: false, differences: [], noisy: [], legacyMs: 1, candidateMs: 1 });
    const snapshot = await source.snapshot();
    expect(snapshot.candidate).toMatchObject({ calls: 1, errors: 1 });
    expect(snapshot.comparisons).toEqual({ total: 1, matches: 0 });
    expect(source.storeFailures).toBe(1);
    expect(warnings).toEqual([expect.stringMatching(/"search": the comparison store cannot be read \(1 so far\), judging the match rate on local registry, flag "search": connection refused/)]);
  });

  it('rejects when the paths source cannot be read, as any source', async () => {
    const store = new RecordedStore();
    const paths = { description: 'down', startWindow: () => undefined, snapshot: () => Promise.reject(new Error('prometheus unreachable')) };
    await expect(new StoreComparisonSource({ paths, store, flagKey: 'search' }).snapshot()).rejects.toThrow('prometheus unreachable');
  });
});
