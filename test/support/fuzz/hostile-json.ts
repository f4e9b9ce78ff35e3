import fc from 'fast-check';

/** Keys that name built-in members: as object keys they must stay plain own data, never reach a prototype. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '', '$ref', 'if', 'var', 'flags'] as const;

/** An object with `entries` as own enumerable properties, `__proto__` included (assignment would set the prototype instead). */
export function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** `depth` arrays or objects nested inside each other around `leaf`, as JSON text (built as text: no recursion limit). */
export function nestedText(depth: number, shape: 'array' | 'object', leaf = '1'): string {
  return shape === 'array' ? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

const hostileString = fc.oneof(
  fc.constantFrom('', '\u0000', '\ud800', 'jürgen', '$flagd.flagKey', '__proto__.polluted', 'constructor.prototype.polluted', '../../etc/passwd', '%00', '${x}'),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

const hostileNumber = fc.oneof(fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -1, 0.5, 100, 101), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());

const jsonLogic = fc.oneof(
  fc.constantFrom(
    { var: '__proto__' },
    { var: 'constructor.prototype' },
    { var: ['__proto__.polluted', 'x'] },
    { var: '' },
    { $ref: '__proto__' },
    { $ref: 'constructor' },
    { $ref: 'missing' },
    { fractional: [] },
    { fractional: [['a', 1e308], ['b', -1]] },
    { fractional: [{ var: 'targetingKey' }, ['a']] },
    { sem_ver: [{ var: 'version' }, '^', 'x.y.z'] },
    { starts_with: [] },
    { ends_with: [{ var: 'email' }] },
    { in: ['x'] },
    { if: [] },
    { if: [true] },
    { merge: [[1], [2]] },
    { map: [[1, 2], { var: '' }] },
    { reduce: [[1, 2], { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] },
    { '': [] },
    { unknownOperator: [1] },
  ),
  fc.dictionary(fc.constantFrom('==', '!', 'if', 'or', 'and', 'var', 'cat', '+'), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant([{ var: 'x' }])), { minKeys: 1, maxKeys: 2 }),
);

/** JSON values a hostile author (or a broken editor) could put anywhere in a flag file. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}),
  jsonLogic,
  fc.jsonValue({ maxDepth: 3 }),
  fc.tuple(fc.constantFrom(...HOSTILE_KEYS), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => ownObject([[key, value]])),
  fc.integer({ min: 1, max: 5_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
);

/** Raw JSON text fragments for hostile values no JavaScript value serialises to: deep nesting, duplicate keys, huge exponents. */
export const hostileJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([depth, shape]) => nestedText(depth, shape)),
  fc.constantFrom('{"a": 1, "a": 2}', '1e999', '-1e999', '{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}', '"\\ud800"', '"\\u0000"'),
);
