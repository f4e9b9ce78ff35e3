import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { JSONPath } from 'jsonc-parser';

/** A located value: its JSON pointer and 1-based line and column. */
export interface JsonLocation {
  readonly jsonPath: string;
  readonly line?: number;
  readonly column?: number;
}

/** Where the value at `path` starts in `text` (no position when it is absent). */
export function locateJsonPath(text: string, path: JSONPath): JsonLocation {
  const jsonPath = path.length === 0 ? '' : `/${path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  const root = parseTree(text);
  const node = root && findNodeAtLocation(root, path);
  if (!node) return { jsonPath };
  const before = text.slice(0, node.offset);
  const line = before.split('\n').length;
  return { jsonPath, line, column: node.offset - (before.lastIndexOf('\n') + 1) + 1 };
}
