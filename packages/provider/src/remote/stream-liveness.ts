/** Runs `run` after `ms`; returns the function that cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

/** Options of {@link StreamLiveness}. */
export interface StreamLivenessOptions {
  /** Asks the peer for any answer; resolves when one comes, rejects when `deadlineMs` passes without one. */
  readonly probe: (deadlineMs: number) => Promise<void>;
  /** Time between the end of one probe and the next, in ms; also each probe's deadline. */
  readonly intervalMs: number;
  /** Called once when a probe goes unanswered; probing stops until `start()`. */
  readonly onHung: () => void;
  /** The clock. @default unref'd `setTimeout` */
  readonly schedule?: Schedule;
}

/**
 * Watches a long-lived stream that is quiet most of the time (flagd sends on
 * changes only) by probing its peer on the same connection. A peer that is
 * stopped or cut off keeps the TCP connection open, so without this the stream
 * looks up forever; gRPC keepalive pings cannot do it against flagd 0.11,
 * which closes a connection that pings more often than every 5 minutes.
 */
export class StreamLiveness {
  private readonly schedule: Schedule;
  private cancel: (() => void) | undefined;
  /** Bumped by start and stop, so the outcome of a probe from an earlier run is ignored. */
  private run = 0;
  private running = false;

  constructor(private readonly options: StreamLivenessOptions) {
    this.schedule = options.schedule ?? unrefTimeout;
  }

  /** Starts probing, unless it is under way. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.next(++this.run);
  }

  /** Stops probing; a probe in flight is disregarded. */
  stop(): void {
    this.running = false;
    this.run++;
    this.cancel?.();
    this.cancel = undefined;
  }

  private next(run: number): void {
    const { intervalMs } = this.options;
    this.cancel = this.schedule(() => {
      // The deadline is kept here as well as handed to the probe, so a probe that never settles still counts.
      this.cancel = this.schedule(() => this.hung(run), intervalMs);
      this.options.probe(intervalMs).then(
        () => {
          if (run !== this.run) return;
          this.cancel?.();
          this.next(run);
        },
        () => this.hung(run),
      );
    }, intervalMs);
  }

  private hung(run: number): void {
    if (run !== this.run) return;
    this.stop();
    this.options.onHung();
  }
}

function unrefTimeout(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
}
