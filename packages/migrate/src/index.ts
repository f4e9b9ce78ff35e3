export type { CallbackKind } from './callback-containment.js';
export type { ComparisonRecord, RecordedPath } from './comparison-record.js';
export type { ComparisonSink } from './comparison-sink.js';
export type { ComparisonStore, ComparisonStoreStats } from './comparison-store.js';
export { equalityComparator } from './equality-comparator.js';
export type { ErrorComparator, Ignorer } from './experiment.js';
export { InMemoryLock } from './in-memory-lock.js';
export type { AcquireOptions, Lock, LockLease } from './lock.js';
export type { Logger } from './logger.js';
export { Migration } from './migration.js';
export type { MigrationStats } from './migration-stats.js';
export { DEFAULT_MIGRATION_CONFIG, MIGRATION_ENV, resolveMigrationConfig } from './migration-config.js';
export type { MigrationConfig, MigrationConfigSources, MigrationOptions } from './migration-config.js';
export { InvalidOptionError, ItemLockedError, MigrationError, RunTimeoutError } from './migration-error.js';
export { parseOptions } from './parse-options.js';
export type { MigrationErrorCode } from './migration-error.js';
export type {
  ComparisonEvent,
  ComparisonOutcome,
  FallbackEvent,
  MigrationEvent,
  MigrationListener,
  PathEvent,
  PathOutcome,
  SkipReason,
  StageEvent,
} from './migration-events.js';
export type { Implementations, ItemLock, MigrationInit, StageClient } from './migration-init.js';
export type { Observation, ObservationStatus } from './observation.js';
export type { Implementation, Operation, Path, RunContext } from './run-context.js';
export { sameError } from './same-error.js';
export { boundedJson, isTruncated } from './bounded-json.js';
export type { Truncated } from './bounded-json.js';
export { FileComparisonStore } from './file-comparison-store.js';
export type { FileComparisonStoreInit, FileComparisonStoreStats, RecordRange } from './file-comparison-store.js';
export { DEFAULT_FILE_COMPARISON_STORE_CONFIG, resolveFileComparisonStoreConfig } from './file-comparison-store-config.js';
export type { FileComparisonStoreConfig, FileComparisonStoreOptions } from './file-comparison-store-config.js';
export { replay } from './replay.js';
export type { ReplayReport, ReplayRequest, ReplayResult } from './replay.js';
export type { ComparisonSummary, DifferenceCount, PathSummary } from './summary-builder.js';
