import type { GuardSnapshot, RecentTraffic } from './guard-snapshot.js';

/** The routed and answered counts of one snapshot, and when it was taken. */
interface Reading {
  readonly at: number;
  readonly legacyRouted: number;
  readonly candidateRouted: number;
  readonly candidateAnswered: number;
}

/**
 * Remembers the window's counts at each evaluation so that the latest
 * snapshot can say what happened in its most recent part: the difference
 * from the newest reading at least `recentMs` old. Readings older than that
 * one are dropped, so memory stays at about recentMs / intervalMs readings.
 */
export class RecentTrafficTracker {
  private readings: Reading[] = [];

  constructor(private readonly recentMs: number) {}

  /** Forgets every reading: the window restarted. */
  reset(): void {
    this.readings = [];
  }

  /** Records this snapshot's counts; returns its recent traffic once the window is older than `recentMs`. */
  observe(at: number, snapshot: GuardSnapshot): RecentTraffic | undefined {
    const { legacy, candidate } = snapshot;
    if (legacy.routed === undefined || candidate.routed === undefined) return undefined;
    const reading: Reading = {
      at,
      legacyRouted: legacy.routed,
      candidateRouted: candidate.routed,
      candidateAnswered: candidate.routed - (candidate.unanswered ?? 0),
    };
    let base = -1;
    for (let i = 0; i < this.readings.length && this.readings[i]!.at <= at - this.recentMs; i++) base = i;
    const earlier = base >= 0 ? this.readings[base] : undefined;
    if (base > 0) this.readings = this.readings.slice(base);
    this.readings.push(reading);
    if (!earlier) return undefined;
    return {
      seconds: (at - earlier.at) / 1000,
      legacyRouted: reading.legacyRouted - earlier.legacyRouted,
      candidateRouted: reading.candidateRouted - earlier.candidateRouted,
      candidateAnswered: reading.candidateAnswered - earlier.candidateAnswered,
    };
  }
}
