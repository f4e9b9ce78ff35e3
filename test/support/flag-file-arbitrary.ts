import fc from 'fast-check';

/**
 * Generated flag files near the edges of flagd's schemas, for holding two
 * validators' judgement equal: every feature each schema release changed
 * (nested and computed `fractional`, single-entry splits, `defaultVariant`
 * null or absent, the `flags` array form) mixed with plain mistakes.
 */
/** Mostly `good`, sometimes `bad`: most files stay valid, so both verdicts are reached. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const name = mostly(fc.constantFrom('a', 'b', 'on', 'off', 'live'), fc.constant(''));
const primitive = fc.oneof(fc.boolean(), fc.constantFrom('x', 'v1.2.3', ''), fc.integer({ min: -3, max: 100 }), fc.constant(1.5), fc.constant(null));
const varRule = mostly(fc.constantFrom({ var: 'tier' }, { var: ['email'] }, { var: 'targetingKey' }, { var: '$flagd.flagKey' }), fc.constant({ var: 7 }));

const { rule } = fc.letrec<{ rule: unknown; bucket: unknown; fractional: unknown }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    varRule,
    fc.record({ '==': fc.tuple(tie('rule'), primitive) }),
    fc.record({ if: fc.array(fc.oneof(tie('rule'), name, fc.constant(null)), { minLength: 1, maxLength: 4 }) }),
    fc.record({ starts_with: fc.array(fc.oneof(varRule, fc.constant('abc')), { maxLength: 3 }) }),
    fc.record({ sem_ver: fc.tuple(varRule, mostly(fc.constantFrom('=', '^'), fc.constantFrom('===', 3)), mostly(fc.constantFrom('1.0.0', 'v1'), fc.constant('x'))) }),
    fc.record({ $ref: mostly(fc.constant('shared'), fc.constant(7)) }),
    tie('fractional'),
  ),
  bucket: mostly(
    fc.oneof(
      fc.tuple(fc.oneof(name, fc.boolean(), fc.integer(), tie('rule'))),
      fc.tuple(fc.oneof(name, fc.boolean(), tie('rule')), fc.oneof(fc.integer({ min: 0, max: 100 }), tie('rule'))),
    ),
    fc.oneof(fc.tuple(name, fc.oneof(fc.integer({ min: -5, max: -1 }), fc.constant(2.5), fc.constant('10'))), fc.tuple(name, fc.integer({ min: 0, max: 10 }), name), fc.constant([])),
  ),
  fractional: fc.record({
    fractional: fc.oneof(
      fc.array(tie('bucket'), { maxLength: 3 }),
      fc.tuple(fc.oneof(varRule, fc.record({ cat: fc.tuple(varRule, varRule) }), fc.constant('seed')), tie('bucket')),
      fc.tuple(fc.oneof(varRule, fc.constant('seed')), tie('bucket'), tie('bucket'), tie('bucket')),
    ),
  }),
}));

const variants = mostly(
  fc.oneof(
    fc.dictionary(name, fc.boolean(), { minKeys: 1, maxKeys: 3 }),
    fc.dictionary(name, fc.string({ maxLength: 3 }), { minKeys: 1, maxKeys: 3 }),
    fc.dictionary(name, fc.integer(), { minKeys: 1, maxKeys: 3 }),
    fc.dictionary(name, fc.oneof(fc.constant({}), fc.constant({ limit: 3 })), { minKeys: 1, maxKeys: 2 }),
  ),
  fc.oneof(fc.dictionary(name, primitive, { maxKeys: 3 }), fc.constant({}), fc.constant([])),
);

const metadata = fc.dictionary(fc.constantFrom('flagSetId', 'version', 'team', 'n'), mostly(fc.oneof(fc.boolean(), fc.constantFrom('x', '2'), fc.integer()), fc.oneof(fc.constant(null), fc.constant({ nested: true }), fc.constant([1]))), { maxKeys: 3 });

const flag = fc.record(
  {
    state: mostly(fc.constantFrom('ENABLED', 'DISABLED'), fc.constantFrom('ON', 1)),
    variants,
    defaultVariant: mostly(fc.oneof(name, fc.constant(null)), fc.constant(4)),
    targeting: fc.oneof(rule, fc.constant({})),
    metadata,
  },
  { requiredKeys: [] },
).chain((definition) => mostly(fc.constant({ state: 'ENABLED', variants: { on: true }, ...definition }), fc.constant(definition)));

const keyedFlag = fc.tuple(flag, mostly(name, fc.constantFrom(undefined, 12))).map(([definition, key]) => (key === undefined ? definition : { key, ...definition }));

/** A whole flag file: flags by key or as an array, shared evaluators, flag-set metadata, and now and then a stray field. */
export const flagFileArbitrary = fc.record(
  {
    flags: mostly(fc.oneof(fc.dictionary(name, flag, { maxKeys: 3 }), fc.array(keyedFlag, { maxLength: 3 })), fc.constant('flags')),
    $evaluators: mostly(fc.record({ shared: rule }), fc.constant({ '': true })),
    metadata,
    $schema: fc.constant('https://flagd.dev/schema/v0/flagd.json'),
  },
  { requiredKeys: [] },
);
