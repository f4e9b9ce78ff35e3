import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PrometheusQueryError } from './prometheus-query-error.js';
import { PrometheusSource } from './prometheus-source.js';

type Answer = { status: number; body: unknown } | 'hang';

/** A stand-in for Prometheus' HTTP API on loopback: records the queries, answers by metric name. */
async function fakePrometheus(answer: (query: string) => Answer) {
  const queries: { query: string; time: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const query = form.get('query') ?? '';
      queries.push({ query, time: form.get('time') ?? '' });
      const reply = answer(query);
      if (reply === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { url, queries };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const vector = (result: { metric: Record<string, string>; value: number }[]) => ({
  status: 200,
  body: { status: 'success', data: { resultType: 'vector', result: result.map((r) => ({ metric: r.metric, value: [0, String(r.value)] })) } },
});

const histograms = (result: { metric: Record<string, string>; count: number; buckets: [number, string, string, string][] }[]) => ({
  status: 200,
  body: {
    status: 'success',
    data: { resultType: 'vector', result: result.map((r) => ({ metric: r.metric, histogram: [0, { count: String(r.count), sum: '1', buckets: r.buckets }] })) },
  },
});

function fleet(query: string): Answer {
  if (query.includes('cutover_migration_native_duration_seconds')) return vector([]);
  if (query.includes('cutover_migration_calls_total')) {
    return vector([
      { metric: { path: 'legacy', outcome: 'success' }, value: 297.5 },
      { metric: { path: 'legacy', outcome: 'error' }, value: 2.5 },
      { metric: { path: 'candidate', outcome: 'success' }, value: 240 },
      { metric: { path: 'candidate', outcome: 'error' }, value: 60 },
    ]);
  }
  if (query.includes('cutover_migration_paired_latency_ratio_bucket')) {
    return vector([
      { metric: { le: '+Inf' }, value: 238 },
      { metric: { le: '1.2' }, value: 150.5 },
      { metric: { le: '1' }, value: 100 },
    ]);
  }
  if (query.includes('_bucket')) {
    return vector([
      { metric: { path: 'candidate', le: '+Inf' }, value: 300 },
      { metric: { path: 'candidate', le: '0.1' }, value: 290 },
      { metric: { path: 'legacy', le: '0.1' }, value: 300 },
      { metric: { path: 'legacy', le: '+Inf' }, value: 300 },
    ]);
  }
  if (query.includes('cutover_migration_served_total')) {
    return vector([{ metric: { path: 'candidate' }, value: 300 }, { metric: { path: 'legacy' }, value: 0 }]);
  }
  if (query.includes('cutover_migration_outcomes_total')) {
    return vector([
      { metric: { path: 'candidate', result: 'success' }, value: 55.5 },
      { metric: { path: 'candidate', result: 'failure' }, value: 44.5 },
    ]);
  }
  if (query.includes('cutover_migration_paired_calls_total')) {
    return vector([
      { metric: { pair: 'both_ok' }, value: 238 },
      { metric: { pair: 'legacy_error' }, value: 2 },
      { metric: { pair: 'candidate_error' }, value: 59.5 },
      { metric: { pair: 'both_error' }, value: 0.5 },
    ]);
  }
  if (query.includes('cutover_migration_stage')) return vector([{ metric: { stage: 'shadow' }, value: 1 }, { metric: { stage: 'off' }, value: 0 }]);
  return vector([{ metric: { result: 'match' }, value: 280 }, { metric: { result: 'mismatch' }, value: 20 }]);
}

describe(PrometheusSource.name, () => {
  describe('queries', () => {
    it('sums increase() over the fleet for the time since the window started, at one instant', async () => {
      const prometheus = await fakePrometheus(fleet);
      let now = 1_700_000_000_000;
      const source = new PrometheusSource({ url: prometheus.url, flagKey: 'search "v2"', now: () => now });
      now += 41_200;
      const snapshot = await source.snapshot();
      expect(prometheus.queries.map((q) => q.query).sort()).toEqual([
        'max by (stage) (max_over_time(cutover_migration_stage{feature_flag_key="search \\"v2\\""}[42s]))',
        'sum by (le) (increase(cutover_migration_paired_latency_ratio_bucket{feature_flag_key="search \\"v2\\""}[42s]))',
        'sum by (pair) (increase(cutover_migration_paired_calls_total{feature_flag_key="search \\"v2\\""}[42s]))',
        'sum by (path) (increase(cutover_migration_native_duration_seconds{feature_flag_key="search \\"v2\\""}[42s]))',
        'sum by (path) (increase(cutover_migration_served_total{feature_flag_key="search \\"v2\\""}[42s]))',
        'sum by (path, le) (increase(cutover_migration_duration_seconds_bucket{feature_flag_key="search \\"v2\\""}[42s]))',
        'sum by (path, outcome) (increase(cutover_migration_calls_total{feature_flag_key="search \\"v2\\""}[42s]))',
        'sum by (path, result) (increase(cutover_migration_outcomes_total{feature_flag_key="search \\"v2\\""}[42s]))',
        'sum by (result) (increase(cutover_migration_comparisons_total{feature_flag_key="search \\"v2\\""}[42s]))',
      ]);
      expect(snapshot.pairs).toEqual({
        total: 300,
        legacyOnlyErrors: 2,
        candidateOnlyErrors: 59.5,
        latencyRatio: [{ le: 1, count: 100 }, { le: 1.2, count: 150.5 }, { le: Infinity, count: 238 }],
      });
      expect(snapshot.stages).toEqual(['shadow']);
      expect(new Set(prometheus.queries.map((q) => q.time))).toEqual(new Set(['1700000041.200']));
      expect(snapshot.windowSeconds).toBe(42);
      expect(snapshot.legacy).toMatchObject({ calls: 300, errors: 2.5, share: 1 });
      expect(snapshot.candidate).toMatchObject({ calls: 300, errors: 60 });
      expect(snapshot.candidate.latency.buckets).toEqual([{ le: 0.1, count: 290 }, { le: Infinity, count: 300 }]);
      expect(snapshot.comparisons).toEqual({ total: 300, matches: 280 });
    });

    it('reads business outcomes per path and the share of callers the candidate answered', async () => {
      const prometheus = await fakePrometheus(fleet);
      const snapshot = await new PrometheusSource({ url: prometheus.url, flagKey: 'search' }).snapshot();
      expect(snapshot.candidate.outcomes).toEqual({ total: 100, successes: 55.5 });
      expect(snapshot.legacy.outcomes).toBeUndefined();
      expect(snapshot.exposure).toBe(1);
    });

    it('has the classic buckets alone when Prometheus holds no native histograms', async () => {
      const prometheus = await fakePrometheus(fleet);
      const snapshot = await new PrometheusSource({ url: prometheus.url, flagKey: 'search' }).snapshot();
      expect(snapshot.candidate.latency.precise).toBeUndefined();
      expect(snapshot.legacy.latency.precise).toBeUndefined();
    });

    it("reads the native histograms of both paths as the latency's precise buckets", async () => {
      // Schema 5: bucket (2^(-107/32), 2^(-106/32)] is about (98.4 ms, 100.6 ms].
      const lower = String(2 ** (-107 / 32));
      const upper = String(2 ** (-106 / 32));
      const next = String(2 ** (-105 / 32));
      const zero = String(2 ** -20);
      const prometheus = await fakePrometheus((query) =>
        query.includes('cutover_migration_native_duration_seconds')
          ? histograms([
              { metric: { path: 'candidate' }, count: 300.5, buckets: [[0, upper, next, '100.5'], [0, lower, upper, '200']] },
              { metric: { path: 'legacy' }, count: 300, buckets: [[3, `-${zero}`, zero, '1'], [0, lower, upper, '299']] },
            ])
          : fleet(query),
      );
      const snapshot = await new PrometheusSource({ url: prometheus.url, flagKey: 'search' }).snapshot();
      expect(snapshot.candidate.latency.precise).toEqual([
        { le: 2 ** (-107 / 32), count: 0 },
        { le: 2 ** (-106 / 32), count: 200 },
        { le: 2 ** (-105 / 32), count: 300.5 },
        { le: 4096, count: 300.5 },
        { le: Infinity, count: 300.5 },
      ]);
      // The zero bucket ends at the zero threshold; no lower edge below it. The empty buckets after it
      // are left out by PromQL: the next bucket's lower edge keeps the quantile from interpolating across them.
      expect(snapshot.legacy.latency.precise).toEqual([
        { le: 2 ** -20, count: 1 },
        { le: 2 ** (-107 / 32), count: 1 },
        { le: 2 ** (-106 / 32), count: 300 },
        { le: 4096, count: 300 },
        { le: Infinity, count: 300 },
      ]);
      // The classic buckets are still there for whatever reads them.
      expect(snapshot.candidate.latency.buckets).toEqual([{ le: 0.1, count: 290 }, { le: Infinity, count: 300 }]);
    });

    it('keeps the classic buckets when only one path has native histograms', async () => {
      const prometheus = await fakePrometheus((query) =>
        query.includes('cutover_migration_native_duration_seconds') ? histograms([{ metric: { path: 'legacy' }, count: 1, buckets: [[0, '0.5', '0.51', '1']] }]) : fleet(query),
      );
      const snapshot = await new PrometheusSource({ url: prometheus.url, flagKey: 'search' }).snapshot();
      expect(snapshot.legacy.latency.precise).toBeUndefined();
    });

    it('gives an empty window when Prometheus has no samples yet', async () => {
      const prometheus = await fakePrometheus(() => vector([]));
      const snapshot = await new PrometheusSource({ url: prometheus.url, flagKey: 'search' }).snapshot();
      expect(snapshot.candidate).toMatchObject({ calls: 0, errors: 0 });
      expect(snapshot.comparisons).toBeUndefined();
    });
  });

  describe('errors', () => {
    it('names the server, the query and the PromQL error', async () => {
      const prometheus = await fakePrometheus(() => ({ status: 400, body: { status: 'error', errorType: 'bad_data', error: 'parse error' } }));
      const failure = new PrometheusSource({ url: prometheus.url, flagKey: 'search' }).snapshot();
      await expect(failure).rejects.toThrow(PrometheusQueryError);
      await expect(failure).rejects.toThrow(/Prometheus at http:\/\/127\.0\.0\.1:\d+, query .*: HTTP 400, bad_data: parse error/);
    });

    it('names the server and the query when a native histogram is malformed', async () => {
      for (const histogram of [{ count: '1', sum: '1', buckets: 'nope' }, { count: '1', sum: '1', buckets: [null] }, { count: '1', sum: '1', buckets: [[0, '1']] }]) {
        const prometheus = await fakePrometheus((query) =>
          query.includes('cutover_migration_native_duration_seconds')
            ? { status: 200, body: { status: 'success', data: { resultType: 'vector', result: [{ metric: { path: 'legacy' }, histogram: [0, histogram] }] } } }
            : fleet(query),
        );
        const failure = new PrometheusSource({ url: prometheus.url, flagKey: 'search' }).snapshot();
        await expect(failure).rejects.toThrow(PrometheusQueryError);
        await expect(failure).rejects.toThrow(/Prometheus at http:\/\/127\.0\.0\.1:\d+, query .*cutover_migration_native_duration_seconds.*: a native histogram/);
      }
    });

    it('gives up after the timeout', async () => {
      const prometheus = await fakePrometheus(() => 'hang');
      const failure = new PrometheusSource({ url: prometheus.url, flagKey: 'search', timeoutMs: 100 }).snapshot();
      await expect(failure).rejects.toThrow(/no answer within 100 ms/);
    });

    it('refuses an unusable URL or timeout, naming the option', () => {
      expect(() => new PrometheusSource({ url: 'prometheus:9090', flagKey: 'search' })).toThrow(/^PrometheusSource option "url": expected the http\(s\) URL/);
      expect(() => new PrometheusSource({ url: 'http://127.0.0.1:9090', flagKey: 'search', timeoutMs: 0 })).toThrow(/^PrometheusSource option "timeoutMs": expected a positive number/);
    });

    it('says so when nothing listens', async () => {
      const prometheus = await fakePrometheus(fleet);
      for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
      await expect(new PrometheusSource({ url: prometheus.url, flagKey: 'search' }).snapshot()).rejects.toThrow(/unreachable \(ECONNREFUSED\)/);
    });
  });
});
