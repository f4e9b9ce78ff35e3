import type { MigrationCounts } from '@cutover/hooks';
import { subtractCounts } from '@cutover/hooks';
import type { MigrationMetrics } from '@cutover/hooks';
import type { GuardSnapshot } from './guard-snapshot.js';
import { guardSnapshotOf } from './guard-snapshot-of.js';
import type { GuardSource } from './guard-source.js';

/** Everything {@link LocalRegistrySource} is made of. */
export interface LocalRegistrySourceInit {
  /** The migration metrics this process records (runner events and tracking outcomes). */
  readonly metrics: MigrationMetrics;
  readonly flagKey: string;
  /** Milliseconds clock. @default Date.now */
  readonly now?: () => number;
}

/**
 * Reads one migration's counts from this process's migration metrics (the
 * numbers its prom-client registry exports), as differences from their values
 * when the window started: one instance decides on its own traffic.
 */
export class LocalRegistrySource implements GuardSource {
  readonly description: string;
  private readonly now: () => number;
  private start!: MigrationCounts;
  private startedAt = 0;

  constructor(private readonly init: LocalRegistrySourceInit) {
    this.description = `local registry, flag "${init.flagKey}"`;
    this.now = init.now ?? Date.now;
    this.startWindow();
  }

  startWindow(): void {
    this.start = this.init.metrics.counts(this.init.flagKey);
    this.startedAt = this.now();
  }

  snapshot(): Promise<GuardSnapshot> {
    const counts = subtractCounts(this.init.metrics.counts(this.init.flagKey), this.start);
    return Promise.resolve(guardSnapshotOf(counts, Math.max(0, this.now() - this.startedAt) / 1000));
  }
}
