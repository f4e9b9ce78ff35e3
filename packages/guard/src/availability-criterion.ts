import { formatRate } from './format-figure.js';
import { rateCriterion } from './rate-criterion.js';

/**
 * Is the candidate answering fewer of the calls routed to it than
 * `minAvailability`? A call is unanswered when it timed out or was shed by
 * the in-flight bound: a candidate that hangs. Tests the null "unanswered
 * rate ≤ 1 − minAvailability" on the routed calls; skipped when the snapshot
 * does not count routed calls.
 */
export const availabilityCriterion = rateCriterion({
  direction: 'min',
  limit: 'minAvailability',
  counts: ({ candidate }) =>
    candidate.routed === undefined || candidate.unanswered === undefined
      ? undefined
      : { trials: candidate.routed, hits: candidate.routed - candidate.unanswered },
  events: 'unanswered',
  describe: (r, config) => `candidate answered ${formatRate(r.observed)} of the calls routed to it in time (limit ${formatRate(config.minAvailability)})`,
});
