import type { z } from 'zod';
import { InvalidOptionError } from './invalid-option-error.js';

/**
 * Merges options over defaults and validates the result, so every domain
 * config goes through one path and a bad option is named in the error.
 */
export function resolveOptions<Config extends object>(
  schema: z.ZodType<Config>,
  defaults: Config,
  options: Partial<Config> | undefined,
): Config {
  const defined = Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined));
  const result = schema.safeParse({ ...defaults, ...defined });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // An unknown option has no path of its own; zod lists it in `keys`.
  const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
  const option = [...(issue?.path ?? []).map(String), ...keys].join('.') || '(options)';
  throw new InvalidOptionError(option, issue?.message ?? 'invalid', { cause: result.error });
}
