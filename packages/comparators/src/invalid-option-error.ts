import { ComparatorsError } from './comparators-error.js';

/** An option given to a comparator is invalid; `option` names it. */
export class InvalidOptionError extends ComparatorsError {
  /** The dotted name of the bad option (`tolerance.relative`). */
  readonly option: string;

  constructor(option: string, message: string, options?: { cause?: unknown }) {
    super('INVALID_OPTION', `invalid option "${option}": ${message}`, options);
    this.option = option;
  }
}
