import { CutoverError } from './cutover-error.js';

/** Where a rejected option came from: its name, and the environment variable behind it when that supplied the value. */
export interface InvalidOptionInit {
  /** What was being configured, e.g. `CutoverProvider`. */
  readonly component: string;
  /** The dotted name of the bad option, e.g. `remote.port`. */
  readonly option: string;
  /** Why its value is rejected. */
  readonly reason: string;
  /** The environment variable the value was read from, when it was. */
  readonly envVariable?: string;
  /** The underlying validation error. */
  readonly cause?: unknown;
}

/** An option (or the environment variable behind it) has a value that cannot be used; names both. */
export class InvalidOptionError extends CutoverError {
  /** What was being configured. */
  readonly component: string;
  /** The dotted name of the bad option. */
  readonly option: string;
  /** The environment variable that supplied the bad value, if one did. */
  readonly envVariable: string | undefined;

  constructor(init: InvalidOptionInit) {
    const from = init.envVariable === undefined ? '' : ` (from ${init.envVariable})`;
    super('INVALID_OPTION', `${init.component} option "${init.option}"${from}: ${init.reason}`, { cause: init.cause });
    this.component = init.component;
    this.option = init.option;
    this.envVariable = init.envVariable;
  }
}
