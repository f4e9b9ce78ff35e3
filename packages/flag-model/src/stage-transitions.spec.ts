import { describe, expect, it } from 'vitest';
import { checkTransition, nextStage } from './stage-transitions.js';

describe(checkTransition.name, () => {
  describe('forward', () => {
    it('allows one step along the stages', () => {
      expect(checkTransition('off', 'dualwrite').allowed).toBe(true);
      expect(checkTransition('live', 'rampdown').allowed).toBe(true);
      expect(checkTransition('rampdown', 'complete').allowed).toBe(true);
    });

    it('counts a step among the flag’s own stages only', () => {
      const stages = ['off', 'shadow', 'live', 'complete'] as const;
      expect(checkTransition('off', 'shadow', { stages }).allowed).toBe(true);
      expect(checkTransition('live', 'complete', { stages }).allowed).toBe(true);
    });

    it('refuses a skip and says what is skipped and why', () => {
      const verdict = checkTransition('off', 'complete');
      expect(verdict.allowed).toBe(false);
      expect(verdict.reason).toContain('skips dualwrite, shadow, live, rampdown');
      expect(verdict.reason).toContain('compared with legacy');
      expect(verdict.reason).toContain('the next stage is dualwrite');
    });
  });

  describe('back', () => {
    it('allows the rollback stage and any step back before complete', () => {
      expect(checkTransition('rampdown', 'off').allowed).toBe(true);
      expect(checkTransition('live', 'shadow').allowed).toBe(true);
      expect(checkTransition('live', 'dualwrite', { rollbackStage: 'shadow' }).allowed).toBe(true);
    });

    it('leaves complete only for rampdown, because legacy data is stale', () => {
      expect(checkTransition('complete', 'rampdown').allowed).toBe(true);
      const verdict = checkTransition('complete', 'off');
      expect(verdict.allowed).toBe(false);
      expect(verdict.reason).toContain('stale');
    });
  });

  it('accepts staying where the flag is', () => {
    expect(checkTransition('shadow', 'shadow').allowed).toBe(true);
  });
});

describe(nextStage.name, () => {
  it('returns the next stage the flag has, undefined at the end', () => {
    expect(nextStage('off')).toBe('dualwrite');
    expect(nextStage('off', ['off', 'shadow', 'live'])).toBe('shadow');
    expect(nextStage('complete')).toBeUndefined();
  });
});
