import { describe, expect, it } from 'vitest';
import type { Finding } from './findings-comparator.js';
import { findingsComparator } from './findings-comparator.js';

/** Builds findings from counts per type: `{ mfa: 2 }` is two `mfa` findings. */
function findings(counts: Record<string, number>, typeKey = 'type'): Finding[] {
  return Object.entries(counts).flatMap(([type, count]) =>
    Array.from({ length: count }, (_, index) => ({ [typeKey]: type, resource: `${type}-${index}` })),
  );
}

describe(findingsComparator.name, () => {
  const compare = findingsComparator();

  it('matches the same counts per type whatever the findings and their order', () => {
    expect(compare(findings({ mfa: 3, license: 1 }), findings({ license: 1, mfa: 3 }).reverse())).toEqual({ match: true, differences: [] });
  });

  it('accepts a change within ±10 % as variance', () => {
    expect(compare(findings({ mfa: 20 }), findings({ mfa: 22 })).differences).toEqual([]);
  });

  it('warns beyond ±10 % without breaking the match', () => {
    const result = compare(findings({ mfa: 20, stale: 2 }), findings({ mfa: 23 }));
    expect(result.match).toBe(true);
    expect(result.differences).toEqual([
      { path: '$.mfa', legacy: 20, candidate: 23, reason: 'outside ±10 %', severity: 'warning' },
      { path: '$.stale', legacy: 2, candidate: 0, reason: 'outside ±10 %', severity: 'warning' },
    ]);
  });

  it('fails beyond failBeyond and reads the type from typeKey', () => {
    const strict = findingsComparator({ typeKey: 'alertType', failBeyond: 0.5 });
    const result = strict(findings({ mfa: 10, stale: 10 }, 'alertType'), findings({ mfa: 12, stale: 16, new: 1 }, 'alertType'));
    expect(result.match).toBe(false);
    expect(result.differences.map((d) => [d.path, d.severity])).toEqual([
      ['$.mfa', 'warning'],
      ['$.stale', 'error'],
      ['$.new', 'error'],
    ]);
  });
});
