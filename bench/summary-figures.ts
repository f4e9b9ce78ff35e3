/** The median every suite prints: the lower of the two middle values of an even count; NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length / 2) - 1)] ?? NaN;
}

/** A rate as every suite prints it: 0.0123 → "1.23 %". */
export function percent(value: number): string {
  return `${(value * 100).toFixed(2)} %`;
}
