import { CutoverError } from '@cutover/core';

/**
 * Base class of the errors `@cutover/hooks` throws itself. OpenFeature's own
 * error classes are used instead wherever the meaning matches; a bad option is
 * core's `InvalidOptionError`.
 */
export class HooksError extends CutoverError {}
