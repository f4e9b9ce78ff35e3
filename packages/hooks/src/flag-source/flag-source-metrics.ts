import type { CutoverProvider } from '@cutover/provider';
import type { Gauge, Registry } from 'prom-client';
import { MIGRATION_LABELS, MIGRATION_METRICS } from '../conventions.js';
import { registerMetric } from '../metrics/register-metric.js';

/** What {@link FlagSourceMetrics} needs of a provider: its remote layer and which files it rejected. */
export type FlagSourceProvider = Pick<CutoverProvider, 'config' | 'getFileStatus'>;

/**
 * `cutover_flag_source_stale{source}`, read at scrape time: `flagd` is 1 while
 * the remote layer is unavailable and the files answer in its place; `files`
 * is 1 while a rejected flag-file edit leaves the last good flags serving.
 * The `CutoverFlagSourceStale` alert reads it. Providers sharing a registry
 * add up: the value is how many of them find that source stale.
 */
export class FlagSourceMetrics {
  private readonly gauge: Gauge;

  constructor(options: { readonly registry: Registry; readonly provider: FlagSourceProvider }) {
    const { provider } = options;
    this.gauge = registerMetric(options.registry, 'gauge', {
      name: MIGRATION_METRICS.sourceStale,
      help: 'Whether a flag source is stale: 1 while older data answers in its place.',
      labelNames: [MIGRATION_LABELS.source],
      collect(gauge) {
        const remote = provider.config.remote;
        if (remote) gauge.inc({ [MIGRATION_LABELS.source]: 'flagd' }, remote.available === false ? 1 : 0);
        gauge.inc({ [MIGRATION_LABELS.source]: 'files' }, provider.getFileStatus().broken.length > 0 ? 1 : 0);
      },
    });
  }

  /** The values the next scrape will read, by source. */
  async values(): Promise<Record<string, number>> {
    const { values } = await this.gauge.get();
    return Object.fromEntries(values.map((v) => [String(v.labels[MIGRATION_LABELS.source]), v.value]));
  }
}
