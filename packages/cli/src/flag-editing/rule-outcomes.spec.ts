import { describe, expect, it } from 'vitest';
import { literalOutcomes } from './rule-outcomes.js';

describe(literalOutcomes.name, () => {
  it('lists the variants an if chain returns, nested chains included, leaving out null', () => {
    const rules = { if: [{ in: [{ var: 'tenantId' }, ['acme']] }, 'live', { ends_with: [{ var: 'tenantId' }, '-staging'] }, { if: [{ var: 'beta' }, 'shadow', null] }, null] };
    expect(literalOutcomes(rules)).toEqual(['live', 'shadow']);
    expect(literalOutcomes({ if: [{ var: 'x' }, null, null] })).toEqual([]);
  });

  it('cannot tell when a branch computes its variant', () => {
    expect(literalOutcomes({ if: [{ var: 'x' }, { fractional: [['live', 10], ['off', 90]] }, null] })).toBeUndefined();
    expect(literalOutcomes({ var: 'stage' })).toBeUndefined();
  });
});
