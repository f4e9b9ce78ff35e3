import type { Logger } from '@openfeature/server-sdk';
import type { GuardSnapshot } from './guard-snapshot.js';
import type { GuardSource } from './guard-source.js';

/** The part of a comparison store's summary the guard reads (`ComparisonStore.getSummary`'s result has it). */
export interface StoredComparisonCounts {
  readonly total: number;
  readonly matches: number;
  readonly mismatches: number;
  /** Matches only because an ignorer turned a mismatch into one. */
  readonly ignored: number;
}

/** A comparison store as the guard reads it: any `ComparisonStore` (`@cutover/migrate`) fits. */
export interface ComparisonCountsReader {
  /** The counts of one migration's records from `from` on. */
  getSummary(range: { readonly from?: Date; readonly flagKey?: string }): Promise<StoredComparisonCounts>;
}

/** Everything {@link StoreComparisonSource} is made of. */
export interface StoreComparisonSourceInit {
  /** Where calls, errors and latency come from (`LocalRegistrySource`, `PrometheusSource`). */
  readonly paths: GuardSource;
  /** The store whose records the match rate is judged on: a fleet's shared store sees every instance's comparisons. */
  readonly store: ComparisonCountsReader;
  readonly flagKey: string;
  /** Milliseconds clock; the store's records are time-stamped with the same one. @default Date.now */
  readonly now?: () => number;
  /** Where a store that cannot be read is reported. @default console */
  readonly logger?: Pick<Logger, 'warn'>;
}

/**
 * A source whose comparisons come from a comparison store and everything else
 * from another source. With a shared store (PostgreSQL) the guard judges the
 * match rate on the comparisons of the whole fleet, over the same growing
 * window as the paths: records from the window's start on. Comparisons count
 * the decisive ones as the metrics do: ignored matches and undecided
 * comparisons say nothing about the candidate. A store that cannot be read
 * (PostgreSQL down) must not blind the guard to errors and latency: the
 * snapshot then keeps the paths source's own comparison counters, and the
 * failure is logged and counted (`storeFailures`).
 */
export class StoreComparisonSource implements GuardSource {
  readonly description: string;
  private readonly now: () => number;
  private startedAt: number;
  private failures = 0;

  constructor(private readonly init: StoreComparisonSourceInit) {
    this.now = init.now ?? Date.now;
    this.description = `${init.paths.description}; comparisons from the comparison store`;
    this.startedAt = this.now();
  }

  startWindow(): void {
    this.startedAt = this.now();
    this.init.paths.startWindow();
  }

  /** Snapshots whose comparisons could not be read from the store. */
  get storeFailures(): number {
    return this.failures;
  }

  async snapshot(): Promise<GuardSnapshot> {
    const stored = this.init.store.getSummary({ from: new Date(this.startedAt), flagKey: this.init.flagKey }).catch((error: unknown) => error instanceof Error ? error : new Error(String(error)));
    const paths = await this.init.paths.snapshot();
    const counts = await stored;
    if (counts instanceof Error) {
      this.failures++;
      (this.init.logger ?? console).warn(`cutover guard "${this.init.flagKey}": the comparison store cannot be read (${this.failures} so far), judging the match rate on ${this.init.paths.description}: ${counts.message}`);
      return paths;
    }
    // The paths' own comparisons (this process's, or the metrics') give way to the store's.
    const judged: GuardSnapshot = { windowSeconds: paths.windowSeconds, legacy: paths.legacy, candidate: paths.candidate };
    if (counts.total === 0) return judged;
    const matches = Math.max(0, counts.matches - counts.ignored);
    return { ...judged, comparisons: { total: matches + Math.max(0, counts.mismatches), matches } };
  }
}
