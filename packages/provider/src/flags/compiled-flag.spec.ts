import { describe, expect, it } from 'vitest';
import { CompiledFlag } from './compiled-flag.js';
import type { FlagDefinition } from './flag-definition.js';

const stages = { off: 'off', shadow: 'shadow', live: 'live' };
const flag = (definition: Partial<FlagDefinition>, key = 'f') => {
  const full: FlagDefinition = { state: 'ENABLED', variants: stages, defaultVariant: 'off', ...definition };
  return new CompiledFlag(key, full, { logic: full.targeting, metadata: { source: 'file' } });
};

describe(CompiledFlag.name, () => {
  it('serves the default variant with reason STATIC when there is no targeting', () => {
    expect(flag({}).evaluate({})).toMatchObject({ value: 'off', variant: 'off', reason: 'STATIC' });
  });

  it('serves the caller default with reason DISABLED for a disabled flag', () => {
    expect(flag({ state: 'DISABLED', targeting: { if: [true, 'live', null] } }).evaluate({})).toMatchObject({ value: undefined, reason: 'DISABLED' });
  });

  it('reports TARGETING_MATCH for a rule and DEFAULT when the rule returns null', () => {
    const f = flag({ targeting: { if: [{ '==': [{ var: 'tier' }, 'gold'] }, 'live', null] } });
    expect(f.evaluate({ tier: 'gold' })).toMatchObject({ value: 'live', reason: 'TARGETING_MATCH' });
    expect(f.evaluate({ tier: 'tin' })).toMatchObject({ value: 'off', reason: 'DEFAULT' });
  });

  it('answers an error, never throws, for hostile context values: an object as the result, an unprintable value in a rule', () => {
    // Parsed JSON may carry own `toString` / `valueOf` properties that are not functions: String() of it throws.
    const hostile = JSON.parse('{"toString": {}, "valueOf": {}}') as object;
    const direct = flag({ targeting: { var: 'v' } });
    expect(direct.evaluate({ v: hostile })).toMatchObject({ reason: 'ERROR', errorCode: 'GENERAL', errorMessage: 'targeting of "f" returned an object, not a variant name' });
    expect(direct.evaluate({ v: ['live'] })).toMatchObject({ reason: 'ERROR', errorMessage: 'targeting of "f" returned an array, not a variant name' });
    const joined = flag({ targeting: { if: [{ '==': [{ cat: [{ var: 'v' }, 'x'] }, 'livex'] }, 'live', null] } });
    expect(joined.evaluate({ v: hostile })).toMatchObject({ reason: 'ERROR', errorCode: 'GENERAL' });
    expect(joined.evaluate({ v: 'live' })).toMatchObject({ value: 'live' });
  });

  it('reports SPLIT when a fractional chose the variant', () => {
    const f = flag({ targeting: { fractional: [['live', 50], ['shadow', 50]] } });
    expect(f.evaluate({ targetingKey: 'a' }).reason).toBe('SPLIT');
  });

  it('serves the default deterministically, with a warning, when a split has no targeting key', () => {
    const f = flag({ targeting: { fractional: [['live', 50], ['shadow', 50]] } });
    const first = f.evaluate({});
    expect(first).toMatchObject({ value: 'off', reason: 'DEFAULT' });
    expect(first.flagMetadata.warning).toMatch(/TARGETING_KEY_MISSING/);
    for (let i = 0; i < 20; i++) expect(f.evaluate({}).value).toBe('off');
  });

  it('gives $flagd.flagKey and $flagd.timestamp to rules, as flagd does', () => {
    const byKey = flag({ targeting: { if: [{ '==': [{ var: '$flagd.flagKey' }, 'my-flag'] }, 'live', null] } }, 'my-flag');
    expect(byKey.evaluate({}).value).toBe('live');
    const byTime = flag({ targeting: { if: [{ '>': [{ var: '$flagd.timestamp' }, 1_700_000_000] }, 'live', null] } });
    expect(byTime.evaluate({}).value).toBe('live');
  });

  it('serves the code default when defaultVariant is null and nothing matches', () => {
    const f = flag({ defaultVariant: null, targeting: { if: [{ var: 'vip' }, 'live', null] } });
    expect(f.evaluate({}).value).toBeUndefined();
    expect(f.evaluate({ vip: true }).value).toBe('live');
  });

  it('reports a computed variant that does not exist as an error', () => {
    const f = flag({ targeting: { var: 'wanted' } });
    expect(f.evaluate({ wanted: 'shadow' }).value).toBe('shadow');
    expect(f.evaluate({ wanted: 'ghost' })).toMatchObject({ reason: 'ERROR', errorCode: 'GENERAL' });
  });

  it('joins an absent attribute in cat as the empty string, as the flagd server does', () => {
    const f = flag({ targeting: { if: [{ '==': [{ cat: ['tenant-', { var: 'region' }] }, 'tenant-'] }, 'live', null] } });
    expect(f.evaluate({}).value).toBe('live');
    expect(f.evaluate({ region: 'eu' }).value).toBe('off');
  });

  it('evaluates against a large context without copying it', () => {
    const context = Object.freeze(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`attr${i}`, i])));
    const f = flag({ targeting: { if: [{ '==': [{ var: 'attr199' }, 199] }, 'live', null] } });
    expect(f.evaluate(context).value).toBe('live');
  });

  it('answers PARSE_ERROR for targeting that cannot run, unless the flag is disabled', () => {
    const broken = new CompiledFlag('b', { state: 'ENABLED', variants: stages, defaultVariant: 'off', targeting: { $ref: 'gone' } }, { logic: { $ref: 'gone' }, metadata: {}, unusableTargeting: 'no evaluator "gone"' });
    expect(broken.evaluate({})).toMatchObject({ value: undefined, reason: 'ERROR', errorCode: 'PARSE_ERROR', errorMessage: expect.stringContaining('no evaluator "gone"') });
    const disabled = new CompiledFlag('d', { state: 'DISABLED', variants: stages, defaultVariant: 'off' }, { logic: { $ref: 'gone' }, metadata: {}, unusableTargeting: 'no evaluator "gone"' });
    expect(disabled.evaluate({}).reason).toBe('DISABLED');
  });

  it('serves the code default with reason DEFAULT when there is no defaultVariant at all', () => {
    const { defaultVariant: _none, ...withoutDefault } = { state: 'ENABLED' as const, variants: stages, defaultVariant: 'off' };
    const f = new CompiledFlag('n', withoutDefault, { logic: undefined, metadata: {} });
    expect(f.evaluate({})).toMatchObject({ value: undefined, reason: 'DEFAULT' });
  });

  it('returns frozen object variants so no caller can change the flag for the next one', () => {
    const f = new CompiledFlag('o', { state: 'ENABLED', variants: { a: { limit: 3 } }, defaultVariant: 'a' }, { logic: undefined, metadata: {} });
    expect(Object.isFrozen(f.evaluate({}).value)).toBe(true);
  });
});
