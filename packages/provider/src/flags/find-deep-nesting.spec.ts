import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeepNesting } from './find-deep-nesting.js';

/** The plain character-by-character scan, as the specification of the fast one. */
function referenceScan(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return undefined;
}

describe('findDeepNesting', () => {
  it('ignores brackets inside strings, escaped quotes and backslash runs included', () => {
    expect(findDeepNesting('{"a":"[[[[\\"[[[["}', 2)).toBeUndefined();
    expect(findDeepNesting('{"a\\\\":[[1]]}', 2)).toBe(8);
    expect(findDeepNesting('["\\\\\\"[["]', 1)).toBeUndefined();
    expect(findDeepNesting('"unterminated [[[[', 1)).toBeUndefined();
  });

  it('finds the same offset as a character-by-character scan, on any text', () => {
    const piece = fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ',', ':', ' ', 'ø', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 0, max: 6 }), (pieces, maxDepth) => {
        const text = pieces.join('');
        expect(findDeepNesting(text, maxDepth)).toBe(referenceScan(text, maxDepth));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same offset on valid JSON documents', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'large' }), fc.integer({ min: 0, max: 8 }), (text, maxDepth) => {
        expect(findDeepNesting(text, maxDepth)).toBe(referenceScan(text, maxDepth));
      }),
      { numRuns: 500 },
    );
  });
});
