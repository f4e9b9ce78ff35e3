export {};
export * from './conventions.js';
export { HooksError } from './hooks-error.js';
export { InvalidOptionError } from './invalid-option-error.js';
export { MetricsHook } from './metrics/metrics-hook.js';
export { DEFAULT_METRICS_HOOK_CONFIG, resolveMetricsHookConfig } from './metrics/metrics-hook-config.js';
export type { MetricsHookConfig, MetricsHookOptions } from './metrics/metrics-hook-config.js';
export { evaluateGuard } from './guard/evaluate-guard.js';
export { resolveGuardConfig } from './guard/resolve-guard-config.js';
export { DEFAULT_GUARD_CONFIG, GUARD_RISK_PRESETS } from './guard/guard-config.js';
export type { GuardConfig, GuardOptions, GuardRisk } from './guard/guard-config.js';
export type { ComparisonWindow, GuardSnapshot, LatencyHistogram, OutcomeWindow, PathWindow } from './guard/guard-snapshot.js';
export type {
  GuardCheck,
  GuardCheckStatus,
  GuardCriterion,
  GuardSample,
  GuardStatus,
  GuardVerdict,
  SequentialTestResult,
} from './guard/guard-verdict.js';
export { MigrationMetrics } from './migration/migration-metrics.js';
export type { MigrationSource } from './migration/migration-metrics.js';
export { DEFAULT_MIGRATION_METRICS_CONFIG, resolveMigrationMetricsConfig } from './migration/migration-metrics-config.js';
export type { MigrationMetricsConfig, MigrationMetricsOptions } from './migration/migration-metrics-config.js';
export type { MigrationCounts, PathCounts } from './migration/migration-counts.js';
export type { HistogramBucket } from './migration/histogram-bucket.js';
export type { ComparisonResult, RollbackReason, RollbackStatus } from './migration/migration-series.js';
export type { CallOutcome } from './migration/path-series.js';
export { OUTCOME_EVENT, TrackingOutcomes } from './migration/tracking-outcomes.js';
export type { TrackingOutcomesInit, TrackingSource } from './migration/tracking-outcomes.js';
export { guardSnapshotOf } from './guard/guard-snapshot-of.js';
export type { GuardSource } from './guard/guard-source.js';
export { LocalRegistrySource } from './guard/local-registry-source.js';
export type { LocalRegistrySourceInit } from './guard/local-registry-source.js';
export { PrometheusSource } from './guard/prometheus-source.js';
export type { PrometheusSourceInit } from './guard/prometheus-source.js';
export { PrometheusQueryError } from './guard/prometheus-query-error.js';
export { Guard } from './guard/guard.js';
export type { GuardInit, GuardProvider, GuardStats } from './guard/guard.js';
export { DEFAULT_GUARD_RUN_CONFIG, resolveGuardRunConfig } from './guard/guard-run-config.js';
export type { GuardRunConfig, GuardRunOptions } from './guard/guard-run-config.js';
export { rollbackReasonOf } from './guard/rollback-reason-of.js';
export { FlagSourceMetrics } from './flag-source/flag-source-metrics.js';
export type { FlagSourceProvider } from './flag-source/flag-source-metrics.js';
