import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';
import { parseDuration } from './parse-duration.js';

describe(parseDuration.name, () => {
  it('reads one unit', () => {
    expect(parseDuration('45s')).toBe(45_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1d')).toBe(86_400_000);
  });

  it('reads decimals and compound durations', () => {
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration(' 2m30s ')).toBe(150_000);
  });

  it('requires a unit, so a bare number is never silently milliseconds', () => {
    expect(parseDuration('30')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('30 minutes')).toBeUndefined();
    expect(parseDuration('m')).toBeUndefined();
    expect(parseDuration('-5s')).toBeUndefined();
  });
});

describe(formatDuration.name, () => {
  it('prints the two largest units', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(725_000)).toBe('12m 05s');
    expect(formatDuration(7_200_000)).toBe('2h 00m');
    expect(formatDuration(-1)).toBe('0s');
  });
});
