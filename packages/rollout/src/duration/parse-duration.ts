const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/**
 * Milliseconds of a duration with units: `45s`, `30m`, `2h`, `1h30m`, `1.5h`,
 * `500ms`. Returns `undefined` for anything else, so the caller can name the
 * option. Written by hand rather than with `ms`, which reads a bare number as
 * milliseconds (`"30"` → 30 ms), a silent trap in a plan file where `30`
 * meant minutes; here a unit is required.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const at = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match || match.index !== at) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}
