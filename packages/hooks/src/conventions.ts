// Every metric and label name Cutover exposes, in one place, so that the hooks,
// the runner, the guard, the Prometheus rules in deploy/prometheus and the docs
// cannot drift apart.
//
// Flag evaluation metrics follow what OpenFeature's OpenTelemetry MetricsHook
// (js-sdk-contrib) emits, with the OpenTelemetry feature_flag attribute names
// (`feature_flag.key`, `feature_flag.provider.name`, `feature_flag.result.variant`,
// `feature_flag.result.reason`, `error.type`), translated to Prometheus the way
// the OpenTelemetry Prometheus exporter does: dots become underscores.

/** Names of the flag evaluation metrics written by `MetricsHook`. */
export const FLAG_METRICS = {
  /** Counter, OTel `feature_flag.evaluation_requests_total`: evaluations started. */
  requests: 'feature_flag_evaluation_requests_total',
  /** Counter, OTel `feature_flag.evaluation_success_total`: evaluations that resolved, by variant and reason. */
  success: 'feature_flag_evaluation_success_total',
  /** Counter, OTel `feature_flag.evaluation_error_total`: evaluations that ended in an error, by error code. */
  error: 'feature_flag_evaluation_error_total',
  /**
   * Gauge, OTel `feature_flag.evaluation_active_count`: evaluations in flight.
   * The `_count` suffix is dropped because Prometheus reserves it for histograms
   * and summaries (`promtool check metrics` rejects it on a gauge).
   */
  active: 'feature_flag_evaluation_active',
  /** Histogram in seconds: time from the hook's `before` to its `finally` stage. */
  duration: 'feature_flag_evaluation_duration_seconds',
} as const;

/** Label names of the flag evaluation metrics. */
export const FLAG_LABELS = {
  /** OTel `feature_flag.key`. */
  key: 'feature_flag_key',
  /** OTel `feature_flag.provider.name`. */
  provider: 'feature_flag_provider_name',
  /** OTel `feature_flag.result.variant`; empty when the provider names no variant (values are never used). */
  variant: 'feature_flag_result_variant',
  /** OTel `feature_flag.result.reason`, lower case as OpenFeature's telemetry writes it (`static`, `targeting_match`). */
  reason: 'feature_flag_result_reason',
  /** OTel `error.type`: the OpenFeature error code in lower case (`flag_not_found`). Never the message. */
  errorType: 'error_type',
} as const;

/**
 * Label value that replaces a flag key, variant, reason or error code once the
 * hook's cardinality limits are reached, so a misbehaving caller cannot create
 * series without bound.
 */
export const OVERFLOW_LABEL_VALUE = '__overflow__';

/** Names of the migration metrics written from the runner's outcome events and by rollbacks. */
export const MIGRATION_METRICS = {
  /** Counter: calls of one implementation, by path and outcome. */
  calls: 'cutover_migration_calls_total',
  /** Histogram in seconds: duration of one implementation's call, by path. */
  duration: 'cutover_migration_duration_seconds',
  /**
   * Native histogram in seconds (schema 5, buckets 2.2 % apart): the same
   * durations, served only by the protobuf exposition (`nativeExposition()`),
   * which Prometheus scrapes with `--enable-feature=native-histograms`.
   */
  nativeDuration: 'cutover_migration_native_duration_seconds',
  /** Counter, in the protobuf exposition beside {@link nativeDuration}: durations above its top bucket (68 minutes), counted in that bucket. */
  nativeDurationClamped: 'cutover_migration_native_duration_clamped_total',
  /**
   * Counter: runs of a path the stage called for that did not happen, by path
   * and reason (`unsampled`, `in-flight-limit`, `authoritative-failed`,
   * `lock-unavailable`, `read-only`): a fleet whose item lock is down shows up
   * here as `lock-unavailable`.
   */
  skipped: 'cutover_migration_skipped_total',
  /** Counter: comparisons of candidate against legacy, by result. */
  comparisons: 'cutover_migration_comparisons_total',
  /** Counter: rollbacks, by reason and status. */
  rollbacks: 'cutover_rollbacks_total',
  /** Gauge: 1 for each stage a migration served since the previous scrape (both sides of a canary split), 0 for the others it has served. */
  stage: 'cutover_migration_stage',
  /** Counter: evaluations of a migration flag that served a value that is not a stage (run as `off`), by value (bounded). */
  unknownStage: 'cutover_migration_unknown_stage_total',
  /** Counter: evaluations of a migration flag key that no flag source defines (run as `off`): most often a typo. */
  flagNotFound: 'cutover_migration_flag_not_found_total',
  /**
   * Counter: requests on which both paths ran and were compared, by how the
   * pair ended (`pair`: both ok, only legacy failed, only the candidate failed,
   * both failed); the guard's paired tests count these.
   */
  pairedCalls: 'cutover_migration_paired_calls_total',
  /**
   * Histogram, dimensionless: for each compared request on which both paths
   * succeeded, the candidate's duration over legacy's on that same request
   * (buckets {@link PAIRED_LATENCY_RATIO_BUCKETS}); the guard's paired latency
   * test counts the requests above its limit.
   */
  pairedLatencyRatio: 'cutover_migration_paired_latency_ratio',
  /** Gauge: 1 for the guard's current state of a flag (`healthy`, `degraded`, `holding`), 0 for the other two. Written by the `Guard`. */
  guardState: 'cutover_guard_state',
  /** Gauge: Unix time in seconds since which the guard's state of a flag has been the current one. */
  guardStateSince: 'cutover_guard_state_since_seconds',
  /** Gauge: the observed value of each guard criterion at the last verdict (a rate, points of rate or a ratio). */
  guardObserved: 'cutover_guard_check_observed',
  /** Gauge: the e-value of each guard criterion's sequential test at the last verdict (it rolls back at its test's boundary: 1 / significance, or 2 / significance where a check splits its significance between two tests). */
  guardEValue: 'cutover_guard_check_e_value',
  /** Gauge: 1 for each guard criterion applied at the last verdict, 0 for one not applied at the stages served (shadow latency). */
  guardApplied: 'cutover_guard_check_applied',
  /** Gauge: 1 while a flag source is stale (`flagd` unreachable and the files answer; `files` a rejected edit and the last good flags answer), else 0. Written by `FlagSourceMetrics`. */
  sourceStale: 'cutover_flag_source_stale',
} as const;

/** Label names of the migration metrics. */
export const MIGRATION_LABELS = {
  /** The migration's flag key; the same label name as the evaluation metrics so that the two join. */
  key: FLAG_LABELS.key,
  /** Which implementation ran: one of {@link MIGRATION_PATHS}. */
  path: 'path',
  /** How the call ended: one of {@link CALL_OUTCOMES}. */
  outcome: 'outcome',
  /** How a comparison ended: one of {@link COMPARISON_RESULTS}. */
  result: 'result',
  /** Why a rollback happened: one of {@link ROLLBACK_REASONS}. */
  reason: 'reason',
  /** Whether a rollback took effect: one of {@link ROLLBACK_STATUSES}. */
  status: 'status',
  /** A migration stage: `off`, `dualwrite`, `shadow`, `live`, `rampdown` or `complete`. */
  stage: 'stage',
  /** How the two paths of one compared request ended: one of {@link PAIR_OUTCOMES}. */
  pair: 'pair',
  /** The guard's state: one of {@link GUARD_STATES}. */
  guardState: 'state',
  /** A guard criterion, e.g. `error-rate` or `latency`. */
  criterion: 'criterion',
  /** A flag source layer of the provider, e.g. `flagd` or `files`. */
  source: 'source',
  /**
   * The value a migration flag served that is not a stage, cut to
   * {@link UNKNOWN_STAGE_LIMITS}`.length` characters; past `values` distinct
   * values per flag, `__overflow__`.
   */
  value: 'value',
} as const;

/** Bounds of the `value` label of {@link MIGRATION_METRICS.unknownStage}: a flag serving arbitrary text cannot create series without end. */
export const UNKNOWN_STAGE_LIMITS = { values: 8, length: 32 } as const;

/** Values of the `path` label. */
export const MIGRATION_PATHS = { legacy: 'legacy', candidate: 'candidate' } as const;

/** Values of the `outcome` label; `rejected` means the candidate was shed by its in-flight bound. */
export const CALL_OUTCOMES = { success: 'success', error: 'error', timeout: 'timeout', rejected: 'rejected' } as const;

/** Values of the `result` label; `error` means the comparator itself threw. */
export const COMPARISON_RESULTS = { match: 'match', mismatch: 'mismatch', ignored: 'ignored', error: 'error' } as const;

/**
 * Names of the series of what callers received and of the business outcomes
 * applications report through the OpenFeature Tracking API (`client.track`).
 */
export const OUTCOME_METRICS = {
  /** Counter: business outcomes (a PR accepted, a build passed), by path, event name and result. */
  outcomes: 'cutover_migration_outcomes_total',
  /** Counter: calls whose outcome went to the caller, by path; the candidate's share of them is its exposure. */
  served: 'cutover_migration_served_total',
} as const;

/** Label names of the outcome series, beside {@link MIGRATION_LABELS}' key, path and result. */
export const OUTCOME_LABELS = {
  /** The tracking event's name, one of those the application declared (or `__overflow__`). */
  event: 'event',
} as const;

/** Values of the outcome series' `result` label. */
export const OUTCOME_RESULTS = { success: 'success', failure: 'failure' } as const;
/** Values of the `pair` label: how the two paths of one compared request ended (a timeout is a failure). */
export const PAIR_OUTCOMES = {
  bothOk: 'both_ok',
  legacyError: 'legacy_error',
  candidateError: 'candidate_error',
  bothError: 'both_error',
} as const;

/**
 * Latency differences smaller than this are not judged, in seconds: a
 * function that takes 40 µs instead of 20 µs harms no caller, and at that
 * scale the scheduler, not the implementation, decides which path was
 * slower. The paired ratio divides by at least this much, and the guard's
 * p95 test allows the candidate at least this much above legacy's p95.
 */
export const LATENCY_TOLERANCE_SECONDS = 0.001;

/**
 * Upper bounds of the paired latency ratio histogram ({@link MIGRATION_METRICS.pairedLatencyRatio}),
 * dense around 1 where latency gates sit (1.1×, 1.2×, 1.5×, 2×), so a gate is
 * rounded up to a bound at most a few percent above it; `+Inf` is implied.
 */
export const PAIRED_LATENCY_RATIO_BUCKETS: readonly number[] = Object.freeze([
  0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4, 1.5, 1.75, 2, 2.5, 3, 5, 10,
]);

/** Values of the guard `state` label: judged healthy, degraded (rolled back), or holding for lack of data. */
export const GUARD_STATES = { healthy: 'healthy', degraded: 'degraded', holding: 'holding' } as const;

// The rollback `reason` and `status` label values belong to the rollback itself.
export { ROLLBACK_REASONS, ROLLBACK_STATUSES } from '@cutover/rollback';

/**
 * Series recorded by deploy/prometheus/cutover-recording.rules.yml, named
 * `level:metric:operations` as Prometheus recommends (`flag` = by flag key,
 * `flag_path` = by flag key and path). The guard can query these in fleet mode.
 */
export const RECORDED_SERIES = {
  /** Calls per second, by flag key and path. */
  callRate: 'flag_path:cutover_migration_calls:rate5m',
  /** Share of calls that failed (errors and timeouts), by flag key and path. */
  errorRatio: 'flag_path:cutover_migration_errors:ratio_rate5m',
  /** Candidate error ratio minus legacy's, by flag key. */
  candidateErrorExcess: 'flag:cutover_migration_candidate_error_excess:ratio_rate5m',
  /** 95th percentile call duration in seconds, by flag key and path. */
  p95Duration: 'flag_path:cutover_migration_duration_seconds:p95_rate5m',
  /** Candidate p95 over legacy p95, by flag key. */
  p95LatencyRatio: 'flag:cutover_migration_p95_latency:candidate_over_legacy',
  /** Decisive comparisons (match or mismatch) per second, by flag key. */
  decisiveComparisonRate: 'flag:cutover_migration_comparisons_decisive:rate5m',
  /** Share of decisive comparisons that matched, by flag key. */
  matchRatio: 'flag:cutover_migration_match:ratio_rate5m',
  /** Flag evaluations per second, by flag key. */
  evaluationRate: 'flag:feature_flag_evaluation_requests:rate5m',
  /** Share of flag evaluations that failed, by flag key. */
  evaluationErrorRatio: 'flag:feature_flag_evaluation_errors:ratio_rate5m',
  /** 99th percentile evaluation duration in seconds, by flag key. */
  evaluationP99Duration: 'flag:feature_flag_evaluation_duration_seconds:p99_rate5m',
} as const;
