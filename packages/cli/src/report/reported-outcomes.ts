import { queryPrometheus } from '@cutover/guard';
import { MIGRATION_LABELS, OUTCOME_LABELS, OUTCOME_METRICS } from '@cutover/hooks';
import type { OutcomeTotals } from '@cutover/hooks';

/** One migration's business outcomes over a range, per path and per event name. */
export interface ReportedOutcomes {
  readonly legacy: OutcomeTotals;
  readonly candidate: OutcomeTotals;
  /** By event name (`pr_accepted`), then path. */
  readonly events: Readonly<Record<string, { readonly legacy: OutcomeTotals; readonly candidate: OutcomeTotals }>>;
}

/** Where and over what the outcomes are read. */
export interface ReportedOutcomesQuery {
  /** Base URL of the Prometheus server. */
  readonly url: string;
  /** The range, in seconds back from `at`. */
  readonly seconds: number;
  /** Only this migration. */
  readonly flagKey?: string;
  /** The end of the range, in milliseconds since the epoch. @default Date.now() */
  readonly at?: number;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

const { key, path, result } = MIGRATION_LABELS;
const zero = (): OutcomeTotals => ({ success: 0, failure: 0 });

/**
 * The business outcomes every instance reported through the Tracking API,
 * summed over the fleet with `increase()` across the range, by migration.
 * @throws {PrometheusQueryError} when Prometheus cannot be read
 */
export async function reportedOutcomes(query: ReportedOutcomesQuery): Promise<Map<string, ReportedOutcomes>> {
  const at = query.at ?? Date.now();
  const selector = query.flagKey === undefined ? '' : `{${key}=${JSON.stringify(query.flagKey)}}`;
  const promql = `sum by (${key}, ${path}, ${OUTCOME_LABELS.event}, ${result}) (increase(${OUTCOME_METRICS.outcomes}${selector}[${Math.max(1, Math.ceil(query.seconds))}s]))`;
  const samples = await queryPrometheus({ url: query.url, timeoutMs: 10_000, fetch: query.fetch ?? globalThis.fetch }, promql, at / 1000);
  const byFlag = new Map<string, { legacy: OutcomeTotals; candidate: OutcomeTotals; events: Record<string, { legacy: OutcomeTotals; candidate: OutcomeTotals }> }>();
  for (const { labels, value } of samples) {
    const flag = labels[key];
    const side = labels[path];
    const outcome = labels[result];
    if (flag === undefined || (side !== 'legacy' && side !== 'candidate') || (outcome !== 'success' && outcome !== 'failure') || !Number.isFinite(value)) continue;
    let entry = byFlag.get(flag);
    if (!entry) byFlag.set(flag, (entry = { legacy: zero(), candidate: zero(), events: Object.create(null) as Record<string, { legacy: OutcomeTotals; candidate: OutcomeTotals }> }));
    const event = labels[OUTCOME_LABELS.event] ?? '';
    entry.events[event] ??= { legacy: zero(), candidate: zero() };
    entry.events[event][side][outcome] += value;
    entry[side][outcome] += value;
  }
  return byFlag;
}
