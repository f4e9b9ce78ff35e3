import { resolveOptions } from '@cutover/core';
import type { z } from 'zod';

/**
 * Merges `defaults` with the defined values of `options`, validates the result
 * against `schema`, and throws core's `InvalidOptionError` naming the first bad
 * option; `owner` says whose options they are ("Redis item lock").
 */
export function parseOptions<T extends object>(schema: z.ZodType<T>, defaults: Readonly<T>, options: Partial<T>, owner: string): T {
  return resolveOptions({ component: owner, naming: 'top', schema, defaults }, options, {});
}
