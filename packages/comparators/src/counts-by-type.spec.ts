import { describe, expect, it } from 'vitest';
import { countsByType } from './counts-by-type.js';

const alerts = (...types: string[]) => types.map((type, id) => ({ type, id }));

describe(countsByType.name, () => {
  it('ignores which items and in what order, only counts per type', () => {
    const compare = countsByType<{ type: string }>({ type: 'type' });
    expect(compare(alerts('mfa', 'mfa', 'license'), alerts('license', 'mfa', 'mfa')).match).toBe(true);
  });

  it('reports each type whose count differs, with both counts', () => {
    const compare = countsByType<{ type: string }>({ type: 'type' });
    expect(compare(alerts('mfa', 'mfa', 'stale'), alerts('mfa', 'license')).differences).toEqual([
      { path: '$.mfa', legacy: 2, candidate: 1, reason: 'not equal', severity: 'error' },
      { path: '$.stale', legacy: 1, candidate: 0, reason: 'not equal', severity: 'error' },
      { path: '$.license', legacy: 0, candidate: 1, reason: 'not equal', severity: 'error' },
    ]);
  });

  it('tolerates a change within the tolerance and reports beyond it with the given severity', () => {
    const compare = countsByType<string>({ type: (t) => t, tolerance: { relative: 0.1 }, severity: 'warning' });
    const ten = Array<string>(10).fill('mfa');
    expect(compare(ten, [...ten, 'mfa']).differences).toEqual([]);
    const result = compare(ten, [...ten, 'mfa', 'mfa']);
    expect(result.match).toBe(true);
    expect(result.differences[0]).toMatchObject({ path: '$.mfa', severity: 'warning', reason: 'outside ±10 %' });
  });
});
