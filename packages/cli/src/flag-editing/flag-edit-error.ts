/** Why a flag edit was refused. */
export type FlagEditErrorCode =
  | 'FLAG_NOT_FOUND'
  | 'NOT_A_MIGRATION'
  | 'UNKNOWN_STAGE'
  | 'INVALID_TRANSITION'
  | 'INVALID_PERCENT'
  | 'INVALID_COHORT'
  | 'UNSUPPORTED_TARGETING'
  | 'TARGETING_KEPT'
  | 'INVALID_RESULT'
  | 'CONCURRENT_EDIT'
  | 'INVALID_PHASE'
  | 'PHASE_REFUSED';

/**
 * A stage or rollout change that cannot be made as asked. The message says
 * why and what to do instead; the file is never written when this is thrown.
 */
export class FlagEditError extends Error {
  constructor(
    readonly code: FlagEditErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FlagEditError';
  }
}
