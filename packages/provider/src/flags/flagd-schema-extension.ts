/** One change the current flagd schemas made to a definition of the vendored revision. */
export interface SchemaPatch {
  /** The vendored file the patch applies to. */
  readonly file: 'flags.json' | 'targeting.json';
  /** JSON pointer of the value set (created, or replaced whole). */
  readonly pointer: string;
  readonly value: unknown;
  /** The flagd-schemas release that made the change, and what it allows. */
  readonly why: string;
}

const typedFlags = ['booleanFlag', 'stringFlag', 'numberFlag', 'objectFlag'].map((name) => ({ $ref: `#/definitions/${name}` }));

/**
 * What the official flagd schemas (release 0.2.15) say that the vendored
 * revision (0.11.15 of the Java provider) does not. Applied in memory to the
 * unmodified vendored files; `test/flagd-schema-conformance.test.ts` holds the
 * result equal to the current official schemas on generated files.
 */
export const FLAGD_SCHEMA_EXTENSION: readonly SchemaPatch[] = [
  {
    file: 'flags.json',
    pointer: '/definitions/flag/properties/defaultVariant/type',
    value: ['string', 'null'],
    why: '0.2.x: `"defaultVariant": null` (or none at all) serves the code default',
  },
  {
    file: 'flags.json',
    pointer: '/definitions/flag/required',
    value: ['state', 'variants'],
    why: '0.2.x: `defaultVariant` is optional; `variants` is required',
  },
  {
    file: 'flags.json',
    pointer: '/definitions/flag/properties/variants',
    value: { type: 'object', minProperties: 1, additionalProperties: false, patternProperties: { '^.{1,}$': {} } },
    why: '0.2.x: a flag has at least one variant',
  },
  {
    file: 'flags.json',
    pointer: '/definitions/anyFlag',
    value: { anyOf: typedFlags },
    why: '0.2.x: a flag is any of the four typed flags (anyOf, so a flag matching two types is valid)',
  },
  {
    file: 'flags.json',
    pointer: '/definitions/flagsMap',
    value: { type: 'object', additionalProperties: false, patternProperties: { '^.{1,}$': { $ref: '#/definitions/anyFlag' } } },
    why: '0.2.x: the flags object, by key',
  },
  {
    file: 'flags.json',
    pointer: '/definitions/keyedFlag',
    value: { type: 'object', properties: { key: { type: 'string', minLength: 1 } }, required: ['key'] },
    why: '0.2.x (flagd.json): an entry of the flags array names its key',
  },
  {
    file: 'flags.json',
    pointer: '/definitions/flagsArray',
    value: { type: 'array', items: { allOf: [{ $ref: '#/definitions/anyFlag' }, { $ref: '#/definitions/keyedFlag' }] } },
    why: '0.2.x (flagd.json): flags may be an array of flags with `key`s',
  },
  {
    file: 'flags.json',
    pointer: '/properties/flags',
    value: { oneOf: [{ $ref: '#/definitions/flagsMap' }, { $ref: '#/definitions/flagsArray' }] },
    why: '0.2.x (flagd.json): flags by key, or the array form flagd reads',
  },
  {
    file: 'flags.json',
    pointer: '/required',
    value: ['flags'],
    why: '0.2.x: a flag file has flags',
  },
  {
    file: 'targeting.json',
    pointer: '/definitions/fractionalWeightArg/items/0',
    value: { $ref: '#/definitions/args' },
    why: "0.2.14: a bucket's variant is any JSON Logic, evaluated when the bucket is chosen",
  },
  {
    file: 'targeting.json',
    pointer: '/definitions/fractionalWeightArg/items/1',
    value: { oneOf: [{ type: 'integer', minimum: 0 }, { $ref: '#/definitions/anyRule' }] },
    why: '0.2.14: a weight is a non-negative integer or a rule computing one (time-based rollouts)',
  },
  {
    file: 'targeting.json',
    pointer: '/definitions/fractionalOp/minItems',
    value: 1,
    why: '0.2.15: a split may have a single bucket',
  },
  {
    file: 'targeting.json',
    pointer: '/definitions/fractionalShorthandOp/minItems',
    value: 1,
    why: '0.2.15: a split may have a single bucket',
  },
];

/** Sets `value` at a JSON pointer of `document`, creating the objects on the way. */
export function applySchemaPatch(document: Record<string, unknown>, pointer: string, value: unknown): void {
  const path = pointer.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = path.pop()!;
  let node: Record<string, unknown> = document;
  for (const segment of path) {
    node[segment] ??= {};
    node = node[segment] as Record<string, unknown>;
  }
  node[last] = structuredClone(value);
}
