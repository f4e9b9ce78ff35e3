import { describe, expect, it } from 'vitest';
import { StreamLiveness } from './stream-liveness.js';
import type { Schedule } from './stream-liveness.js';

/** A clock that moves only when told: timers fire in order of their time. */
class ManualClock {
  now = 0;
  private timers: { at: number; run: () => void }[] = [];

  readonly schedule: Schedule = (run, ms) => {
    const timer = { at: this.now + ms, run };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  };

  /** Moves the clock forward, firing every timer due, and lets promise callbacks run between them. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = due.at;
      due.run();
    }
    this.now = until;
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A peer that answers probes at once until it is stopped; a stopped peer never answers. */
function peer() {
  const state = { stopped: false, probes: 0 };
  const probe = (): Promise<void> => {
    state.probes++;
    return state.stopped ? new Promise<void>(() => undefined) : Promise.resolve();
  };
  return { state, probe };
}

describe(StreamLiveness.name, () => {
  it('probes every interval while the peer answers, and never calls it hung', async () => {
    const clock = new ManualClock();
    const { state, probe } = peer();
    let hung = 0;
    const liveness = new StreamLiveness({ probe, intervalMs: 1000, onHung: () => hung++, schedule: clock.schedule });
    liveness.start();
    await clock.advance(10_000);
    expect(state.probes).toBe(10);
    expect(hung).toBe(0);
  });

  it('calls a peer hung once, one interval after its first unanswered probe, and stops probing', async () => {
    const clock = new ManualClock();
    const { state, probe } = peer();
    const hungAt: number[] = [];
    const liveness = new StreamLiveness({ probe, intervalMs: 1000, onHung: () => hungAt.push(clock.now), schedule: clock.schedule });
    liveness.start();
    await clock.advance(2500);
    state.stopped = true;
    await clock.advance(10_000);
    expect(hungAt).toEqual([4000]);
    expect(state.probes).toBe(3);
  });

  it('calls a peer hung when a probe fails, and probes again after start()', async () => {
    const clock = new ManualClock();
    let fail = true;
    let hung = 0;
    const liveness = new StreamLiveness({ probe: () => (fail ? Promise.reject(new Error('DEADLINE_EXCEEDED')) : Promise.resolve()), intervalMs: 500, onHung: () => hung++, schedule: clock.schedule });
    liveness.start();
    await clock.advance(600);
    expect(hung).toBe(1);
    fail = false;
    liveness.start();
    await clock.advance(5000);
    expect(hung).toBe(1);
  });

  it('disregards a probe still in flight when stopped', async () => {
    const clock = new ManualClock();
    const { state, probe } = peer();
    state.stopped = true;
    let hung = 0;
    const liveness = new StreamLiveness({ probe, intervalMs: 1000, onHung: () => hung++, schedule: clock.schedule });
    liveness.start();
    await clock.advance(1500);
    liveness.stop();
    await clock.advance(5000);
    expect(hung).toBe(0);
  });
});
