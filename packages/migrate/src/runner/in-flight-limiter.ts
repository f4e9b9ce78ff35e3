/**
 * Counts the runs the runner is waiting for and refuses a new one beyond the
 * cap, so a slow candidate cannot pile up work behind the caller's back.
 */
export class InFlightLimiter {
  private running = 0;

  constructor(private readonly max: number) {}

  /** Takes a slot when one is free; the caller must `release()` it exactly once. */
  tryAcquire(): boolean {
    if (this.running >= this.max) return false;
    this.running++;
    return true;
  }

  /** Frees a slot taken by {@link tryAcquire}. */
  release(): void {
    this.running--;
  }

  /** Runs in flight now. */
  get inFlight(): number {
    return this.running;
  }
}
