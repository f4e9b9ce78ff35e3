import { nestedText } from './hostile-json.js';

/** A named flag file text made to break a parser. */
export interface CraftedFlagFile {
  readonly name: string;
  readonly text: string;
}

const FLAG = '{ "state": "ENABLED", "variants": { "on": true, "off": false }, "defaultVariant": "off" }';
const withTargeting = (targeting: string, evaluators = '{}') =>
  `{ "flags": { "f": { "state": "ENABLED", "variants": { "on": true, "off": false }, "defaultVariant": "off", "targeting": ${targeting} } }, "$evaluators": ${evaluators} }`;

/** `count` evaluators, each `or` of two references to the one before: expanded naively, 2^count copies. */
export function doublingEvaluators(count: number): string {
  const evaluators = [`"e0": { "==": [{ "var": "tier" }, "gold"] }`];
  for (let i = 1; i <= count; i++) evaluators.push(`"e${i}": { "or": [{ "$ref": "e${i - 1}" }, { "$ref": "e${i - 1}" }] }`);
  return withTargeting(`{ "if": [{ "$ref": "e${count}" }, "on", "off"] }`, `{ ${evaluators.join(', ')} }`);
}

/** Files that have broken Cutover or parsers like it: no flags, wrong shapes, deep nesting, exponential references, prototype keys. */
export const CRAFTED_FLAG_FILES: readonly CraftedFlagFile[] = [
  { name: 'empty text', text: '' },
  { name: 'an empty object (no flags key)', text: '{}' },
  { name: 'flags: null', text: '{ "flags": null }' },
  { name: 'flags: a string', text: '{ "flags": "flags" }' },
  { name: 'flags: an array of numbers', text: '{ "flags": [1, 2] }' },
  { name: 'an array', text: '[]' },
  { name: 'null', text: 'null' },
  { name: 'a string', text: '"flags"' },
  { name: 'a byte order mark', text: `\ufeff{ "flags": {} }` },
  { name: 'a flag keyed __proto__', text: `{ "flags": { "__proto__": ${FLAG} } }` },
  { name: 'a flag keyed constructor', text: `{ "flags": { "constructor": ${FLAG} } }` },
  { name: 'a flag keyed hasOwnProperty', text: `{ "flags": { "hasOwnProperty": ${FLAG} } }` },
  { name: 'a top-level __proto__', text: `{ "__proto__": { "polluted": true }, "flags": {} }` },
  { name: 'variants keyed __proto__', text: '{ "flags": { "f": { "state": "ENABLED", "variants": { "__proto__": true, "off": false }, "defaultVariant": "__proto__" } } }' },
  { name: 'defaultVariant toString', text: '{ "flags": { "f": { "state": "ENABLED", "variants": { "off": false }, "defaultVariant": "toString" } } }' },
  { name: 'metadata keyed __proto__', text: '{ "metadata": { "__proto__": { "polluted": true } }, "flags": {} }' },
  { name: 'an evaluator keyed __proto__', text: withTargeting('{ "$ref": "__proto__" }', '{ "__proto__": { "==": [1, 1] } }') },
  { name: 'a $ref to constructor', text: withTargeting('{ "$ref": "constructor" }') },
  { name: 'a $ref to toString', text: withTargeting('{ "if": [{ "$ref": "toString" }, "on", "off"] }') },
  { name: 'a var of __proto__', text: withTargeting('{ "if": [{ "var": "__proto__.polluted" }, "on", "off"] }') },
  ...['toString', 'hasOwnProperty', 'constructor', '__defineGetter__', 'valueOf'].map((operator) => ({ name: `an operator named ${operator}`, text: withTargeting(`{ "if": [{ "${operator}": [1, 2] }, "on", "off"] }`) })),
  { name: 'a self reference', text: withTargeting('{ "$ref": "a" }', '{ "a": { "or": [{ "$ref": "a" }] } }') },
  { name: 'a reference cycle of three', text: withTargeting('{ "$ref": "a" }', '{ "a": { "$ref": "b" }, "b": { "$ref": "c" }, "c": { "if": [{ "$ref": "a" }, "on", "off"] } }') },
  ...[18, 20, 24, 32, 64].map((count) => ({ name: `${count} doubling $ref evaluators`, text: doublingEvaluators(count) })),
  ...[1_001, 10_000, 100_000].map((depth) => ({ name: `targeting nested ${depth} arrays deep`, text: withTargeting(nestedText(depth, 'array')) })),
  ...[1_001, 10_000].map((depth) => ({ name: `targeting nested ${depth} objects deep`, text: withTargeting(nestedText(depth, 'object')) })),
  { name: 'an evaluator nested 10 000 deep', text: withTargeting('{ "$ref": "deep" }', `{ "deep": ${nestedText(10_000, 'array')} }`) },
  { name: 'an object variant nested 10 000 deep', text: `{ "flags": { "f": { "state": "ENABLED", "variants": { "a": ${nestedText(10_000, 'object')} }, "defaultVariant": "a" } } }` },
  { name: 'metadata nested 10 000 deep', text: `{ "metadata": ${nestedText(10_000, 'object')}, "flags": {} }` },
  { name: 'the whole file nested 100 000 deep', text: nestedText(100_000, 'object') },
  { name: 'an unknown key nested 10 000 deep', text: `{ "flags": {}, "extra": ${nestedText(10_000, 'array')} }` },
  { name: '20 000 flags', text: `{ "flags": { ${Array.from({ length: 20_000 }, (_, i) => `"f${i}": ${FLAG}`).join(', ')} } }` },
  { name: 'a flag key of 1 MB', text: `{ "flags": { "${'k'.repeat(1 << 20)}": ${FLAG} } }` },
  { name: 'a fractional split of 10 000 buckets', text: `{ "flags": { "f": { "state": "ENABLED", "variants": { "on": true, "off": false }, "defaultVariant": "off", "targeting": { "fractional": [${Array.from({ length: 10_000 }, (_, i) => `["${i % 2 ? 'on' : 'off'}", 1]`).join(', ')}] } } } }` },
  { name: 'a weight of 1e308', text: withTargeting('{ "fractional": [["on", 1e308], ["off", 1e308]] }') },
  { name: 'duplicate keys', text: `{ "flags": { "f": ${FLAG}, "f": { "state": "DISABLED" } } }` },
  { name: 'a lone surrogate key', text: `{ "flags": { "\\ud800": ${FLAG} } }` },
];
