import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { applySchemaPatch, FLAGD_SCHEMA_EXTENSION } from './flagd-schema-extension.js';
import { flagEntries } from './flag-entries.js';
import type { FlagEntry } from './flag-entries.js';
import { JsonMemo } from './json-memo.js';
import { pointerSegment } from './json-location.js';

const vendorDir = new URL('../../vendor/flagd-schemas/', import.meta.url);

/** A vendored schema file with the extension's patches for it applied. */
function loadSchema(name: 'flags.json' | 'targeting.json'): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(new URL(name, vendorDir), 'utf8')) as Record<string, unknown>;
  for (const patch of FLAGD_SCHEMA_EXTENSION) if (patch.file === name) applySchemaPatch(schema, patch.pointer, patch.value);
  return schema;
}

type FlagType = 'boolean' | 'string' | 'number' | 'object';

interface FlagdValidators {
  readonly document: ValidateFunction;
  /** The typed flag schemas with `targeting` left out, which {@link targeting} then judges once per distinct rule. */
  readonly untargeted: Readonly<Record<FlagType, ValidateFunction>>;
  readonly targeting: ValidateFunction;
  readonly byType: Readonly<Record<FlagType, ValidateFunction>>;
  readonly keyed: ValidateFunction;
}

function compileFlagdValidators(): FlagdValidators {
  const flags = loadSchema('flags.json');
  // ajv loads on the first file validated, not on import: an application that only imports the provider does not pay for it.
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  // strict: false because the official schemas use `$comment`s and tuple forms ajv's strict mode flags.
  // allErrors stays off: collecting every error made a rule with a few thousand wrong
  // arguments take seconds to judge; the first error of each failed branch still locates it.
  const ajv = new Ajv({ strict: false });
  const targetingSchema = loadSchema('targeting.json');
  ajv.addSchema(targetingSchema);
  const document = ajv.compile(flags);
  const untargetedSchema = structuredClone(flags) as { $id: string; definitions: { flag: { properties: { targeting: unknown } } } };
  untargetedSchema.$id = String(flags.$id).replace(/flags\.json$/, 'flags-untargeted.json');
  untargetedSchema.definitions.flag.properties.targeting = true;
  ajv.addSchema(untargetedSchema);
  const definition = (name: string, id = String(flags.$id)) => ajv.getSchema(`${id}#/definitions/${name}`)!;
  const typed = (id?: string) => ({ boolean: definition('booleanFlag', id), string: definition('stringFlag', id), number: definition('numberFlag', id), object: definition('objectFlag', id) });
  return {
    document,
    untargeted: typed(untargetedSchema.$id),
    targeting: ajv.getSchema(String(targetingSchema.$id))!,
    byType: typed(),
    keyed: definition('keyedFlag'),
  };
}

let validators: FlagdValidators | undefined;

/** A schema violation: where (JSON pointer) and why. */
export interface SchemaViolation {
  readonly jsonPath: string;
  readonly reason: string;
}

/**
 * Validates a parsed flag file against the flagd schemas (the vendored files
 * and their extension): no violations when it conforms, else one per flag
 * that deviates (its most specific problem) and one for the rest of the file.
 */
export function checkFlagdSchema(document: unknown, json: JsonMemo = new JsonMemo(), entries: readonly FlagEntry[] = flagEntries(document)): SchemaViolation[] {
  validators ??= compileFlagdValidators();
  // The fast judgement is sound but may refuse a file the whole schema accepts; the whole schema decides then.
  if (conforms(document, entries, validators, json) || validators.document(document)) return [];
  const whole = validators.document.errors ?? [];
  const violations = [...flagViolations(entries, validators), ...restViolations(document, validators)];
  return violations.length > 0 ? violations : [mostSpecific(whole, '')];
}

/** The keys `flagsMap` allows (the schema's `patternProperties`, as ajv reads it). */
const FLAG_KEY = /^.{1,}$/u;

/**
 * Whether the document conforms, judged piece by piece: the file without its
 * flags, each flag against the one typed schema its first variant selects
 * (rather than trying all four, as the schema's anyOf does), without its
 * targeting, and each distinct targeting rule once: files repeat rules (the
 * same cohort, the same split), and rules are what cost the validator most.
 * The flag schema constrains `targeting` only through its reference to the
 * targeting schema, so when every piece passes the whole passes; a false
 * answer proves nothing and leaves it to the whole schema.
 */
function conforms(document: unknown, entries: readonly FlagEntry[], validators: FlagdValidators, json: JsonMemo): boolean {
  const { untargeted, targeting, keyed } = validators;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return false;
  const flags = (document as { flags?: unknown }).flags;
  if (flags === null || typeof flags !== 'object') return false;
  if (!validators.document({ ...document, flags: {} })) return false;
  const judged = new Map<string, boolean>();
  for (const entry of entries) {
    if (entry.keyed ? !keyed(entry.definition) : !FLAG_KEY.test(entry.key)) return false;
    if (!untargeted[typeOfFirstVariant(entry.definition)](entry.definition)) return false;
    const rule = (entry.definition as { targeting?: unknown } | null)?.targeting;
    if (rule === undefined) continue;
    const text = json.of(rule);
    let valid = judged.get(text);
    if (valid === undefined) {
      valid = targeting(rule);
      judged.set(text, valid);
    }
    if (!valid) return false;
  }
  return true;
}

/**
 * A flag matches one of four typed schemas (anyOf), so ajv reports each
 * branch's failures, most of them beside the point. Each flag is validated
 * against the one schema its first variant's type selects; its errors are the
 * ones a person can act on.
 */
function flagViolations(entries: readonly FlagEntry[], { byType, keyed }: FlagdValidators): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  for (const entry of entries) {
    const at = `/${entry.path.map(pointerSegment).join('/')}`;
    const validate = byType[typeOfFirstVariant(entry.definition)];
    if (!validate(entry.definition)) violations.push(mostSpecific(validate.errors ?? [], at));
    else if (entry.keyed && !keyed(entry.definition)) violations.push(mostSpecific(keyed.errors ?? [], at));
  }
  return violations;
}

/** The file without its flags: flag-set metadata, `$evaluators`, stray fields of the root. */
function restViolations(document: unknown, { document: validate }: FlagdValidators): SchemaViolation[] {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return [];
  if (validate({ ...document, flags: {} })) return [];
  return [mostSpecific(validate.errors ?? [], '')];
}

function typeOfFirstVariant(definition: unknown): FlagType {
  const variants = (definition as { variants?: unknown } | null)?.variants;
  const first = variants !== null && typeof variants === 'object' ? Object.values(variants)[0] : undefined;
  const type = typeof first;
  return type === 'boolean' || type === 'string' || type === 'number' ? type : 'object';
}

/**
 * ajv reports every failed branch of the schema's anyOf/oneOf; the deepest
 * error is the one a person can act on.
 */
function mostSpecific(errors: readonly ErrorObject[], prefix: string): SchemaViolation {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length * 2 + (e.keyword === 'anyOf' || e.keyword === 'oneOf' ? 0 : 1);
  const best = [...errors].sort((a, b) => depth(b) - depth(a))[0];
  if (!best) return { jsonPath: prefix, reason: 'flagd schema: does not match the flagd schema' };
  const detail = best.keyword === 'additionalProperties' ? ` (${String(best.params.additionalProperty)})` : best.keyword === 'enum' ? ` (${JSON.stringify(best.params.allowedValues)})` : '';
  return { jsonPath: `${prefix}${best.instancePath}`, reason: `flagd schema: ${best.message ?? best.keyword}${detail}` };
}
