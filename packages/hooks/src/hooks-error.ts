/**
 * Base class of the errors `@cutover/hooks` throws itself. OpenFeature's own
 * error classes are used instead wherever the meaning matches.
 */
export class HooksError extends Error {
  /** Stable, machine-readable identifier of the failure. */
  readonly code: string;

  /**
   * @param code stable identifier, e.g. `INVALID_OPTION`
   * @param message what went wrong, for a human
   * @param options the underlying error, if any
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
