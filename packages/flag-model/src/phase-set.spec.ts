import { describe, expect, it } from 'vitest';
import { isPhaseFlag, readPhaseSet } from './phase-set.js';

const phaseFlag = {
  variants: { legacy: 'legacy', phase1: 'phase1', phase2: 'phase2' },
  defaultVariant: 'phase1',
  metadata: {
    kind: 'phase',
    rollbackPhase: 'legacy',
    'phase.legacy': 'planner=off, bundler=off',
    'phase.phase1': 'planner=dualwrite,bundler=off',
    'phase.phase2': ' planner = live , bundler=shadow ',
  },
};

describe(readPhaseSet.name, () => {
  it('reads the stage of every member in every phase, in the order the file gives', () => {
    const set = readPhaseSet(phaseFlag);
    expect(isPhaseFlag(phaseFlag)).toBe(true);
    expect(set.problems).toEqual([]);
    expect(set.phases).toEqual(['legacy', 'phase1', 'phase2']);
    expect(set.members).toEqual(['planner', 'bundler']);
    expect(Object.fromEntries(set.stages.get('phase2')!)).toEqual({ planner: 'live', bundler: 'shadow' });
    expect(set.rollbackPhase).toBe('legacy');
  });

  it('names each gap instead of guessing: a phase without stages, a member left out, a malformed pair, an unknown phase, no rollback phase', () => {
    const { problems } = readPhaseSet({
      variants: { legacy: 'legacy', phase1: 'phase1', phase2: 'phase2' },
      metadata: { kind: 'phase', 'phase.legacy': 'planner=off, bundler=off', 'phase.phase1': 'planner:live', 'phase.phase3': 'planner=live' },
    });
    expect(problems.map((problem) => problem.reason)).toEqual([
      '"planner:live" is not <flag>=<stage>',
      'phase "phase2" declares no stages: add metadata "phase.phase2": "<flag>=<stage>, ..."',
      'phase "phase1" does not say the stage of planner, bundler',
      '"phase.phase3" is the stages of no phase: the flag has no variant "phase3"',
      'a phase flag needs metadata.rollbackPhase, the phase a rollback returns to',
    ]);
  });
});
