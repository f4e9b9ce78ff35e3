import { formatFigure } from './format-figure.js';
import { criterionApplicability, EVERY_STAGE } from './criterion-applicability.js';
import type { GuardConfig } from './guard-config.js';
import { GUARD_CRITERIA } from './guard-criteria.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import type { GuardCheck, GuardCheckStatus, GuardCriterion, SequentialTestResult } from './guard-verdict.js';
import { sequentialRateTest } from './sequential-rate-test.js';
import type { SequentialRateTestInput } from './sequential-rate-test.js';

/**
 * Judges one criterion of the table: reads its figures, runs its test and
 * assembles the check. `skipped` without input, `insufficient-data` while
 * the figures allow no test, then `fail` or `pass` by the test. The summary
 * is an own enumerable getter, computed once on first read: JSON and log
 * serializers see a plain string, while the simulations, which evaluate the
 * guard hundreds of thousands of times, skip formatting.
 */
export function checkCriterion(criterion: GuardCriterion, snapshot: GuardSnapshot, config: GuardConfig): GuardCheck {
  const rule = GUARD_CRITERIA[criterion];
  const reading = rule.read(snapshot, config);
  const { observed, sample, details } = reading;
  const tests = reading.test === null ? [] : isSeveral(reading.test) ? reading.test.map(sequentialRateTest) : [sequentialRateTest(reading.test)];
  // The one nearest its boundary speaks for the check: a rejected one when any rejected.
  const test = tests.reduce<SequentialTestResult | null>((nearest, t) => (nearest === null || t.eValue * t.alpha > nearest.eValue * nearest.alpha ? t : nearest), null);
  const status: GuardCheckStatus =
    reading.present === false ? 'skipped' : test === null ? 'insufficient-data' : test.rejected ? 'fail' : 'pass';
  const { applied, reason: applicability } = criterionApplicability(criterion, snapshot.stages, config);
  let summary: string | undefined;
  const compose = (): string => {
    const n = `n ${formatFigure(sample.candidate)}${sample.legacy === null ? '' : `/${formatFigure(sample.legacy)}`} (min ${sample.minimum})`;
    const evidence = tests.length > 1
      ? `; ${tests.map((t) => `${t.label ?? 'test'} e ${formatFigure(t.eValue)} vs boundary ${formatFigure(t.boundary)} (p ${formatFigure(t.pValue)})`).join(', ')}`
      : test
        ? `; e ${formatFigure(test.eValue)} vs boundary ${formatFigure(test.boundary)} (p ${formatFigure(test.pValue)})`
        : '';
    // Only a criterion that depends on the stage, judged on known stages, says so: anything else would be noise in every line.
    const where = applicability === EVERY_STAGE.reason || snapshot.stages === undefined ? '' : ` (${applicability})`;
    return `${criterion} ${status}${where}: ${rule.describe(reading, config)}; ${n}${evidence}`;
  };
  return {
    criterion,
    status,
    observed,
    limit: config[rule.limit],
    direction: rule.direction,
    sample,
    test,
    ...(tests.length > 1 ? { tests } : {}),
    details,
    applied,
    applicability,
    get summary(): string {
      return (summary ??= compose());
    },
  };
}

function isSeveral(test: SequentialRateTestInput | readonly SequentialRateTestInput[]): test is readonly SequentialRateTestInput[] {
  return Array.isArray(test);
}
