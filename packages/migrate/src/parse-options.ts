import type { z } from 'zod';
import { InvalidOptionError } from './migration-error.js';

/**
 * Merges `defaults` with the defined values of `options`, validates the result
 * against `schema`, and throws {@link InvalidOptionError} naming the first bad
 * option; `owner` says whose options they are ("Redis item lock").
 */
export function parseOptions<T>(schema: z.ZodType<T>, defaults: Readonly<T>, options: Partial<T>, owner: string): T {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse({ ...defaults, ...given });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? (issue && 'keys' in issue ? issue.keys[0] : 'options'));
  throw new InvalidOptionError(`invalid ${owner} option "${key}": ${issue?.message ?? 'invalid'}`, { cause: parsed.error });
}
