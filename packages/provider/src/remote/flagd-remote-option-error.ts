import { InvalidOptionError, envNumber, envString, unlessBlank } from '@cutover/core';
import type { EnvReader } from '@cutover/core';
import type { InvalidOptionInit } from '@cutover/core';

/** A flagd remote option that is not valid; names the option and the environment variable behind it. */
export class FlagdRemoteOptionError extends InvalidOptionError {
  constructor(option: string, reason: string, source: Pick<InvalidOptionInit, 'envVariable' | 'cause'> = {}) {
    super({ component: 'flagd remote', option, reason, ...source });
  }
}

/** Builds a {@link FlagdRemoteOptionError} for `resolveOptions`. */
export function flagdRemoteOptionError(init: InvalidOptionInit): FlagdRemoteOptionError {
  return new FlagdRemoteOptionError(init.option, init.reason, init);
}

/** A blank variable (`FLAGD_HOST=`) leaves the option unset, as flagd's providers treat it. */
export const FLAGD_TEXT: EnvReader = unlessBlank(envString);
/** A number; blank leaves the option unset. */
export const FLAGD_NUMBER: EnvReader = unlessBlank(envNumber);

/** The variables both flagd layers read for the connection and its reconnection. */
export const FLAGD_CONNECTION_ENV = {
  host: { variable: 'FLAGD_HOST', read: FLAGD_TEXT },
  retryBackoffMs: { variable: 'FLAGD_RETRY_BACKOFF_MS', read: FLAGD_NUMBER },
  retryBackoffMaxMs: { variable: 'FLAGD_RETRY_BACKOFF_MAX_MS', read: FLAGD_NUMBER },
} as const;
