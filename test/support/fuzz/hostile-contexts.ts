import type { EvaluationContext, EvaluationContextValue } from '@openfeature/server-sdk';
import fc from 'fast-check';
import { HOSTILE_KEYS, nestedText } from './hostile-json.js';

/** The attributes the flags' rules read, so hostile values meet real code paths. */
const ATTRIBUTES = ['chatId', 'tenantId', 'userId', 'internalChats', 'tier', 'email', 'groups', 'name', 'a', 'version', 'appVersion', 'age', 'score', 'count', 'orders', 'flags', 'amounts', 'listA', 'listB', 'items', 'cutoverOverrides'] as const;
const key = fc.oneof(fc.constantFrom(...ATTRIBUTES), fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 }));

const hugeString = fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'é'.repeat(n));
const string = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', 'gold', 'beta', 'admin@example.com', '2.0.0', 'v1.4.2', '1.4.0-beta.1', '\ud800', '\u0000', '__proto__', 'constructor.prototype', 'a.b.c', '1e999', 'NaN'), hugeString);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE));
const primitive: fc.Arbitrary<EvaluationContextValue> = fc.oneof(string, number, fc.boolean(), fc.constant(null));
const date = fc.oneof(fc.date(), fc.constant(new Date(Number.NaN)));

/** `depth` objects or arrays inside each other, built without recursion. */
function nested(depth: number, shape: 'array' | 'object'): EvaluationContextValue {
  let value: EvaluationContextValue = 'bottom';
  for (let i = 0; i < depth; i++) value = shape === 'array' ? [value] : { a: value, b: value === 'bottom' ? 1 : 2 };
  return value;
}

/** An object whose `self` (and a list inside it) points back at it. */
function cyclic(): EvaluationContextValue {
  const object: Record<string, EvaluationContextValue> = { name: 'loop', total: 200 };
  object.self = object;
  object.list = [object, object];
  return object;
}

/** An object with `entries` as own properties, `__proto__` included. */
function ownRecord(entries: readonly (readonly [string, EvaluationContextValue])[]): Record<string, EvaluationContextValue> {
  const record: Record<string, EvaluationContextValue> = {};
  for (const [name, value] of entries) Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  return record;
}

const { value } = fc.letrec<{ value: EvaluationContextValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    primitive,
    date,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(ownRecord),
    fc.tuple(fc.integer({ min: 100, max: 10_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([depth, shape]) => nested(depth, shape)),
    fc.integer({ min: 1_000, max: 30_000 }).map((n) => Array.from({ length: n }, (_, i) => ({ total: i, state: i % 2 ? 'on' : 'off' }))),
    fc.constant(null).map(cyclic),
  ),
}));

/** A context with a short description, so that a failure report does not try to print a value 10 000 levels deep. */
export interface ContextSample {
  readonly context: EvaluationContext;
  [fc.toStringMethod](): string;
}

function describeValue(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value.length > 20 ? `string(${value.length})` : JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (depth > 2) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) return `[${value.length}: ${value.slice(0, 2).map((item) => describeValue(item, depth + 1)).join(', ')}]`;
  return `{ ${Object.entries(value).slice(0, 6).map(([name, item]) => `${JSON.stringify(name)}: ${describeValue(item, depth + 1)}`).join(', ')} }`;
}

function sample(context: EvaluationContext): ContextSample {
  return { context, [fc.toStringMethod]: () => describeValue(context) };
}

/** Contexts a program could build: any attribute names, hostile values (deep, huge, cyclic, dates, NaN), hostile string targeting keys. */
export const programmaticContext: fc.Arbitrary<ContextSample> = fc
  .tuple(fc.option(string, { nil: undefined }), fc.array(fc.tuple(key, value), { maxLength: 6 }))
  .map(([targetingKey, attributes]) => sample({ ...ownRecord(attributes), ...(targetingKey === undefined ? {} : { targetingKey }) }));

const jsonValueText = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([depth, shape]) => nestedText(depth, shape)),
  fc.constantFrom('{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}', '{"nutribot.food-detection": "complete", "__proto__": "live"}', '1e999', '"\\ud800"'),
);

/**
 * Contexts parsed from untrusted JSON, as a service would build them from a
 * request: `__proto__` as an own key, a targeting key of any JSON type, and
 * deep or large values.
 */
export const jsonContext: fc.Arbitrary<ContextSample> = fc
  .tuple(fc.option(jsonValueText, { nil: undefined }), fc.array(fc.tuple(key, jsonValueText), { maxLength: 6 }))
  .map(([targetingKey, attributes]) => {
    const members = [...(targetingKey === undefined ? [] : [`"targetingKey": ${targetingKey}`]), ...attributes.map(([name, text]) => `${JSON.stringify(name)}: ${text}`)];
    const parsed: EvaluationContext = JSON.parse(`{ ${members.join(', ')} }`);
    return sample(parsed);
  });
