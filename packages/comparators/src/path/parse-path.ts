import type { PathSegment } from './path-segment.js';

/**
 * Parses a path or a path pattern written as `formatPath` writes it:
 * `$.meta.*`, `$.items[*].id`, `$["odd key"]`, `$[?@.name=='apple'].kcal`,
 * `$.**.id`. Throws a `SyntaxError` that quotes the path when it is malformed.
 */
export function parsePath(text: string): PathSegment[] {
  if (!text.startsWith('$')) throw new SyntaxError(`path must start with "$": ${text}`);
  const segments: PathSegment[] = [];
  let at = 1;
  while (at < text.length) {
    const [segment, next] = text[at] === '.' ? readDotted(text, at + 1) : readBracketed(text, at);
    segments.push(segment);
    at = next;
  }
  return segments;
}

function readDotted(text: string, start: number): [PathSegment, number] {
  const match = /^(\*\*|\*|[A-Za-z_$][\w$]*)/.exec(text.slice(start));
  if (!match?.[1]) throw new SyntaxError(`bad name at ${start} in path: ${text}`);
  const name = match[1];
  const segment: PathSegment =
    name === '**' ? { kind: 'deep' } : name === '*' ? { kind: 'any' } : { kind: 'key', key: name };
  return [segment, start + name.length];
}

function readBracketed(text: string, start: number): [PathSegment, number] {
  if (text[start] !== '[') throw new SyntaxError(`expected "." or "[" at ${start} in path: ${text}`);
  const end = closingBracket(text, start);
  const inner = text.slice(start + 1, end);
  return [bracketSegment(inner, text), end + 1];
}

function bracketSegment(inner: string, text: string): PathSegment {
  if (inner === '*') return { kind: 'any' };
  if (/^\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  if (inner.startsWith('?')) return { kind: 'filter', filter: inner };
  if (inner.startsWith('"')) return { kind: 'key', key: JSON.parse(inner) as string };
  if (inner.startsWith("'")) return { kind: 'key', key: inner.slice(1, -1) };
  throw new SyntaxError(`bad bracket segment [${inner}] in path: ${text}`);
}

// Filters hold quoted values that may contain "]", so quotes are skipped over.
function closingBracket(text: string, start: number): number {
  let quote: string | undefined;
  for (let at = start + 1; at < text.length; at += 1) {
    const char = text[at];
    if (quote) {
      if (char === '\\') at += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ']') return at;
  }
  throw new SyntaxError(`unclosed "[" at ${start} in path: ${text}`);
}
