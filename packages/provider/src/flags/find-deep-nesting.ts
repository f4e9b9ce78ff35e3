/**
 * The offset of the first `[` or `{` nested deeper than `maxDepth`, or
 * undefined. A scan of the text, without recursion, so that it is safe on
 * any input, valid JSON or not; brackets inside strings do not count.
 */
export function findDeepNesting(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return undefined;
}
