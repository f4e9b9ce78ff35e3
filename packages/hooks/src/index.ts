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
export type {
  ComparisonWindow,
  GuardSnapshot,
  HistogramBucket,
  LatencyHistogram,
  OutcomeWindow,
  PathWindow,
} from './guard/guard-snapshot.js';
export type {
  GuardCheck,
  GuardCheckStatus,
  GuardCriterion,
  GuardSample,
  GuardStatus,
  GuardVerdict,
  SequentialTestResult,
} from './guard/guard-verdict.js';
