// The runner: a migration, its options, events, stats, locks and replay.
export type { CallbackKind } from './runner/callback-containment.js';
export { equalityComparator } from './runner/equality-comparator.js';
export type { ComparisonVerdict } from './runner/comparison-verdict.js';
export type { ErrorComparator, Ignorer } from './runner/experiment.js';
export { InMemoryLock } from './runner/in-memory-lock.js';
export type { AcquireOptions, Lock, LockLease } from './runner/lock.js';
export { Migration } from './runner/migration.js';
export { DEFAULT_MIGRATION_CONFIG, MIGRATION_ENV, resolveMigrationConfig } from './runner/migration-config.js';
export type { MigrationConfig, MigrationConfigSources, MigrationOptions } from './runner/migration-config.js';
export type {
  ComparisonEvent,
  FallbackEvent,
  MigrationEvent,
  MigrationListener,
  PathEvent,
  PathOutcome,
  SkipReason,
  StageEvent,
} from './runner/migration-events.js';
export { SKIP_REASONS } from './runner/migration-events.js';
export type { Implementations, ItemLock, MigrationInit, StageClient } from './runner/migration-init.js';
export type { ItemIdOf } from './runner/item-id-of.js';
export type { ReadOnlySwitch } from './runner/read-only-switch.js';
export type { ReadPreference } from './runner/read-preference.js';
export type { ComparisonDropReason, MigrationStats } from './runner/migration-stats.js';
export type { Observation } from './runner/observation.js';
export { replay } from './runner/replay.js';
export type { ReplayReport, ReplayRequest, ReplayResult } from './runner/replay.js';
export type { Implementation, Operation, Path, RunContext } from './runner/run-context.js';
export { sameError } from './runner/same-error.js';

// The store: comparison records, the JSONL file store and its summaries.
export type { ComparisonRecord, RecordedPath } from './store/comparison-record.js';
export type { ComparisonSink } from './store/comparison-sink.js';
export type { ComparisonStore, ComparisonStoreStats } from './store/comparison-store.js';
export { FileComparisonStore } from './store/file-comparison-store.js';
export type { FileComparisonStoreInit, FileComparisonStoreStats, RecordRange } from './store/file-comparison-store.js';
export { DEFAULT_FILE_COMPARISON_STORE_CONFIG, resolveFileComparisonStoreConfig } from './store/file-comparison-store-config.js';
export type { FileComparisonStoreConfig, FileComparisonStoreOptions } from './store/file-comparison-store-config.js';
export type { ComparisonSummary, DifferenceCount, PathSummary } from './store/summary-builder.js';

// Shared by both: stages, outcomes, errors, logging.
export type { ComparisonFailure, ComparisonOutcome } from './comparison-outcome.js';
export type { Logger } from '@cutover/core';
export { ComparisonStoreError, ItemLockedError, MigrationError, RunTimeoutError } from './migration-error.js';
export { InvalidOptionError } from '@cutover/core';
export type { MigrationErrorCode } from './migration-error.js';
export type { ObservationStatus } from './observation-status.js';
export { parseOptions } from './parse-options.js';
