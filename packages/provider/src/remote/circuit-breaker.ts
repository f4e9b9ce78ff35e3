/** What {@link CircuitBreaker.allow} grants: a normal call, the one probe of an open breaker, or nothing. */
export type BreakerPass = 'closed' | 'probe' | false;

/** Options of {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** How long the breaker stays open before it lets one probe through, in ms. */
  readonly retryAfterMs: number;
  /** Called when the breaker opens (a failure while closed). */
  readonly onOpen?: () => void;
  /** Called when a probe succeeds and the breaker closes. */
  readonly onClose?: () => void;
  /** The clock. @default Date.now */
  readonly now?: () => number;
}

/**
 * Keeps an outage from costing every call its full deadline: after one
 * failure, calls are refused at once for `retryAfterMs`, then a single probe
 * goes out; its success closes the breaker, its failure re-opens it. A late
 * success of a call sent before the failure does not close it.
 */
export class CircuitBreaker {
  private openedAt: number | undefined;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** True while calls are refused (or only a probe may go). */
  get isOpen(): boolean {
    return this.openedAt !== undefined;
  }

  /** Whether a call may go out now; `'probe'` must be followed by `succeeded('probe')` or `failed()`. */
  allow(): BreakerPass {
    if (this.openedAt === undefined) return 'closed';
    if (this.probing || this.now() - this.openedAt < this.options.retryAfterMs) return false;
    this.probing = true;
    return 'probe';
  }

  /** A call granted `pass` succeeded. */
  succeeded(pass: BreakerPass): void {
    if (pass === 'probe') this.close();
  }

  /** A call failed: open (again) from now. */
  failed(): void {
    const wasOpen = this.isOpen;
    this.openedAt = this.now();
    this.probing = false;
    if (!wasOpen) this.options.onOpen?.();
  }

  /** Closes the breaker without a probe, e.g. when the connection is known to be back. */
  close(): void {
    const wasOpen = this.isOpen;
    this.openedAt = undefined;
    this.probing = false;
    if (wasOpen) this.options.onClose?.();
  }
}
