import { InvalidOptionError } from '@cutover/core';
import type { InvalidOptionInit } from '@cutover/core';

/** A provider option that is not valid; names the option and the environment variable behind it. */
export class CutoverProviderOptionError extends InvalidOptionError {
  constructor(option: string, reason: string, source: Pick<InvalidOptionInit, 'envVariable' | 'cause'> = {}) {
    super({ component: 'CutoverProvider', option, reason, ...source });
  }
}
