import { describe, expect, it } from 'vitest';
import { valueKind } from './value-kind.js';

describe(valueKind.name, () => {
  it('tells arrays, null, dates, maps and sets apart from objects', () => {
    expect([[], null, new Date(0), new Map(), new Set(), {}, 'x', 1, undefined].map(valueKind)).toEqual([
      'array',
      'null',
      'date',
      'map',
      'set',
      'object',
      'string',
      'number',
      'undefined',
    ]);
  });
});
