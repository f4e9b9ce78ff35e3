import { LogThrottle } from '@cutover/core';
import type { Logger } from '@cutover/core';

// Distinct unknown values logged, at most; the counters keep counting.
const MAX_REPORTED_VALUES = 16;

/** What a stage evaluation answered, as far as its problems go. */
export interface StageAnswer {
  readonly value: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/**
 * The ways a migration flag can fail to give a stage, each of which runs the
 * call as `off` and would otherwise go unnoticed: a value that is not a stage
 * (a boolean flag without a stage mapping serves `"true"`), a key no layer
 * defines (a typo), any other evaluation error. Each is logged at error level,
 * the first occurrences in full and then one line per thousand, and counted.
 */
export class StageProblems {
  // Once per value or code, then one line per thousand: a misconfigured flag fails at request rate.
  private readonly unknown = new LogThrottle<string>({ first: 1 });
  private readonly errors = new LogThrottle<string>({ first: 1 });

  constructor(
    private readonly flagKey: string,
    private readonly logger: Logger,
  ) {}

  /** Counts and logs an evaluation that served no stage; `known` says whether `value` is a stage. */
  record(answer: StageAnswer, known: boolean): void {
    if (answer.errorCode !== undefined) this.failed(answer);
    else if (!known) this.unknownValue(answer.value);
  }

  /** Evaluations that served a value that is not a stage. */
  get unknownStages(): number {
    let total = 0;
    for (const count of this.unknown.counts().values()) total += count;
    return total;
  }

  /** Evaluations of a flag key that no layer defines. */
  get flagNotFound(): number {
    return this.errors.count('FLAG_NOT_FOUND');
  }

  private unknownValue(value: string): void {
    // Past the cap, further values share one kind: the log stays bounded, the count exact.
    const kind = this.unknown.counts().size < MAX_REPORTED_VALUES || this.unknown.count(value) > 0 ? value : '';
    const { count, log } = this.unknown.record(kind);
    if (log === 'quiet') return;
    const shown = kind === '' ? `"${value}" (and other values)` : `"${value}"`;
    this.logger.error(
      `migration "${this.flagKey}": flag served ${shown}, which is not a stage (off, dualwrite, shadow, live, rampdown, complete); running as "off" (${count} so far). ` +
        `A boolean flag needs a stage mapping, e.g. the provider option stages: { "${this.flagKey}": { true: "live", false: "off" } }`,
    );
  }

  private failed(answer: StageAnswer): void {
    const code = answer.errorCode!;
    const { count, log } = this.errors.record(code);
    if (log === 'quiet') return;
    const what = code === 'FLAG_NOT_FOUND' ? 'no flag of this key exists' : `the flag evaluation failed (${code})`;
    this.logger.error(`migration "${this.flagKey}": ${what}: ${answer.errorMessage ?? code}; running as "${answer.value}" (${count} so far)`);
  }
}
