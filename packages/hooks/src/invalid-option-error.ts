import { HooksError } from './hooks-error.js';

/** An option (or the environment variable behind it) has a value that cannot be used. */
export class InvalidOptionError extends HooksError {
  /** Name of the offending option, e.g. `durationBuckets`. */
  readonly option: string;

  /**
   * @param option name of the offending option
   * @param message why its value is rejected
   * @param options the underlying validation error, if any
   */
  constructor(option: string, message: string, options?: { cause?: unknown }) {
    super('INVALID_OPTION', `invalid option "${option}": ${message}`, options);
    this.option = option;
  }
}
