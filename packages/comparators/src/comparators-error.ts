import { CutoverError } from '@cutover/core';

/** Base of the errors thrown by @cutover/comparators; `code` is stable. A bad option is core's `InvalidOptionError`. */
export class ComparatorsError extends CutoverError {}
