import type { z } from 'zod';

/** A flagd remote option that is not valid; names the option. */
export class FlagdRemoteOptionError extends Error {
  readonly code = 'INVALID_OPTION';
  constructor(
    readonly option: string,
    reason: string,
  ) {
    super(`flagd remote option "${option}": ${reason}`);
    this.name = 'FlagdRemoteOptionError';
  }
}

/** Validates merged options with a zod schema; throws a {@link FlagdRemoteOptionError} naming the first bad option. */
export function validateFlagdOptions<T>(schema: z.ZodType, candidate: T): T {
  const result = schema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const option = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
    throw new FlagdRemoteOptionError(option || '(options)', issue.message);
  }
  return candidate;
}

/** An environment variable as a number; undefined when unset or blank (zod then reports a non-number). */
export function numberFrom(text: string | undefined): number | undefined {
  return text === undefined || text.trim() === '' ? undefined : Number(text);
}
