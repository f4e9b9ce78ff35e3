import type { CutoverProvider, StageMapping } from '@cutover/provider';
import type { Logger } from '@openfeature/server-sdk';
import type { AuditLog } from './audit/audit-log.js';
import type { RollbackHooks } from './hooks/rollback-hook.js';
import type { OverlayFileOptions } from './overlay/overlay-file.js';
import type { RollbackReason, RollbackStatus } from './rollback-reasons.js';

/** The provider calls a rollback makes: a `CutoverProvider`. */
export type RollbackProvider = Pick<CutoverProvider, 'override' | 'clearOverrides' | 'flagDefinitions' | 'getRollbacks' | 'getFileStatus' | 'reloadFile' | 'config'>;

/** Where rollbacks are counted as `cutover_rollbacks_total{reason,status}`: `MigrationMetrics` of `@cutover/hooks` is one. */
export interface RollbackCounter {
  recordRollback(flagKey: string, reason: RollbackReason, status: RollbackStatus): void;
}

/** What every {@link Rollback} records to. */
export interface RollbackRecording {
  /** The audit trail: `initiated`, then `completed` or `failed`; `rollback-cleared` when lifted. */
  readonly audit: Pick<AuditLog, 'append'>;
  /** Where `cutover_rollbacks_total` is counted. @default none */
  readonly metrics?: RollbackCounter;
  /** @default console */
  readonly logger?: Logger;
  /**
   * Callbacks around every rollback: `before` ones run before this process
   * serves the rollback (delaying it by at most their timeouts), `after` ones
   * once it is through; their outcomes are in the audit records and the result.
   * @default none
   */
  readonly hooks?: RollbackHooks;
  /** How the overlay file's lock waits and breaks. @default the `OverlayFile` defaults */
  readonly overlayOptions?: OverlayFileOptions;
}

/**
 * A rollback beside a running provider: the flag files, the overlay path and
 * the definitions are the provider's own (its last good flags), and the
 * provider serves the rollback variant at once.
 */
export interface ProviderRollbackInit extends RollbackRecording {
  readonly provider: RollbackProvider;
}

/**
 * A rollback without a provider (the command line): the flag files are read
 * once per rollback, and only the overlay serves the rollback (to the
 * processes and the flagd that read it).
 */
export interface FileRollbackInit extends RollbackRecording {
  /** The flag files in flagd order. */
  readonly files: readonly string[];
  /** The overlay file. */
  readonly overlay: string;
  /**
   * The migrations whose stage is read from boolean flags, as the application
   * declares them (`stages` of its `cutover.config.json`), so they can be rolled
   * back too. @default none
   */
  readonly stages?: Readonly<Record<string, StageMapping>>;
}

/** Everything a {@link Rollback} is made of: a provider, or flag files and an overlay. */
export type RollbackInit = ProviderRollbackInit | FileRollbackInit;

/** Context of one rollback. */
export interface RollbackDetails {
  /** Who acts: `guard`, `cli:<user>`, `dashboard`, `controller`. @default 'guard' */
  readonly by?: string;
  /** The reason in words, for the overlay and the audit record. @default the reason label */
  readonly message?: string;
  /** The numbers behind the decision (a guard verdict), copied into both audit records. */
  readonly numbers?: Readonly<Record<string, unknown>>;
  /** `performance.now()` when the decision was taken, to time the rollback from it. @default now */
  readonly startedAt?: number;
}
