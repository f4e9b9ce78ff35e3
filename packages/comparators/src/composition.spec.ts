import { describe, expect, it } from 'vitest';
import { allOf } from './all-of.js';
import { at } from './at.js';
import { comparisonOf } from './comparison-of.js';
import { deepEqual } from './deep-equal.js';
import { elementwise } from './elementwise.js';
import { fields } from './fields.js';
import { ignorePaths } from './ignore-paths.js';
import { numberWithin } from './number-within.js';
import { prefixed } from './prefixed.js';
import { withSeverity } from './with-severity.js';

interface Report {
  readonly totals: { readonly kcal: number };
  readonly title: string;
  readonly rows: readonly number[];
}

const report = (kcal: number, title = 'Today', rows: number[] = [1]): Report => ({ totals: { kcal }, title, rows });

describe(comparisonOf.name, () => {
  it('matches unless a difference is an error', () => {
    expect(comparisonOf([{ path: '$', legacy: 1, candidate: 2, severity: 'warning' }]).match).toBe(true);
    expect(comparisonOf([{ path: '$', legacy: 1, candidate: 2 }]).match).toBe(false);
  });
});

describe(numberWithin.name, () => {
  it('accepts a number within tolerance and rejects one outside or not a number', () => {
    const compare = numberWithin({ absolute: 1 });
    expect(compare(10, 11).match).toBe(true);
    expect(compare(10, 12).differences[0]?.reason).toBe('outside ±1');
    expect(compare(10, JSON.parse('"10"') as number).differences[0]?.reason).toBe('not a number');
  });
});

describe(fields.name, () => {
  it('compares only the listed fields and reports under each field', () => {
    const compare = fields<Report>({ totals: fields({ kcal: numberWithin({ relative: 0.05 }) }) });
    expect(compare(report(100, 'Today'), report(104, 'Your day')).match).toBe(true);
    expect(compare(report(100), report(110)).differences[0]?.path).toBe('$.totals.kcal');
  });
});

describe(allOf.name, () => {
  it('merges the differences of every comparator and fails if any fails', () => {
    const compare = allOf<Report>(
      at('$.title', (r) => r.title, deepEqual()),
      at('$.rows', (r) => r.rows, elementwise(numberWithin({}))),
    );
    const result = compare(report(1, 'a', [1, 2]), report(1, 'b', [1, 3, 4]));
    expect(result.match).toBe(false);
    expect(result.differences.map((d) => d.path)).toEqual(['$.title', '$.rows.length', '$.rows[1]', '$.rows[2]']);
  });
});

describe(elementwise.name, () => {
  it('compares by position and reports missing elements', () => {
    const result = elementwise(numberWithin({}))([1, 2, 3], [1, 2]);
    expect(result.differences.map((d) => [d.path, d.reason])).toEqual([
      ['$.length', 'length differs'],
      ['$[2]', 'missing in candidate'],
    ]);
  });
});

describe(ignorePaths.name, () => {
  it('drops differences at ignored paths and keeps the rest', () => {
    const compare = ignorePaths(deepEqual(), ['$.meta']);
    expect(compare({ meta: 1, a: 1 }, { meta: 2, a: 1 }).match).toBe(true);
    expect(compare({ meta: 1, a: 1 }, { meta: 2, a: 2 }).differences.map((d) => d.path)).toEqual(['$.a']);
  });
});

describe(withSeverity.name, () => {
  it('turns differences into warnings that keep the match', () => {
    const result = withSeverity(deepEqual(), 'warning')(1, 2);
    expect(result).toEqual({ match: true, differences: [{ path: '$', legacy: 1, candidate: 2, reason: 'not equal', severity: 'warning' }] });
  });
});

describe(prefixed.name, () => {
  it('reports the inner differences under the prefix', () => {
    expect(prefixed('$.body', deepEqual())({ a: 1 }, { a: 2 }).differences[0]?.path).toBe('$.body.a');
  });
});
