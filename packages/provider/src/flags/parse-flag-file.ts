import { hasTargeting } from '@cutover/flag-model';
import type { FlagMetadata } from '@openfeature/server-sdk';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { CompiledFlag } from './compiled-flag.js';
import type { FlagDefinition } from './flag-definition.js';
import { flagEntries } from './flag-entries.js';
import type { FlagEntry } from './flag-entries.js';
import { FileRules } from './file-rules.js';
import type { DistinctRule } from './file-rules.js';
import { FLAG_FILE_LIMITS } from './flag-file-limits.js';
import { FlagFileError } from './flag-file-error.js';
import type { FlagFileProblem } from './flag-file-error.js';
import type { FlagSet } from './flag-set.js';
import { checkFlagdSchema } from './flagd-schema.js';
import { JsonMemo, mayHoldInfinity } from './json-memo.js';
import { findDeepNesting } from './find-deep-nesting.js';
import { findSyntaxError, locateOffset, locatePointer, pointerSegment } from './json-location.js';
import { checkMigrationConventions } from './migration-conventions.js';
import { ReferencedSize } from './referenced-size.js';
import { resolveEvaluators } from './resolve-evaluators.js';
import { checkServable } from './servable-structure.js';
import { targetingVariants } from './targeting-variants.js';

/** How {@link parseFlagFile} reads a file. */
export interface ParseFlagFileOptions {
  /** How `fractional` buckets. @default 'v2' */
  readonly bucketing?: BucketingVersion;
  /** Treat every warning as an error: the first one rejects the file. @default false */
  readonly strict?: boolean;
  /**
   * Check the file against flagd's schemas. A deviation is only ever a warning
   * (or, with `strict`, an error), so a reader that wants the flags and their
   * errors alone (`cutover status`) turns this off and never loads the schema
   * validator. Always on with `strict`.
   * @default true
   */
  readonly schemaWarnings?: boolean;
}

/**
 * Parses, validates and compiles one flagd JSON file (flags by key, or the
 * `flags` array of flagd.json), with flagd's policy:
 * - what flagd itself cannot serve throws a FlagFileError naming the file, the
 *   JSON path, line and column, and the reason: invalid JSON, a field of the
 *   wrong JSON type, a `defaultVariant` or a literal targeting result that
 *   names no variant, a rule that does not compile; so does a migration flag
 *   that breaks Cutover's conventions, and a file past {@link FLAG_FILE_LIMITS}
 *   (nested too deep, or `$ref`s that would copy too much in);
 * - what flagd serves anyway is a warning of the returned set, with the same
 *   location, and the flag serves as flagd serves it: a deviation from the
 *   official schemas, a `$ref` to no evaluator (that flag answers PARSE_ERROR),
 *   a `$flagd` property flagd does not set (it reads as null).
 * With `strict`, the first warning throws instead.
 */
export function parseFlagFile(text: string, file: string, options: ParseFlagFileOptions = {}): FlagSet {
  const locate = (jsonPath: string, reason: string): FlagFileProblem => locateProblem(text, file, jsonPath, reason);
  const fail = (jsonPath: string, reason: string, cause?: unknown): never => {
    throw new FlagFileError(locate(jsonPath, reason), { cause });
  };
  const warnings: FlagFileProblem[] = [];
  const warn = (jsonPath: string, reason: string): void => {
    if (options.strict) fail(jsonPath, reason);
    warnings.push(locate(jsonPath, reason));
  };
  // Before anything that recurses: a deep enough text would exhaust the stack of every parser.
  const deep = findDeepNesting(text, FLAG_FILE_LIMITS.maxNestingDepth);
  if (deep !== undefined) throw new FlagFileError({ file, ...locateOffset(text, deep), reason: `nested deeper than ${FLAG_FILE_LIMITS.maxNestingDepth} levels of arrays and objects` });
  const document = parseJson(text, file) as { $evaluators?: Record<string, unknown> | null; metadata?: Record<string, unknown> | null };
  const entries = flagEntries(document);
  const unservable = checkServable(document, entries);
  if (unservable) fail(unservable.jsonPath, unservable.reason);
  // The schema check and the compiler share each rule's text; alone, the compiler needs each text once.
  const schema = options.schemaWarnings !== false || options.strict === true;
  const overflows = mayHoldInfinity(text);
  const memo = schema || overflows ? new JsonMemo(overflows) : undefined;
  if (schema) for (const violation of checkFlagdSchema(document, memo, entries)) warn(violation.jsonPath, violation.reason);
  const json = memo ?? UNSHARED_JSON;

  const evaluators = document.$evaluators ?? {};
  const setMetadata = primitives(document.metadata);
  const referenced = new ReferencedSize(evaluators);
  const rules = new FileRules(options.bucketing);
  const sharedMetadata = new Map<string, FlagMetadata>();
  const plainMetadata: FlagMetadata = Object.freeze({ ...setMetadata, source: 'file' });
  const flags = new Map<string, CompiledFlag>();
  for (const entry of entries) {
    const { key } = entry;
    const definition = readDefinition(entry.definition);
    const variant = definition.defaultVariant;
    if (typeof variant === 'string' && !Object.hasOwn(definition.variants, variant)) {
      fail(`${pointerOf(entry)}/defaultVariant`, `defaultVariant names no variant of the flag: "${variant}"`);
    }
    const convention = checkMigrationConventions(definition);
    if (convention) fail(`${pointerOf(entry)}/${convention.path.map(pointerSegment).join('/')}`, convention.reason);
    // The rule's JSON text (needed anyway to share rules) rules out `$ref`s faster than a walk of the rule.
    const targetingText = definition.targeting === undefined ? undefined : json.of(definition.targeting);
    const mayReference = targetingText !== undefined && targetingText.includes('"$ref"');
    const oversized = mayReference ? referenced.check(definition.targeting, `${pointerOf(entry)}/targeting`, FLAG_FILE_LIMITS.maxReferencedNodes) : undefined;
    if (oversized) fail(oversized.jsonPath, oversized.reason);
    const { logic, unresolved } = mayReference ? resolveEvaluators(definition.targeting, evaluators, `${pointerOf(entry)}/targeting`) : { logic: definition.targeting, unresolved: [] };
    for (const reference of unresolved) warn(reference.jsonPath, `${reference.reason}; the flag answers PARSE_ERROR, as in flagd`);
    const logicText = logic === definition.targeting ? targetingText : json.of(logic);
    const distinct = logic === undefined || logicText === undefined ? undefined : rules.of(logic, logicText);
    const facts = distinct ?? NO_FACTS;
    for (const property of facts.unknownProperties) warn(`${pointerOf(entry)}/targeting`, `"${property}" is not a flagd property (flagd sets $flagd.flagKey and $flagd.timestamp); it reads as null`);
    for (const variant of facts.variants) {
      if (Object.hasOwn(definition.variants, variant)) continue;
      const at = targetingVariants(logic, `${pointerOf(entry)}/targeting`).find((reference) => reference.variant === variant);
      fail(at?.jsonPath ?? `${pointerOf(entry)}/targeting`, `targeting returns "${variant}", which names no variant of the flag`);
    }
    const metadata = definition.metadata === undefined ? plainMetadata : intern(sharedMetadata, Object.freeze({ ...setMetadata, ...primitives(definition.metadata), source: 'file' }));
    const unusableTargeting = unresolved[0]?.reason;
    try {
      const rule = unusableTargeting === undefined && hasTargeting(logic) ? distinct?.rule() : undefined;
      flags.set(key, new CompiledFlag(key, definition, { logic, metadata, bucketing: options.bucketing, ...(rule && { rule }), ...(unusableTargeting === undefined ? {} : { unusableTargeting }) }));
    } catch (error) {
      fail(`${pointerOf(entry)}/targeting`, `targeting does not compile: ${error instanceof Error ? error.message : JSON.stringify(error)}`, error);
    }
  }
  return { file, flags, metadata: Object.freeze(setMetadata), warnings: Object.freeze(warnings) };
}

/**
 * The deviations from flagd's official schemas of a file `parseFlagFile`
 * accepted, located as its warnings are. For a reader that serves the flags
 * first (`schemaWarnings: false`) and checks the schema afterwards, off the
 * start-up path: on files with thousands of distinct rules the schema check
 * is most of the load.
 */
export function flagdSchemaWarnings(text: string, file: string): FlagFileProblem[] {
  const document = parseJson(text, file);
  return checkFlagdSchema(document, new JsonMemo(mayHoldInfinity(text))).map((violation) => locateProblem(text, file, violation.jsonPath, violation.reason));
}

function locateProblem(text: string, file: string, jsonPath: string, reason: string): FlagFileProblem {
  return { file, jsonPath, reason, ...locatePointer(text, jsonPath) };
}

/** Each value's JSON text, computed at each call: for a parse that reads each rule's text once. */
const UNSHARED_JSON: Pick<JsonMemo, 'of'> = { of: (value) => JSON.stringify(value) ?? 'undefined' };

/** The flag's JSON pointer, built only for a problem to report. */
function pointerOf(entry: FlagEntry): string {
  return `/${entry.path.map(pointerSegment).join('/')}`;
}

const NO_FACTS: Pick<DistinctRule, 'unknownProperties' | 'variants'> = { unknownProperties: [], variants: [] };

/**
 * The document, by JSON.parse (strict JSON, and the fastest reader there is);
 * only a text it refuses is read again to say where the error is.
 */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const syntax = findSyntaxError(text);
    throw new FlagFileError({ file, jsonPath: '', reason: syntax?.reason ?? `invalid JSON: ${(cause as Error).message}`, ...syntax?.position }, { cause });
  }
}

/** A flag as the evaluator reads it: as written, without the array form's `key`, with `variants` present. */
function readDefinition(raw: unknown): FlagDefinition {
  const written = raw as FlagDefinition & { key?: unknown };
  // The object form, nearly every flag: the parsed object itself, not a copy.
  if (written.variants && !Object.hasOwn(written, 'key')) return written;
  const { key: _key, ...flag } = written;
  return flag.variants ? flag : { ...flag, variants: {} };
}

/**
 * One object per distinct flag metadata within a file: most flags carry the
 * same (often only `source`), and every result a flag serves refers to it.
 */
function intern(known: Map<string, FlagMetadata>, metadata: FlagMetadata): FlagMetadata {
  const json = JSON.stringify(metadata);
  const shared = known.get(json);
  if (shared) return shared;
  known.set(json, metadata);
  return metadata;
}

/**
 * The metadata values OpenFeature can carry (string, number, boolean). The
 * schema allows no others; flagd serves a file that has them, and so do we,
 * without them.
 */
function primitives(metadata: Readonly<Record<string, unknown>> | null | undefined): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(metadata ?? {}).filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1])));
}
