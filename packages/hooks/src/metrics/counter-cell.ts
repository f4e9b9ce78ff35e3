import type { Counter } from 'prom-client';

/**
 * One counter series kept as a plain number on the hot path. prom-client's own
 * `inc(labels)` hashes the label set on every call (about 0.5 µs for four labels);
 * a cell is incremented in nanoseconds and copied into prom-client at scrape time.
 */
export class CounterCell {
  /** Total so far. */
  value = 0;
  /** Part of {@link value} already handed to prom-client. */
  reported = 0;

  /** @param labels the series' label set, built once */
  constructor(readonly labels: Readonly<Record<string, string>>) {}

  /** Returns the increase since the last call and marks it as reported. */
  takeDelta(): number {
    const delta = this.value - this.reported;
    this.reported = this.value;
    return delta;
  }

  /** Adds the increase since the last flush to a prom-client counter. */
  flushInto(counter: Counter): void {
    // inc(labels, 0) still creates the series: every counter is exported from 0.
    counter.inc(this.labels, this.takeDelta());
  }
}
