import { createRequire } from 'node:module';
import type { z } from 'zod';

/**
 * A schema built on first use from the zod namespace it is given. Loading zod
 * takes a process a tenth of a second or more, which an application that only
 * imports a package (or a command that never reads that option) should not pay.
 */
export type SchemaBuilder<T> = (zod: typeof z) => z.ZodType<T>;

let namespace: typeof z | undefined;
const built = new WeakMap<SchemaBuilder<unknown>, z.ZodType<unknown>>();

/** zod, loaded on the first call. Synchronous, because option resolvers are. */
export function loadZod(): typeof z {
  namespace ??= (createRequire(import.meta.url)('zod') as { z: typeof z }).z;
  return namespace;
}

/** The schema itself, or the builder's schema, built once and kept. */
export function schemaOf<T>(schema: z.ZodType<T> | SchemaBuilder<T>): z.ZodType<T> {
  if (typeof schema !== 'function') return schema;
  let known = built.get(schema as SchemaBuilder<unknown>) as z.ZodType<T> | undefined;
  if (!known) {
    known = schema(loadZod());
    built.set(schema as SchemaBuilder<unknown>, known);
  }
  return known;
}
