/**
 * Delays between attempts to reopen a stream: `initialMs`, doubling up to
 * `maxMs`; back to `initialMs` once the stream delivers again.
 */
export class ReconnectBackoff {
  private nextMs: number;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {
    this.nextMs = initialMs;
  }

  /** The delay before the next attempt; each call doubles the one after. */
  next(): number {
    const delay = this.nextMs;
    this.nextMs = Math.min(this.maxMs, this.nextMs * 2);
    return delay;
  }

  /** The stream works again: the next failure waits `initialMs`. */
  reset(): void {
    this.nextMs = this.initialMs;
  }
}
