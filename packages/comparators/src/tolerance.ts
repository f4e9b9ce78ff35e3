/**
 * How far a candidate number may stray from the legacy one. A number passes
 * when it is within either bound; with neither bound it must be equal.
 */
export interface Tolerance {
  /** Fraction of the legacy value (`0.05` is ±5 %). @default 0 */
  readonly relative?: number;
  /** Plain distance, in the value's unit. @default 0 */
  readonly absolute?: number;
}

/**
 * True when `candidate` is within tolerance of `legacy`. The relative bound is
 * taken from the legacy value, the usual measure of change (`|new - old| / old`),
 * so a legacy 0 only accepts what the absolute bound allows.
 */
export function isWithinTolerance(legacy: number, candidate: number, tolerance: Tolerance): boolean {
  if (Object.is(legacy, candidate) || legacy === candidate) return true;
  const distance = Math.abs(candidate - legacy);
  if (!Number.isFinite(distance)) return false;
  const { relative = 0, absolute = 0 } = tolerance;
  // A small epsilon keeps 100 vs 105 inside ±5 % despite floating point.
  const slack = Number.EPSILON * Math.max(Math.abs(legacy), Math.abs(candidate), 1) * 4;
  return distance <= absolute + slack || distance <= relative * Math.abs(legacy) + slack;
}

/** Says in words which bound a number fell outside of: `outside ±5 %`. */
export function describeTolerance(tolerance: Tolerance): string {
  const { relative = 0, absolute = 0 } = tolerance;
  const bounds = [];
  if (relative > 0) bounds.push(`±${round(relative * 100)} %`);
  if (absolute > 0) bounds.push(`±${round(absolute)}`);
  return bounds.length === 0 ? 'not equal' : `outside ${bounds.join(' and ')}`;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
