import { describe, expect, it } from 'vitest';
import { FileRules } from './file-rules.js';

const tenantRule = { if: [{ in: [{ var: 'tenantId' }, ['acme', 'globex']] }, 'live', null] };

describe(FileRules.name, () => {
  it('gives flags with the same rule one shared instance, and different rules their own', () => {
    const rules = new FileRules();
    const first = rules.of(tenantRule, JSON.stringify(tenantRule));
    const copy = structuredClone(tenantRule);
    expect(rules.of(copy, JSON.stringify(copy))).toBe(first);
    expect(rules.of(copy, JSON.stringify(copy)).rule()).toBe(first.rule());
    const other = { if: [{ var: 'vip' }, 'live', null] };
    expect(rules.of(other, JSON.stringify(other)).rule()).not.toBe(first.rule());
  });

  it('says what a rule names of itself', () => {
    const rule = { if: [{ var: '$flagd.region' }, 'live', { fractional: [['off', 50], ['shadow', 50]] }] };
    const facts = new FileRules().of(rule, JSON.stringify(rule));
    expect(facts.unknownProperties).toEqual(['$flagd.region']);
    expect(facts.variants).toEqual(['live', 'off', 'shadow']);
  });

  it('refuses an unknown operator when the shared rule is asked for, each time', () => {
    const rule = { nope: [1] };
    const distinct = new FileRules().of(rule, JSON.stringify(rule));
    expect(() => distinct.rule()).toThrow();
    expect(() => distinct.rule()).toThrow();
  });
});
