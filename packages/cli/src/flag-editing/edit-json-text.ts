import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import type { FormattingOptions, JSONPath } from 'jsonc-parser';
import { compactJson } from './compact-json.js';

/** Where a new property goes in its object. */
export interface EditPlacement {
  /** Insert the property right after this sibling; at the end when absent. */
  readonly after?: string;
}

// A string no flag file contains, replaced by the compact value after the edit.
const SENTINEL = '\u0000cutover-value\u0000';

/**
 * Sets (or, with `undefined`, removes) the value at `path` and leaves every
 * other byte of the text as it was: jsonc-parser's `modify` computes the
 * smallest edit, and objects or arrays are written on one line like the rest of
 * the flag files rather than spread over many by the formatter.
 */
export function editJsonText(text: string, path: JSONPath, value: unknown, placement: EditPlacement = {}): string {
  const inline = value !== null && typeof value === 'object';
  const edits = modify(text, path, inline ? SENTINEL : value, {
    formattingOptions: formattingOf(text),
    getInsertionIndex: (properties) => {
      const index = placement.after === undefined ? -1 : properties.indexOf(placement.after);
      return index === -1 ? properties.length : index + 1;
    },
  });
  const result = applyEdits(text, edits);
  return inline ? result.replace(JSON.stringify(SENTINEL), compactJson(value)) : result;
}

/** Whether a value exists at `path`. */
export function hasJsonValue(text: string, path: JSONPath): boolean {
  const root = parseTree(text);
  return root !== undefined && findNodeAtLocation(root, path) !== undefined;
}

/** The indentation and line ending the text already uses. */
export function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}
