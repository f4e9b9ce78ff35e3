import { describe, expect, it } from 'vitest';
import { stageOf, stagesOf, variantOf } from './flag-stages.js';

const flag = { variants: { off: 'off', beta: 'live', shadow: 'shadow', legacy: 'legacy-only' } };

describe(variantOf.name, () => {
  it('takes a variant name as is, else finds the variant serving that stage', () => {
    expect(variantOf(flag, 'shadow')).toBe('shadow');
    expect(variantOf(flag, 'live')).toBe('beta');
    expect(variantOf(flag, 'complete')).toBeUndefined();
  });
});

describe(stageOf.name, () => {
  it('gives the stage a variant serves, undefined for no variant or a value that is no stage', () => {
    expect(stageOf(flag, 'beta')).toBe('live');
    expect(stageOf(flag, 'legacy')).toBeUndefined();
    expect(stageOf(flag, 'missing')).toBeUndefined();
    expect(stageOf(flag, null)).toBeUndefined();
  });
});

describe(stagesOf.name, () => {
  it('lists the stages a flag has in rollout order', () => {
    expect(stagesOf(flag)).toEqual(['off', 'shadow', 'live']);
  });
});
