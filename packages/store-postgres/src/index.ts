export { PostgresComparisonStore } from './postgres-comparison-store.js';
export type { PostgresComparisonStoreInit, PostgresComparisonStoreStats } from './postgres-comparison-store.js';
export { DEFAULT_POSTGRES_COMPARISON_STORE_CONFIG, resolvePostgresComparisonStoreConfig } from './postgres-comparison-store-config.js';
export type { PostgresComparisonStoreConfig, PostgresComparisonStoreOptions } from './postgres-comparison-store-config.js';
export { SCHEMA_VERSION } from './schema-migrations.js';
