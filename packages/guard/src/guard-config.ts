/** How much risk the team accepts for a migration; `low` marks a low-risk migration that may be slower. */
export type GuardRisk = 'normal' | 'low';

/**
 * Limits the guard enforces on a candidate, and how sure it must be before it
 * says a limit is crossed. The defaults are the thresholds teams commonly roll
 * back at.
 */
export interface GuardConfig {
  /**
   * Highest acceptable candidate error rate, absolute: a candidate failing more
   * than 5 % of calls is broken whatever legacy does.
   * Set to 1 to disable.
   * @default 0.05
   */
  readonly maxErrorRate: number;
  /**
   * Highest acceptable increase of the candidate's error rate over legacy's, in
   * rate points: errors the candidate adds to legacy's own. Set to 1 to disable.
   * @default 0.05
   */
  readonly maxErrorRateIncrease: number;
  /**
   * Highest acceptable ratio of the candidate's latency quantile to legacy's
   * (50 % slower is a regression users feel; a low-risk migration may accept 2×).
   * @default 1.5 (2 with `risk: 'low'`)
   */
  readonly maxLatencyRatio: number;
  /**
   * The latency quantile compared.
   * @default 0.95
   */
  readonly latencyQuantile: number;
  /**
   * Lowest acceptable fraction of comparisons where the candidate matches legacy.
   * Set to 0 to disable.
   * @default 0.95
   */
  readonly minMatchRate: number;
  /**
   * Lowest acceptable candidate success rate of reported outcomes (an agent's
   * task done, say). Set to 0 to disable.
   * @default 0.7
   */
  readonly minSuccessRate: number;
  /**
   * Lowest acceptable candidate throughput relative to legacy's, each per unit
   * of routed traffic: a candidate that sheds or stalls calls. Set to 0 to disable.
   * @default 0.9
   */
  readonly minThroughputRatio: number;
  /**
   * Lowest acceptable fraction of the calls routed to the candidate that it
   * answers in time: timeouts and runs shed by the in-flight bound are
   * unanswered (a candidate that hangs). Set to 0 to disable.
   * @default 0.99
   */
  readonly minAvailability: number;
  /**
   * Lowest acceptable share of recent requests the candidate answers, relative
   * to its share earlier in the window: a canary whose traffic disappears, or a
   * candidate that stops answering. Judged on the last `recentSeconds` of the
   * `Guard`'s window. Set to 0 to disable.
   * @default 0.5
   */
  readonly minTrafficRatio: number;
  /**
   * Where the candidate is off the caller's path (shadow, dualwrite), its
   * latency harms no user: `report` shows a slow candidate in the verdict
   * without rolling back; `rollback` judges latency at every stage.
   * @default 'report'
   */
  readonly offPathLatency: 'report' | 'rollback';
  /**
   * Calls (or comparisons, or outcomes) a criterion needs before it can fail.
   * @default 100
   */
  readonly minSample: number;
  /**
   * Chance, per criterion, that a candidate sitting exactly at its limit is ever
   * judged beyond it, however often the guard is evaluated as data arrives.
   * @default 0.01
   */
  readonly significance: number;
  /**
   * Risk level; `low` applies {@link GUARD_RISK_PRESETS}`.low` under explicit options.
   * @default 'normal'
   */
  readonly risk: GuardRisk;
}

/** Options of the guard: any subset of {@link GuardConfig}; the rest comes from the defaults. */
export type GuardOptions = Partial<GuardConfig>;

/** The limits the guard applies when no option says otherwise. */
export const DEFAULT_GUARD_CONFIG: GuardConfig = Object.freeze({
  maxErrorRate: 0.05,
  maxErrorRateIncrease: 0.05,
  maxLatencyRatio: 1.5,
  latencyQuantile: 0.95,
  minMatchRate: 0.95,
  minSuccessRate: 0.7,
  minThroughputRatio: 0.9,
  minAvailability: 0.99,
  minTrafficRatio: 0.5,
  offPathLatency: 'report',
  minSample: 100,
  significance: 0.01,
  risk: 'normal',
});

/** Defaults each risk level changes; explicit options still win over them. */
export const GUARD_RISK_PRESETS: Readonly<Record<GuardRisk, Partial<GuardConfig>>> = Object.freeze({
  normal: Object.freeze({}),
  low: Object.freeze({ maxLatencyRatio: 2 }),
});
