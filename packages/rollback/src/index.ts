export { Rollback } from './rollback.js';
export type {
  FileRollbackInit,
  ProviderRollbackInit,
  RollbackCounter,
  RollbackDetails,
  RollbackInit,
  RollbackProvider,
  RollbackRecording,
} from './rollback-init.js';
export type { ClearRollbackResult, RollbackErrorCode, RollbackResult, RollbackTimings } from './rollback-result.js';
export { ROLLBACK_REASONS, ROLLBACK_STATUSES } from './rollback-reasons.js';
export { DEFAULT_ROLLBACK_HOOK_TIMEOUT_MS } from './hooks/run-rollback-hooks.js';
export type { RollbackHook, RollbackHookEvent, RollbackHookOutcome, RollbackHookPhase, RollbackHooks } from './hooks/rollback-hook.js';
export type { RollbackReason, RollbackStatus } from './rollback-reasons.js';
export { describeScope, parseRollbackScope } from './scope/rollback-scope.js';
export type { RollbackScope } from './scope/rollback-scope.js';
export type { UnreadableFile } from './definitions/known-flags.js';
export { OverlayFile } from './overlay/overlay-file.js';
export type { OverlayDocument, OverlayFileOptions, OverlayFlags } from './overlay/overlay-file.js';
export { RollbackOverlay } from './overlay/rollback-overlay.js';
export type { RollbackEntry } from './overlay/rollback-entry.js';
export { AuditLog } from './audit/audit-log.js';
export type { AuditAction, AuditRecord, AuditStatus } from './audit/audit-record.js';
// The overlay's lock and atomic write, for other writers of files that flagd and the provider watch (the CLI's flag edits).
export { acquireOverlayLock, DEFAULT_OVERLAY_LOCK_STALE_MS } from './overlay/overlay-lock.js';
export type { OverlayLock } from './overlay/overlay-lock.js';
export { removeStaleTempFiles, writeTempFile } from './overlay/temp-files.js';
