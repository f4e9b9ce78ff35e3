// Shared by every check's summary so log lines read the same way across criteria.

/** A rate as a percentage with two decimals, e.g. `1.25 %`. */
export function formatRate(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(2)} %`;
}

/** A difference of rates in percentage points with its sign, e.g. `+4.10 pt`. */
export function formatPoints(points: number | null): string {
  return points === null ? 'n/a' : `${points >= 0 ? '+' : ''}${(points * 100).toFixed(2)} pt`;
}

/** A ratio, e.g. `1.52×`. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`;
}

/** A duration in seconds with milliseconds shown, e.g. `0.125 s`. */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? 'n/a' : `${seconds.toFixed(3)} s`;
}

/** A statistic of any magnitude in three significant digits, e.g. `4.12e+5` or `0.873`. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude >= 1e4 || magnitude < 1e-3) ? value.toExponential(2) : String(Number(value.toPrecision(3)));
}
