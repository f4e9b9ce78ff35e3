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
  /** The criterion's figures in words, e.g. `candidate 2.00 % vs legacy 1.00 % …`. */
  readonly describe: string;
}

/** Assembles a check: its status from the test and its one-line summary from the numbers. */
export function guardCheckOf(parts: GuardCheckParts): GuardCheck {
  const { describe, untested, ...check } = parts;
  const status: GuardCheckStatus = untested ?? (parts.test?.rejected ? 'fail' : 'pass');
  const { candidate, legacy, minimum } = parts.sample;
  const sample = `n ${formatFigure(candidate)}${legacy === null ? '' : `/${formatFigure(legacy)}`} (min ${minimum})`;
  const test = parts.test
    ? `; e ${formatFigure(parts.test.eValue)} vs boundary ${formatFigure(parts.test.boundary)} (p ${formatFigure(parts.test.pValue)})`
    : '';
  return { ...check, status, summary: `${parts.criterion} ${status}: ${describe}; ${sample}${test}` };
}
