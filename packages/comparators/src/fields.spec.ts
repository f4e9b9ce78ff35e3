import { describe, expect, it } from 'vitest';
import { fields } from './fields.js';
import { numberWithin } from './number-within.js';

interface Report {
  readonly totals: { readonly kcal: number };
  readonly title: string;
  readonly rows: readonly number[];
}

const report = (kcal: number, title = 'Today', rows: number[] = [1]): Report => ({ totals: { kcal }, title, rows });

describe(fields.name, () => {
  it('compares only the listed fields and reports under each field', () => {
    const compare = fields<Report>({ totals: fields({ kcal: numberWithin({ relative: 0.05 }) }) });
    expect(compare(report(100, 'Today'), report(104, 'Your day')).match).toBe(true);
    expect(compare(report(100), report(110)).differences[0]?.path).toBe('$.totals.kcal');
  });
});
