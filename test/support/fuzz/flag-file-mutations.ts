import fc from 'fast-check';
import { HOSTILE_KEYS, hostileJson, hostileJsonText, ownObject } from './hostile-json.js';

/** Text a mutation may insert: JSON punctuation, literals and fragments that break or bend a file. */
const FRAGMENTS = [',', ',,', '{', '}', '[', ']', '"', ':', 'null', 'true', '0', '-', '1e999', '"__proto__"', '"__proto__": {"polluted": true},', '{"$ref": "x"}', '\u0000', '\ufeff', '//', '/*', '\\', '\n', ' '];

type TextMutation = (text: string) => string;

const at = (fraction: number, text: string): number => Math.floor(fraction * (text.length + 1));
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Replaces the `which`-th match of `pattern` by `replacement(match)`: edits that keep the file JSON while bending what it says. */
const replaceMatch = (pattern: RegExp, which: number, replacement: (match: string, all: readonly string[]) => string): TextMutation => (text) => {
  const matches = [...text.matchAll(pattern)];
  const chosen = matches[which % Math.max(1, matches.length)];
  if (!chosen) return text;
  return text.slice(0, chosen.index) + replacement(chosen[0], matches.map((m) => m[0])) + text.slice(chosen.index + chosen[0].length);
};
const STRING = /"(?:[^"\\]|\\.)*"/g;
const NUMBER = /-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/g;

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat()).map(([which, other]) => replaceMatch(STRING, which, (_, all) => all[other % all.length]!)),
  fc.tuple(fc.nat(), fc.constantFrom('0', '-1', '101', '1.5', '1e308', '-0', '4294967296')).map(([which, number]) => replaceMatch(NUMBER, which, () => number)),
  fc.tuple(fraction, fc.integer({ min: 1, max: 40 })).map(([where, length]): TextMutation => (text) => text.slice(0, at(where, text)) + text.slice(at(where, text) + length)),
  fc.tuple(fraction, fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), hostileJsonText)).map(([where, fragment]): TextMutation => (text) => text.slice(0, at(where, text)) + fragment + text.slice(at(where, text))),
  fc.tuple(fraction, fraction, fc.integer({ min: 1, max: 200 })).map(([from, to, length]): TextMutation => (text) => text.slice(0, at(to, text)) + text.slice(at(from, text), at(from, text) + length) + text.slice(at(to, text))),
  fc.tuple(fraction, fc.integer({ min: 0, max: 0xffff })).map(([where, code]): TextMutation => (text) => text.slice(0, at(where, text)) + String.fromCharCode(code) + text.slice(at(where, text) + 1)),
);

/** A flag file text with one to four byte-level edits: deletions, insertions, duplications, replaced characters. */
export function mutatedText(base: string): fc.Arbitrary<string> {
  return fc.array(textMutation, { minLength: 1, maxLength: 4 }).map((mutations) => mutations.reduce((text, mutate) => mutate(text), base));
}

/** Every path to a value in a JSON document, the root included. */
function valuePaths(value: unknown, path: readonly (string | number)[] = []): (readonly (string | number)[])[] {
  const children = Array.isArray(value) ? value.map((child, i) => valuePaths(child, [...path, i])) : value !== null && typeof value === 'object' ? Object.entries(value).map(([key, child]) => valuePaths(child, [...path, key])) : [];
  return [path, ...children.flat()];
}

/** A copy of `document` with the value at `path` replaced, or a key added beside it, keeping every key an own property. */
function rewrite(document: unknown, path: readonly (string | number)[], change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(document);
  if (document === null || typeof document !== 'object') return document;
  const [head, ...rest] = path;
  if (Array.isArray(document)) return document.map((child, i) => (i === head ? rewrite(child, rest, change) : child));
  const entries = Object.entries(document as Record<string, unknown>);
  return ownObject(entries.map(([key, child]) => [key, key === head ? rewrite(child, rest, change) : child]));
}

type DocumentMutation = (document: unknown) => unknown;

const documentMutation = (paths: number): fc.Arbitrary<{ index: number; mutate: DocumentMutation }> =>
  fc.tuple(
    fc.nat({ max: paths - 1 }),
    fc.oneof(
      hostileJson.map((replacement): DocumentMutation => () => replacement),
      fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 })), hostileJson).map(
        ([key, added]): DocumentMutation => (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? ownObject([...Object.entries(value), [key, added]]) : value),
      ),
      fc.constant<DocumentMutation>(() => undefined),
    ),
  ).map(([index, mutate]) => ({ index, mutate }));

/** A flag file whose parsed document had one to three values replaced by hostile ones (or removed, or given hostile siblings), re-serialised. */
export function mutatedDocument(base: string): fc.Arbitrary<string> {
  const document: unknown = JSON.parse(base);
  const paths = valuePaths(document);
  return fc.array(documentMutation(paths.length), { minLength: 1, maxLength: 3 }).map((mutations) => {
    let next = document;
    for (const { index, mutate } of mutations) next = rewrite(next, paths[index]!, mutate);
    return JSON.stringify(next, null, 2) ?? 'undefined';
  });
}
