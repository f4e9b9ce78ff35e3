import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.js';

describe(timeOrderedId.name, () => {
  it('is a version 7 UUID', () => {
    expect(timeOrderedId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts by time across milliseconds, and is unique within one', () => {
    expect(timeOrderedId(1000) < timeOrderedId(1001)).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => timeOrderedId(5))).size).toBe(1000);
  });
});
