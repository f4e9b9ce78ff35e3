import { formatFigure } from './format-figure.js';
import type { GuardCheck, GuardCheckStatus, GuardCriterion, GuardSample, SequentialTestResult } from './guard-verdict.js';

/** The parts of a check each criterion computes; {@link guardCheckOf} derives the rest. */
export interface GuardCheckParts {
  readonly criterion: GuardCriterion;
  readonly observed: number | null;
  readonly limit: number;
  readonly direction: 'max' | 'min';
  readonly sample: GuardSample;
  /** The test, or null when the check could not run one. */
  readonly test: SequentialTestResult | null;
  /** Set when the check could not run: why (input absent, or too little data). */
  readonly untested?: Exclude<GuardCheckStatus, 'pass' | 'fail'>;
  readonly details: Readonly<Record<string, number | null>>;
  /** The criterion's figures in words, e.g. `candidate 2.00 % vs legacy 1.00 % …`; called only when the summary is read. */
  readonly describe: () => string;
}

/**
 * Assembles a check: its status from the test and its one-line summary from
 * the numbers. The summary is an own enumerable getter, computed once on first
 * read: JSON and log serializers see a plain string, while the simulations,
 * which evaluate the guard hundreds of thousands of times, skip formatting.
 */
export function guardCheckOf(parts: GuardCheckParts): GuardCheck {
  const { criterion, observed, limit, direction, sample, test, details, describe } = parts;
  const status: GuardCheckStatus = parts.untested ?? (test?.rejected ? 'fail' : 'pass');
  let summary: string | undefined;
  const compose = (): string => {
    const n = `n ${formatFigure(sample.candidate)}${sample.legacy === null ? '' : `/${formatFigure(sample.legacy)}`} (min ${sample.minimum})`;
    const evidence = test
      ? `; e ${formatFigure(test.eValue)} vs boundary ${formatFigure(test.boundary)} (p ${formatFigure(test.pValue)})`
      : '';
    return `${criterion} ${status}: ${describe()}; ${n}${evidence}`;
  };
  return {
    criterion,
    status,
    observed,
    limit,
    direction,
    sample,
    test,
    details,
    get summary(): string {
      return (summary ??= compose());
    },
  };
}
