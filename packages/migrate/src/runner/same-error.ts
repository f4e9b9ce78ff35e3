import { isDeepStrictEqual } from 'node:util';

/** The default `compareErrors`, as Scientist's: errors match when their name and message match. */
export function sameError(legacy: unknown, candidate: unknown): boolean {
  if (legacy instanceof Error && candidate instanceof Error) {
    return legacy.name === candidate.name && legacy.message === candidate.message;
  }
  return isDeepStrictEqual(legacy, candidate);
}
