const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Reads `--since`: a duration back from `now` (`30m`, `24h`, `7d`, `2w`) or a
 * date (`2026-03-01`, any ISO timestamp). Throws on anything else.
 */
export function parseSince(text: string, now: Date = new Date()): Date {
  const duration = /^(\d+(?:\.\d+)?)\s*([mhdw])$/.exec(text.trim());
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNITS[duration[2]!]!);
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) throw new Error(`--since: "${text}" is neither a duration (30m, 24h, 7d, 2w) nor a date (2026-03-01)`);
  return new Date(date);
}
