/**
 * Base class of the errors `@cutover/rollout` throws, with a stable string
 * `code`: `INVALID_OPTION` (a plan or option, see {@link InvalidRolloutOptionError}),
 * `FLAG_NOT_ROLLABLE` (the flag cannot take a controller split),
 * `NO_PENDING_APPROVAL`, `ROLLOUT_NOT_FOUND`, `ROLLOUT_CONFLICT`.
 */
export class RolloutError extends Error {
  /** Stable, machine-readable identifier of the failure. */
  readonly code: string;

  /**
   * @param code stable identifier, e.g. `FLAG_NOT_ROLLABLE`
   * @param message what went wrong, for a human
   * @param options the underlying error, if any
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A plan option (from a plan file, the CLI or code) has a value that cannot be used. */
export class InvalidRolloutOptionError extends RolloutError {
  /** Path of the offending option, e.g. `steps[2].percent` or `window`. */
  readonly option: string;

  /**
   * @param option path of the offending option
   * @param message why its value is rejected
   * @param options the underlying validation error, if any
   */
  constructor(option: string, message: string, options?: { cause?: unknown }) {
    super('INVALID_OPTION', `invalid rollout option "${option}": ${message}`, options);
    this.option = option;
  }
}
