import { describe, expect, it } from 'vitest';
import { ComparisonRecordsSource, comparisonRecordsAnalysis } from './comparison-records-analysis.js';
import type { ComparisonRecordReader } from './comparison-records-analysis.js';

interface Stored {
  readonly at: number;
  readonly outcome: string;
  readonly legacy: { status: string; durationMs: number };
  readonly candidate: { status: string; durationMs: number };
}

// A store of records in memory, filtered by time as the file and PostgreSQL stores filter them.
function storeOf(records: readonly Stored[]): ComparisonRecordReader & { readonly asked: Date[] } {
  const asked: Date[] = [];
  return {
    asked,
    async *records(range) {
      asked.push(range.from!);
      for (const record of records) if (record.at >= range.from!.getTime()) yield record;
    },
  };
}

const ok = (ms: number) => ({ status: 'ok', durationMs: ms });
const failed = { status: 'error', durationMs: 5 };

describe(ComparisonRecordsSource.name, () => {
  it('counts one call of each path per record, their errors, latencies and matches, since the window began', async () => {
    let now = 10_000;
    const store = storeOf([
      { at: 1_000, outcome: 'mismatch', legacy: ok(10), candidate: failed },
      { at: 6_000, outcome: 'match', legacy: ok(10), candidate: ok(20) },
      { at: 7_000, outcome: 'mismatch', legacy: ok(10), candidate: failed },
      { at: 8_000, outcome: 'error', legacy: ok(10), candidate: ok(3000) },
    ]);
    const source = new ComparisonRecordsSource({ store, location: '.cutover/comparisons', flagKey: 'nutribot.food-detection', now: () => now });
    source.startWindow(5_000);
    const snapshot = await source.snapshot();
    expect(snapshot.windowSeconds).toBe(5);
    expect(snapshot.legacy).toMatchObject({ calls: 3, errors: 0 });
    expect(snapshot.candidate).toMatchObject({ calls: 3, errors: 1 });
    expect(snapshot.comparisons).toEqual({ total: 2, matches: 1 });
    expect(snapshot.candidate.share).toBeUndefined();
    const buckets = snapshot.candidate.latency.buckets;
    expect(buckets.at(-1)).toEqual({ le: Infinity, count: 3 });
    expect(buckets.find((bucket) => bucket.le >= 0.02)!.count).toBe(2);
    now = 20_000;
    expect((await source.snapshot()).windowSeconds).toBe(15);
    expect(source.description).toBe('comparison store .cutover/comparisons, flag "nutribot.food-detection"');
  });
});

describe(comparisonRecordsAnalysis.name, () => {
  it('starts a step\'s window when its split took effect, never in the future, and judges it with the guard', async () => {
    const store = storeOf([]);
    const analysis = comparisonRecordsAnalysis({ store, location: 'x', flagKey: 'f', now: () => 50_000 });
    analysis.startWindow(40_000);
    expect((await analysis.evaluate()).status).toBe('insufficient-data');
    analysis.startWindow(90_000);
    await analysis.evaluate();
    expect(store.asked.map((date) => date.getTime())).toEqual([40_000, 50_000]);
  });
});
