import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';

const vendorDir = new URL('../../vendor/flagd-schemas/', import.meta.url);
const loadSchema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, vendorDir), 'utf8')) as Record<string, unknown>;

/**
 * The official flagd schemas (vendored, unmodified) compiled once with ajv.
 * The vendored revision predates flagd's `"defaultVariant": null` ("use the
 * code default"), which the flagd server accepts; we allow it here, in code,
 * rather than edit the vendored file.
 */
function compileFlagdValidator() {
  const flags = loadSchema('flags.json');
  const definitions = flags.definitions as Record<string, { properties: Record<string, { type: unknown }>; required: string[] }>;
  const flag = definitions.flag!;
  flag.properties.defaultVariant!.type = ['string', 'null'];
  flag.required = flag.required.filter((name) => name !== 'defaultVariant');
  // strict: false because the official schemas use `$comment`s and tuple forms ajv's strict mode flags.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(loadSchema('targeting.json'));
  const validate = ajv.compile(flags);
  const byType = (type: string) => ajv.getSchema(`${String(flags.$id)}#/definitions/${type}Flag`)!;
  return { validate, flagValidators: { boolean: byType('boolean'), string: byType('string'), number: byType('number'), object: byType('object') } };
}

let validators: ReturnType<typeof compileFlagdValidator> | undefined;

/** A schema violation: where (JSON pointer) and why. */
export interface SchemaViolation {
  readonly jsonPath: string;
  readonly reason: string;
}

/** Validates a parsed flag file against the flagd schemas; undefined when valid. */
export function checkFlagdSchema(document: unknown): SchemaViolation | undefined {
  validators ??= compileFlagdValidator();
  const { validate } = validators;
  if (validate(document)) return undefined;
  const errors = validate.errors ?? [];
  return explainFlag(document, errors) ?? mostSpecific(errors);
}

/**
 * A flag matches one of four typed schemas (anyOf), so ajv reports each
 * branch's failures, most of them beside the point. We re-validate the first
 * failing flag against the one schema its first variant's type selects; its
 * errors are the ones a person can act on.
 */
function explainFlag(document: unknown, errors: readonly ErrorObject[]): SchemaViolation | undefined {
  const key = errors.map((e) => /^\/flags\/([^/]+)/.exec(e.instancePath)?.[1]).find((k) => k !== undefined);
  if (key === undefined) return undefined;
  const flag = (document as { flags: Record<string, { variants?: Record<string, unknown> }> }).flags[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  const first = Object.values(flag?.variants ?? {})[0];
  const type = typeof first === 'boolean' ? 'boolean' : typeof first === 'string' ? 'string' : typeof first === 'number' ? 'number' : 'object';
  const validate = validators!.flagValidators[type];
  if (validate(flag)) return undefined;
  const violation = mostSpecific(validate.errors ?? []);
  return { jsonPath: `/flags/${key}${violation.jsonPath}`, reason: violation.reason };
}

/**
 * ajv reports every failed branch of the schema's anyOf/oneOf; the deepest
 * error is the one a person can act on.
 */
function mostSpecific(errors: readonly ErrorObject[]): SchemaViolation {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length * 2 + (e.keyword === 'anyOf' || e.keyword === 'oneOf' ? 0 : 1);
  const best = [...errors].sort((a, b) => depth(b) - depth(a))[0];
  if (!best) return { jsonPath: '', reason: 'does not match the flagd schema' };
  const detail = best.keyword === 'additionalProperties' ? ` (${String(best.params.additionalProperty)})` : best.keyword === 'enum' ? ` (${JSON.stringify(best.params.allowedValues)})` : '';
  return { jsonPath: best.instancePath, reason: `flagd schema: ${best.message ?? best.keyword}${detail}` };
}
