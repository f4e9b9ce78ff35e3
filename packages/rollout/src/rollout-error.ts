import { CutoverError, InvalidOptionError } from '@cutover/core';
import type { InvalidOptionInit } from '@cutover/core';

/**
 * Base class of the errors `@cutover/rollout` throws, with a stable string
 * `code`: `INVALID_OPTION` (a plan or option, see {@link InvalidRolloutOptionError}),
 * `FLAG_NOT_ROLLABLE` (the flag cannot take a controller split),
 * `NO_PENDING_APPROVAL`, `ROLLOUT_NOT_FOUND`, `ROLLOUT_CONFLICT`.
 */
export class RolloutError extends CutoverError {}

/** A plan option (from a plan file, the CLI or code) has a value that cannot be used; `option` is its path, e.g. `steps[2].percent` or `window`. */
export class InvalidRolloutOptionError extends InvalidOptionError {
  /**
   * @param option path of the offending option
   * @param reason why its value is rejected
   * @param source the underlying validation error, if any
   */
  constructor(option: string, reason: string, source: Pick<InvalidOptionInit, 'cause'> = {}) {
    super({ component: 'Rollout plan', option, reason, ...source });
  }
}
