/**
 * The offset of the first `[` or `{` nested deeper than `maxDepth`, or
 * undefined. A scan of the text, without recursion, so that it is safe on
 * any input, valid JSON or not; brackets inside strings do not count.
 */
export function findDeepNesting(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      // Skip the string in one native search for its closing quote: most of a
      // flag file's text is strings, and a quote preceded by an odd run of
      // backslashes is escaped.
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return undefined;
      i = end;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return undefined;
}

/** Whether the character at `at` follows an odd number of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes - 1 >= 0 && text.charCodeAt(at - backslashes - 1) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}
