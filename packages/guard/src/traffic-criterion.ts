import { formatFigure, formatRatio } from './format-figure.js';
import { criterionRule } from './guard-criterion-rule.js';
import { perPath } from './per-path.js';
import { sanitizeCount } from './sanitize-count.js';

/**
 * Does the candidate still answer its share of the requests? Earlier in the
 * window it was routed a fraction ρ of legacy's traffic (candidate routed /
 * legacy routed). If it still answered at least `minTrafficRatio` of that
 * share recently, a recent call is legacy's with probability at most
 * 1 / (1 + ratio·ρ); the check tests that legacy's fraction of the recent
 * calls is not above it. Catches a canary whose traffic disappears and a
 * candidate that stops answering, on little traffic: with a 10 % canary and
 * none of it answered, about 110 legacy calls suffice. Skipped until the
 * `Guard` has seen the window long enough to tell "recent" from "earlier",
 * and while the earlier part holds fewer than `minSample` candidate calls. Each look tests the recent part
 * afresh, so unlike the other checks this one is not a single sequential
 * test over the window: the benchmark measures its false alarms.
 */
export const trafficCriterion = criterionRule({
  direction: 'min',
  limit: 'minTrafficRatio',
  read(snapshot, config) {
    const recent = snapshot.recent;
    const [routed, legacyRouted] = perPath(snapshot, (path) => sanitizeCount(path.routed));
    const legacyRecent = sanitizeCount(recent?.legacyRouted);
    const answeredRecent = sanitizeCount(recent?.candidateAnswered);
    // Earlier = the window without its recent part; the candidate's routed count there sets its expected share.
    const candidateEarlier = Math.max(0, routed - sanitizeCount(recent?.candidateRouted));
    const legacyEarlier = Math.max(0, legacyRouted - legacyRecent);
    const expected = legacyEarlier > 0 ? candidateEarlier / legacyEarlier : null;
    const enough = recent !== undefined && candidateEarlier >= config.minSample && expected !== null && expected > 0;
    const trials = legacyRecent + answeredRecent;
    const nullRate = enough ? 1 / (1 + config.minTrafficRatio * expected) : null;
    return {
      observed: expected && legacyRecent > 0 ? answeredRecent / legacyRecent / expected : null,
      sample: { candidate: answeredRecent, legacy: legacyRecent, minimum: config.minSample },
      // Without an earlier part to compare with (the window is younger than "recent", or the candidate had little traffic) there is nothing to judge, and nothing to wait for.
      present: enough,
      test: nullRate !== null && trials > 0 ? { events: legacyRecent, trials, nullRate, alpha: config.significance } : null,
      details: { recentSeconds: recent?.seconds ?? null, expectedShare: expected, candidateAnswered: answeredRecent, legacyRouted: legacyRecent },
    };
  },
  describe({ observed, details }, config) {
    return (
      `in the last ${figure(details.recentSeconds)} s the candidate answered ${figure(details.candidateAnswered)} calls ` +
      `against legacy's ${figure(details.legacyRouted)} (${formatRatio(observed)} of its earlier share ${figure(details.expectedShare)}, limit ${formatRatio(config.minTrafficRatio)})`
    );
  },
});

function figure(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : formatFigure(value);
}
