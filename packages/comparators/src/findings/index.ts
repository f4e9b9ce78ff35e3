export { findingsComparator } from './findings-comparator.js';
export type { Finding } from './findings-comparator.js';
export { DEFAULT_FINDINGS_CONFIG, resolveFindingsConfig } from './findings-config.js';
export type { FindingsConfig, FindingsOptions } from './findings-config.js';
