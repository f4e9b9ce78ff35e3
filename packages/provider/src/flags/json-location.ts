import { createRequire } from 'node:module';
import type * as JsoncParser from 'jsonc-parser';
import type { ParseError, Segment } from 'jsonc-parser';

/**
 * jsonc-parser, loaded when a problem needs a position: a valid file is read
 * with JSON.parse, so loading flags that have no problem never pays for it.
 */
let jsonc: typeof JsoncParser | undefined;
const parser = (): typeof JsoncParser => (jsonc ??= createRequire(import.meta.url)('jsonc-parser') as typeof JsoncParser);

/** A 1-based position in a text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** The first syntax error of a strict JSON text, or undefined when it parses. */
export function findSyntaxError(text: string): { readonly position: TextPosition; readonly reason: string } | undefined {
  const { parse, printParseErrorCode } = parser();
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  return { position: positionAt(text, first.offset), reason: `invalid JSON: ${printParseErrorCode(first.error)}` };
}

/** Where the value at a JSON pointer starts in the text, if it exists. */
export function locatePointer(text: string, pointer: string): TextPosition | undefined {
  const { findNodeAtLocation, parseTree } = parser();
  const root = parseTree(text);
  if (!root) return undefined;
  const path: Segment[] = [];
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const parent = findNodeAtLocation(root, path);
    path.push(parent?.type === 'array' ? Number(key) : key);
  }
  const node = findNodeAtLocation(root, path);
  return node ? positionAt(text, node.offset) : undefined;
}

/**
 * The JSON pointer and position of the value at `offset`. The scan stops
 * there, so it is as deep as the text is at that point and no deeper.
 */
export function locateOffset(text: string, offset: number): TextPosition & { readonly jsonPath: string } {
  const { path } = parser().getLocation(text, offset);
  return { jsonPath: path.map((segment) => `/${pointerSegment(segment)}`).join(''), ...positionAt(text, offset) };
}

function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Escapes one JSON pointer segment. */
export function pointerSegment(key: string | number): string {
  const text = String(key);
  // Nearly every key has neither character: no regular expression for those.
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}
