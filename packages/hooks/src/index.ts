export {};
export * from './conventions.js';
export { HooksError } from './hooks-error.js';
export { InvalidOptionError } from './invalid-option-error.js';
export { MetricsHook } from './metrics/metrics-hook.js';
export { DEFAULT_METRICS_HOOK_CONFIG, resolveMetricsHookConfig } from './metrics/metrics-hook-config.js';
export type { MetricsHookConfig, MetricsHookOptions } from './metrics/metrics-hook-config.js';
