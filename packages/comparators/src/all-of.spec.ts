import { describe, expect, it } from 'vitest';
import { allOf } from './all-of.js';
import { at } from './at.js';
import { deepEqual } from './deep-equal.js';
import { elementwise } from './elementwise.js';
import { numberWithin } from './number-within.js';

interface Report {
  readonly totals: { readonly kcal: number };
  readonly title: string;
  readonly rows: readonly number[];
}

const report = (kcal: number, title = 'Today', rows: number[] = [1]): Report => ({ totals: { kcal }, title, rows });

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
