import type { GuardVerdict } from './guard-verdict.js';

/** What {@link VerdictLog.decide} says to log: a changed verdict, a periodic summary, or nothing. */
export type VerdictLogLine = 'change' | 'summary' | undefined;

/**
 * Logs on change only: a verdict is logged when its status, its failed or its
 * reported criteria differ from the last one logged; an unchanged verdict is
 * logged again once `summaryIntervalMs` has passed since the last line, so a
 * guard that sits at one state for a day writes 96 lines at the default
 * rather than one per tick.
 */
export class VerdictLog {
  private lastKey: string | undefined;
  private lastAt = 0;
  private quiet = 0;

  constructor(private readonly summaryIntervalMs: number) {}

  /** Whether to log this verdict, evaluated at `at` (milliseconds). */
  decide(verdict: GuardVerdict, at: number): VerdictLogLine {
    const key = `${verdict.status}|${verdict.failed.join(',')}|${(verdict.reported ?? []).join(',')}`;
    const line: VerdictLogLine = key !== this.lastKey ? 'change' : at - this.lastAt >= this.summaryIntervalMs ? 'summary' : undefined;
    if (line === undefined) {
      this.quiet++;
      return undefined;
    }
    this.lastKey = key;
    this.lastAt = at;
    return line;
  }

  /** Verdicts not logged since the last line, then counting from zero again. */
  takeQuiet(): number {
    const quiet = this.quiet;
    this.quiet = 0;
    return quiet;
  }

  /** Forgets the last line, so the next verdict is logged (a new window is a new story). */
  reset(): void {
    this.lastKey = undefined;
  }
}
