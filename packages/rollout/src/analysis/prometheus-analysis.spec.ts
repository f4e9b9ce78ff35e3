import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ComparisonCountsReader, StoredComparisonCounts } from '@cutover/guard';
import { afterEach, describe, expect, it } from 'vitest';
import { prometheusAnalysis } from './prometheus-analysis.js';

/** A Prometheus that has seen no calls of the flag: every instant query answers an empty vector. */
async function emptyPrometheus(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The fleet's store: fixed counts, and the ranges it was asked for. */
class FleetStore implements ComparisonCountsReader {
  readonly ranges: { from?: Date; flagKey?: string }[] = [];
  getSummary(range: { from?: Date; flagKey?: string }): Promise<StoredComparisonCounts> {
    this.ranges.push(range);
    return Promise.resolve({ total: 400, matches: 300, mismatches: 100, ignored: 0 });
  }
}

describe(prometheusAnalysis.name, () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('judges the match rate on the comparison store\'s records since the step began, when given one', async () => {
    const prometheus = await emptyPrometheus();
    server = prometheus.server;
    const now = 10_000_000;
    const store = new FleetStore();
    const analysis = prometheusAnalysis({ url: prometheus.url, flagKey: 'search', comparisons: store, now: () => now });
    analysis.startWindow(now - 60_000);
    const verdict = await analysis.evaluate();
    expect(store.ranges).toEqual([{ from: new Date(now - 60_000), flagKey: 'search' }]);
    expect(verdict.checks.find((c) => c.criterion === 'match-rate')).toMatchObject({ status: 'fail', observed: 0.75, sample: { candidate: 400 } });
    expect(analysis.description).toMatch(/comparisons from the comparison store/);
  });
});
