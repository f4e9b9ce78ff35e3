import { z } from 'zod';
import { flagEntries } from './flag-entries.js';
import type { SchemaViolation } from './flagd-schema.js';
import { pointerSegment } from './json-location.js';

const objectOrNull = z.record(z.string(), z.unknown()).nullable().optional();

/** The fields flagd decodes into typed values; any other deviation from the schema it serves as written. */
const servableFlag = z
  .object({
    key: z.string().optional(),
    state: z.string().optional(),
    defaultVariant: z.string().nullable().optional(),
    variants: objectOrNull,
    metadata: objectOrNull,
  })
  .loose();

const servableRoot = z
  .object({
    flags: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())], { error: 'must be an object of flags by key, or an array of flags' }).nullable(),
    metadata: objectOrNull,
    $evaluators: objectOrNull,
  })
  .loose();

/**
 * The first reason flagd itself could not load a parsed flag file, which no
 * schema leniency can serve: the root, `flags`, a flag, its `state`,
 * `defaultVariant`, `variants` or `metadata` of the wrong JSON type, or an
 * empty shared evaluator. Undefined when flagd would load it.
 */
export function checkServable(document: unknown): SchemaViolation | undefined {
  const root = servableRoot.safeParse(document);
  if (!root.success) return violation(root.error, []);
  for (const [name, rule] of Object.entries(root.data.$evaluators ?? {})) {
    // flagd substitutes `$ref`s textually and refuses an evaluator with no content.
    if ((JSON.stringify(rule) ?? '').length < 3) return { jsonPath: `/$evaluators/${pointerSegment(name)}`, reason: 'flagd cannot load this file: the evaluator is empty' };
  }
  for (const entry of flagEntries(document)) {
    const flag = servableFlag.safeParse(entry.definition);
    if (!flag.success) return violation(flag.error, entry.path);
  }
  return undefined;
}

function violation(error: z.ZodError, prefix: readonly (string | number)[]): SchemaViolation {
  const issue = error.issues[0]!;
  const path = [...prefix, ...(issue.path as (string | number)[])];
  return { jsonPath: path.length === 0 ? '' : `/${path.map(pointerSegment).join('/')}`, reason: `flagd cannot load this file: ${issue.message}` };
}
