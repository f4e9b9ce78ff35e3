import { describe, expect, it } from 'vitest';
import { TargetingRule } from './targeting-rule.js';

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
