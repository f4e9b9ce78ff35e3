export { evaluateGuard } from './evaluate-guard.js';
export { resolveGuardConfig } from './resolve-guard-config.js';
export { DEFAULT_GUARD_CONFIG, GUARD_RISK_PRESETS } from './guard-config.js';
export type { GuardConfig, GuardOptions, GuardRisk } from './guard-config.js';
export type { ComparisonWindow, GuardSnapshot, LatencyHistogram, OutcomeWindow, PairedWindow, PathWindow, RecentTraffic } from './guard-snapshot.js';
export { GUARD_CRITERION_NAMES } from './guard-verdict.js';
export type {
  GuardCheck,
  GuardCheckStatus,
  GuardCriterion,
  GuardSample,
  GuardStatus,
  GuardVerdict,
  SequentialTestResult,
} from './guard-verdict.js';
export { guardSnapshotOf } from './guard-snapshot-of.js';
export { exposedMinSample } from './exposed-min-sample.js';
export type { GuardSource } from './guard-source.js';
export { LocalRegistrySource } from './local-registry-source.js';
export type { LocalRegistrySourceInit } from './local-registry-source.js';
export { PrometheusSource } from './prometheus-source.js';
export type { PrometheusSourceInit } from './prometheus-source.js';
export { PrometheusQueryError } from './prometheus-query-error.js';
export { queryPrometheus } from './query-prometheus.js';
export type { PrometheusQueryTarget, PrometheusSample } from './query-prometheus.js';
export { Guard } from './guard.js';
export type { GuardInit, GuardProvider, GuardStats } from './guard.js';
export { DEFAULT_GUARD_RUN_CONFIG, resolveGuardRunConfig } from './guard-run-config.js';
export type { GuardRunConfig, GuardRunOptions } from './guard-run-config.js';
export { rollbackReasonOf } from './rollback-reason-of.js';
export { StoreComparisonSource } from './store-comparison-source.js';
export type { ComparisonCountsReader, StoreComparisonSourceInit, StoredComparisonCounts } from './store-comparison-source.js';
