import { evaluateGuard } from '@cutover/guard';
import type { GuardSnapshot } from '@cutover/guard';
import { describe, expect, it } from 'vitest';
import { outcomesView } from './outcomes-view.js';

const latency = { buckets: [{ le: Infinity, count: 0 }] };

function snapshot(outcomes?: { total: number; successes: number }): GuardSnapshot {
  return {
    windowSeconds: 60,
    legacy: { calls: 0, errors: 0, latency, outcomes: { total: 50, successes: 45 } },
    candidate: { calls: 0, errors: 0, latency, ...(outcomes ? { outcomes } : {}) },
  };
}

describe(outcomesView.name, () => {
  it('shows the success rate per path behind the verdict, with its floor', () => {
    expect(outcomesView(evaluateGuard(snapshot({ total: 200, successes: 120 })))).toEqual({
      candidateRate: 0.6,
      legacyRate: 0.9,
      candidate: 200,
      legacy: 50,
      limit: 0.7,
    });
  });

  it('is absent where the candidate reported no outcome', () => {
    expect(outcomesView(evaluateGuard(snapshot()))).toBeNull();
  });
});
