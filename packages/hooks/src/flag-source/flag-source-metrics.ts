import type { CutoverProvider } from '@cutover/provider';
import { Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import { MIGRATION_LABELS, MIGRATION_METRICS } from '../conventions.js';

/** What {@link FlagSourceMetrics} needs of a provider: its remote layer and which files it rejected. */
export type FlagSourceProvider = Pick<CutoverProvider, 'config' | 'getFileStatus'>;

/**
 * `cutover_flag_source_stale{source}`, read at scrape time: `flagd` is 1 while
 * the remote layer is unavailable and the files answer in its place; `files`
 * is 1 while a rejected flag-file edit leaves the last good flags serving.
 * The `CutoverFlagSourceStale` alert reads it.
 */
export class FlagSourceMetrics {
  private readonly gauge: Gauge;

  constructor(options: { readonly registry: Registry; readonly provider: FlagSourceProvider }) {
    const { provider } = options;
    this.gauge = new Gauge({
      name: MIGRATION_METRICS.sourceStale,
      help: 'Whether a flag source is stale: 1 while older data answers in its place.',
      labelNames: [MIGRATION_LABELS.source],
      registers: [options.registry],
      collect() {
        const remote = provider.config.remote;
        if (remote) this.set({ [MIGRATION_LABELS.source]: 'flagd' }, remote.available === false ? 1 : 0);
        this.set({ [MIGRATION_LABELS.source]: 'files' }, provider.getFileStatus().broken.length > 0 ? 1 : 0);
      },
    });
  }

  /** The values the next scrape will read, by source. */
  async values(): Promise<Record<string, number>> {
    const { values } = await this.gauge.get();
    return Object.fromEntries(values.map((v) => [String(v.labels[MIGRATION_LABELS.source]), v.value]));
  }
}
