import { flagEntries } from './flag-entries.js';
import type { FlagEntry } from './flag-entries.js';
import type { SchemaViolation } from './flagd-schema.js';
import { pointerSegment } from './json-location.js';

/** The JSON types flagd decodes a flag's fields into. */
type Kind = 'string' | 'string or null' | 'object or null';

const EXPECTED: Readonly<Record<Kind, string>> = { string: 'a string', 'string or null': 'a string or null', 'object or null': 'an object or null' };

/**
 * The fields flagd decodes into typed values; any other deviation from the
 * schema it serves as written. Checked by hand rather than with a schema
 * library: every file of every process runs this, and it is a few `typeof`s.
 */
const SERVABLE_FLAG: Readonly<Record<string, Kind>> = {
  key: 'string',
  state: 'string',
  defaultVariant: 'string or null',
  variants: 'object or null',
  metadata: 'object or null',
};

/**
 * The first reason flagd itself could not load a parsed flag file, which no
 * schema leniency can serve: the root, `flags`, a flag, its `state`,
 * `defaultVariant`, `variants` or `metadata` of the wrong JSON type, or an
 * empty shared evaluator. Undefined when flagd would load it.
 */
export function checkServable(document: unknown, entries: readonly FlagEntry[] = flagEntries(document)): SchemaViolation | undefined {
  if (!isObject(document)) return violation([], `expected an object, received ${kindOf(document)}`);
  const { flags, metadata, $evaluators } = document;
  if (flags !== null && !Array.isArray(flags) && !isObject(flags)) return violation(['flags'], 'must be an object of flags by key, or an array of flags');
  for (const [name, value] of [['metadata', metadata], ['$evaluators', $evaluators]] as const) {
    if (value !== undefined && value !== null && !isObject(value)) return violation([name], `expected an object, received ${kindOf(value)}`);
  }
  for (const [name, rule] of Object.entries(isObject($evaluators) ? $evaluators : {})) {
    // flagd substitutes `$ref`s textually and refuses an evaluator with no content.
    if ((JSON.stringify(rule) ?? '').length < 3) return { jsonPath: `/$evaluators/${pointerSegment(name)}`, reason: 'flagd cannot load this file: the evaluator is empty' };
  }
  for (const entry of entries) {
    const flag = entry.definition;
    if (!isObject(flag)) return violation(entry.path, `expected an object, received ${kindOf(flag)}`);
    for (const [field, kind] of Object.entries(SERVABLE_FLAG)) {
      const value = flag[field];
      if (value === undefined || fits(value, kind)) continue;
      return violation([...entry.path, field], `expected ${EXPECTED[kind]}, received ${kindOf(value)}`);
    }
  }
  return undefined;
}

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'string or null') return value === null || typeof value === 'string';
  return value === null || isObject(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The JSON type of a value, as the messages name it. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function violation(path: readonly (string | number)[], reason: string): SchemaViolation {
  return { jsonPath: path.length === 0 ? '' : `/${path.map(pointerSegment).join('/')}`, reason: `flagd cannot load this file: ${reason}` };
}
