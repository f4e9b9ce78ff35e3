import { PrometheusQueryError } from './prometheus-query-error.js';

/** One bucket of a native histogram as the HTTP API gives it. */
export interface PrometheusNativeBucket {
  /** Which ends belong to the bucket: 0 open left, 1 open right, 2 open both, 3 closed both (the zero bucket). */
  readonly boundaryRule: number;
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

/** A native histogram sample: its count, sum and occupied buckets. */
export interface PrometheusNativeHistogram {
  readonly count: number;
  readonly sum: number;
  readonly buckets: readonly PrometheusNativeBucket[];
}

/** One series of an instant vector: its labels and its value (NaN for a native histogram, given in `histogram`). */
export interface PrometheusSample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
  /** The sample's native histogram, when the series holds native histograms. */
  readonly histogram?: PrometheusNativeHistogram;
}

type ApiHistogram = { count?: string; sum?: string; buckets?: [number, string, string, string][] };
type ApiSeries = { metric?: Record<string, string>; value?: [number, string]; histogram?: [number, ApiHistogram] };

/** How to reach Prometheus. */
export interface PrometheusQueryTarget {
  /** Base URL of the server, e.g. `http://prometheus:9090`. */
  readonly url: string;
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** The fetch implementation. */
  readonly fetch: typeof fetch;
}

interface ApiAnswer {
  status?: string;
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: (ApiSeries | null)[] };
}

/**
 * Runs an instant PromQL query at `time` (seconds) through the HTTP API
 * (`/api/v1/query`) and returns the vector's samples.
 * @throws {PrometheusQueryError} naming the server, the query and what went wrong
 */
export async function queryPrometheus(target: PrometheusQueryTarget, query: string, time: number): Promise<PrometheusSample[]> {
  const endpoint = new URL('api/v1/query', target.url.endsWith('/') ? target.url : `${target.url}/`);
  const where = `Prometheus at ${target.url}, query ${query}`;
  let response: Response;
  try {
    response = await target.fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query, time: time.toFixed(3) }),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error)?.name === 'TimeoutError';
    const why = timedOut ? `no answer within ${target.timeoutMs} ms` : `unreachable (${describe(error)})`;
    throw new PrometheusQueryError(`${where}: ${why}`, { cause: error });
  }
  const text = await response.text().catch(() => '');
  let answer: ApiAnswer | undefined;
  try {
    answer = JSON.parse(text) as ApiAnswer;
  } catch {
    answer = undefined;
  }
  if (!response.ok || answer?.status !== 'success') {
    const detail = answer?.error ? `${answer.errorType ?? 'error'}: ${answer.error}` : text.slice(0, 200) || 'empty body';
    throw new PrometheusQueryError(`${where}: HTTP ${response.status}, ${detail}`);
  }
  if (answer.data?.resultType !== 'vector') {
    throw new PrometheusQueryError(`${where}: expected an instant vector, got ${answer.data?.resultType ?? 'nothing'}`);
  }
  const result: unknown = answer.data.result ?? [];
  if (!Array.isArray(result)) throw new PrometheusQueryError(`${where}: the vector's result is not a list`);
  return (result as (ApiSeries | null)[]).map((series) => {
    const labels = series?.metric ?? {};
    const histogram = series?.histogram?.[1];
    return histogram ? { labels, value: NaN, histogram: nativeHistogramOf(histogram, where) } : { labels, value: Number(series?.value?.[1]) };
  });
}

function nativeHistogramOf(histogram: ApiHistogram, where: string): PrometheusNativeHistogram {
  const buckets: unknown = histogram.buckets ?? [];
  if (!Array.isArray(buckets)) throw new PrometheusQueryError(`${where}: a native histogram's buckets are not a list`);
  return {
    count: Number(histogram.count),
    sum: Number(histogram.sum),
    buckets: buckets.map((bucket: unknown) => {
      if (!Array.isArray(bucket) || bucket.length < 4) throw new PrometheusQueryError(`${where}: a native histogram bucket is not [rule, lower, upper, count]: ${JSON.stringify(bucket)}`);
      const [boundaryRule, lower, upper, count] = bucket as [unknown, unknown, unknown, unknown];
      return { boundaryRule: Number(boundaryRule), lower: Number(lower), upper: Number(upper), count: Number(count) };
    }),
  };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
