import type { BucketingVersion } from '../hashing/bucketing.js';
import { CompiledFlag } from './compiled-flag.js';
import type { FlagDefinition, FlagFileDocument } from './flag-definition.js';
import { FlagFileError } from './flag-file-error.js';
import type { FlagSet } from './flag-set.js';
import { checkFlagdSchema } from './flagd-schema.js';
import { findSyntaxError, locatePointer, pointerSegment } from './json-location.js';
import { checkMigrationConventions } from './migration-conventions.js';
import { EvaluatorReferenceError, resolveEvaluators } from './resolve-evaluators.js';
import { targetingVariants } from './targeting-variants.js';

/**
 * Parses, validates and compiles one flagd JSON file. Throws a FlagFileError
 * naming the file, the JSON path, line and column, and the reason, for: invalid
 * JSON, a flagd schema violation, a `defaultVariant` or a literal targeting
 * result that names no variant, an unknown `$ref`, a rule that does not
 * compile, and a migration flag that breaks Cutover's conventions.
 */
export function parseFlagFile(text: string, file: string, options: { readonly bucketing?: BucketingVersion } = {}): FlagSet {
  const fail = (jsonPath: string, reason: string, cause?: unknown): never => {
    const position = locatePointer(text, jsonPath);
    throw new FlagFileError({ file, jsonPath, reason, ...position }, { cause });
  };
  const syntax = findSyntaxError(text);
  if (syntax) throw new FlagFileError({ file, jsonPath: '', reason: syntax.reason, ...syntax.position });
  const document = JSON.parse(text) as FlagFileDocument;
  const violation = checkFlagdSchema(document);
  if (violation) fail(violation.jsonPath, violation.reason);

  const evaluators = document.$evaluators ?? {};
  const flags = new Map<string, CompiledFlag>();
  for (const [key, definition] of Object.entries(document.flags)) {
    const at = `/flags/${pointerSegment(key)}`;
    const variant = definition.defaultVariant;
    if (typeof variant === 'string' && !Object.hasOwn(definition.variants, variant)) {
      fail(`${at}/defaultVariant`, `defaultVariant names no variant of the flag: "${variant}"`);
    }
    const convention = checkMigrationConventions(definition);
    if (convention) fail(`${at}/${convention.path.map(pointerSegment).join('/')}`, convention.reason);
    const logic = resolveTargeting(definition, evaluators, `${at}/targeting`, fail);
    for (const ref of targetingVariants(logic, `${at}/targeting`)) {
      if (!Object.hasOwn(definition.variants, ref.variant)) fail(ref.jsonPath, `targeting returns "${ref.variant}", which names no variant of the flag`);
    }
    try {
      flags.set(key, new CompiledFlag(key, definition, { logic, metadata: { ...document.metadata, ...definition.metadata, source: 'file' }, bucketing: options.bucketing }));
    } catch (error) {
      fail(`${at}/targeting`, `targeting does not compile: ${error instanceof Error ? error.message : JSON.stringify(error)}`, error);
    }
  }
  return { file, flags, metadata: Object.freeze({ ...document.metadata }) };
}

function resolveTargeting(
  definition: FlagDefinition,
  evaluators: Readonly<Record<string, unknown>>,
  jsonPath: string,
  fail: (jsonPath: string, reason: string, cause?: unknown) => never,
): unknown {
  try {
    return resolveEvaluators(definition.targeting, evaluators, jsonPath);
  } catch (error) {
    if (error instanceof EvaluatorReferenceError) return fail(error.jsonPath, error.message, error);
    throw error;
  }
}
