import { InvalidOptionError } from '@cutover/core';
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
