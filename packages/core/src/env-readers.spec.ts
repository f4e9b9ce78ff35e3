import { describe, expect, it } from 'vitest';
import { envBoolean, envList, envNumber, envNumberList, unlessBlank } from './env-readers.js';

describe('env readers', () => {
  it('reads numbers and leaves anything else as text for the schema to reject', () => {
    expect(envNumber(' 42 ')).toBe(42);
    expect(envNumber('4x')).toBe('4x');
    expect(envNumber('')).toBe('');
  });

  it('reads lists, trimming items and dropping empty ones', () => {
    expect(envList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(envList('')).toEqual([]);
    expect(envNumberList('0.1, 1,x')).toEqual([0.1, 1, 'x']);
  });

  it('reads the usual spellings of booleans and leaves anything else as text', () => {
    expect(['true', 'TRUE', '1', 'yes', 'on'].map(envBoolean)).toEqual([true, true, true, true, true]);
    expect(['false', '0', 'No', 'off'].map(envBoolean)).toEqual([false, false, false, false]);
    expect(envBoolean('maybe')).toBe('maybe');
  });

  it('leaves a blank variable unset when asked to', () => {
    expect([unlessBlank(envNumber)(' '), unlessBlank(envNumber)('7')]).toEqual([undefined, 7]);
  });
});
