import { formatFigure, formatRatio } from './format-figure.js';
import type { GuardConfig } from './guard-config.js';
import { guardCheckOf } from './guard-check-of.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import type { GuardCheck } from './guard-verdict.js';
import { sanitizeCount } from './sanitize-count.js';
import { sequentialRateTest } from './sequential-rate-test.js';

/**
 * Is the candidate completing fewer calls per unit of routed traffic than
 * `minThroughputRatio` × legacy's? Both paths share the same window, so given
 * the N calls completed in all, legacy's count is binomial (the classic
 * conditional test for two Poisson rates): at the limit, a completed call is
 * legacy's with probability sL / (ratio·sC + sL), and the check tests that
 * legacy's fraction is not above it. The window's duration cancels out; it
 * only turns counts into calls per second for the record. Skipped unless
 * both paths carry their traffic share.
 */
export function checkThroughput(snapshot: GuardSnapshot, config: GuardConfig): GuardCheck {
  const calls = sanitizeCount(snapshot.candidate.calls);
  const legacyCalls = sanitizeCount(snapshot.legacy.calls);
  const share = sanitizeCount(snapshot.candidate.share);
  const legacyShare = sanitizeCount(snapshot.legacy.share);
  const seconds = sanitizeCount(snapshot.windowSeconds);
  const shared = share > 0 && legacyShare > 0;
  const observed = shared && legacyCalls > 0 ? calls / share / (legacyCalls / legacyShare) : null;
  const total = calls + legacyCalls;
  const enough = total >= config.minSample;
  const nullRate = shared ? legacyShare / (config.minThroughputRatio * share + legacyShare) : null;
  const test =
    enough && nullRate !== null
      ? sequentialRateTest({ events: legacyCalls, trials: total, nullRate, alpha: config.significance })
      : null;
  const perSecond = (count: number): number | null => (seconds > 0 ? count / seconds : null);
  const rate = (count: number): string => {
    const value = perSecond(count);
    return value === null ? `${formatFigure(count)} calls` : `${formatFigure(value)}/s`;
  };
  return guardCheckOf({
    criterion: 'throughput',
    observed,
    limit: config.minThroughputRatio,
    direction: 'min',
    sample: { candidate: calls, legacy: legacyCalls, minimum: config.minSample },
    test,
    untested: !shared ? 'skipped' : enough ? undefined : 'insufficient-data',
    details: {
      candidatePerSecond: perSecond(calls),
      legacyPerSecond: perSecond(legacyCalls),
      candidateShare: shared ? share : null,
      legacyShare: shared ? legacyShare : null,
    },
    describe: () =>
      `candidate ${rate(calls)} at share ${formatFigure(share)} vs legacy ${rate(legacyCalls)} at share ${formatFigure(legacyShare)} ` +
      `(${formatRatio(observed)} per unit of traffic, limit ${formatRatio(config.minThroughputRatio)})`,
  });
}
