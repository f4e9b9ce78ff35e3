import { describe, expect, it } from 'vitest';
import { TargetingRule, TargetingRules } from './targeting-rule.js';

const tenantRule = { if: [{ in: [{ var: 'tenantId' }, ['acme', 'globex']] }, 'live', null] };

describe(TargetingRule.name, () => {
  it('refuses an unknown operator when it is built, before anything compiles', () => {
    expect(() => new TargetingRule({ if: [{ starts_width: [{ var: 'email' }, 'ops@'] }, 'live', null] })).toThrow('unknown operator "starts_width"');
  });

  it('compiles on the first evaluation and answers for each flag with its own key', () => {
    const rule = new TargetingRule({ if: [{ '==': [{ var: '$flagd.flagKey' }, 'a'] }, 'live', 'off'] });
    expect(rule.evaluate('a', {}).result).toBe('live');
    expect(rule.evaluate('b', {}).result).toBe('off');
  });

  it('buckets a shared fractional rule by each flag key, as flagd does', () => {
    const rule = new TargetingRule({ fractional: [['live', 50], ['off', 50]] });
    const sides = new Set(Array.from({ length: 40 }, (_, i) => rule.evaluate(`flag-${i}`, { targetingKey: 'user-1' }).result));
    expect(sides).toEqual(new Set(['live', 'off']));
  });

  it('fails every evaluation alike when the rule does not compile', () => {
    const rule = new TargetingRule({ '==': [1] });
    expect(() => rule.evaluate('a', {})).toThrow(/does not compile/);
    expect(() => rule.evaluate('a', {})).toThrow(/does not compile/);
  });
});

describe(TargetingRules.name, () => {
  it('gives flags with the same rule one shared instance, and different rules their own', () => {
    const rules = new TargetingRules();
    const first = rules.ruleFor(tenantRule, JSON.stringify(tenantRule));
    const copy = structuredClone(tenantRule);
    expect(rules.ruleFor(copy, JSON.stringify(copy))).toBe(first);
    const other = { if: [{ var: 'vip' }, 'live', null] };
    expect(rules.ruleFor(other, JSON.stringify(other))).not.toBe(first);
  });
});
