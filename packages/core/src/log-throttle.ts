/** How often a repeated problem is logged. */
export interface LogThrottleOptions {
  /** Occurrences logged in full. @default 10 */
  readonly first?: number;
  /** After those, one line per this many occurrences. @default 1000 */
  readonly every?: number;
}

/**
 * Counts occurrences of a problem per kind and says which ones to log: the
 * first few in full, then one in every thousand, so a failure at request rate
 * cannot flood the log while the count stays exact.
 */
export class LogThrottle<Kind = string> {
  private readonly byKind = new Map<Kind, number>();
  private readonly first: number;
  private readonly every: number;

  constructor(options: LogThrottleOptions = {}) {
    this.first = options.first ?? 10;
    this.every = options.every ?? 1000;
  }

  /**
   * Counts one occurrence of `kind`; returns `full` when it is to be logged in
   * full, `summary` when a one-line count is due, `quiet` otherwise.
   */
  record(kind: Kind): { readonly count: number; readonly log: 'full' | 'summary' | 'quiet' } {
    const count = (this.byKind.get(kind) ?? 0) + 1;
    this.byKind.set(kind, count);
    if (count <= this.first) return { count, log: 'full' };
    return { count, log: count % this.every === 0 ? 'summary' : 'quiet' };
  }

  /** How many times `kind` occurred. */
  count(kind: Kind): number {
    return this.byKind.get(kind) ?? 0;
  }

  /** Every kind that occurred, with its count. */
  counts(): ReadonlyMap<Kind, number> {
    return new Map(this.byKind);
  }
}
