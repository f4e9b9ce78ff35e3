/** Counts of what a fuzzing property saw, by kind, printed after the suite for the record. */
export class VerdictTally {
  private readonly counts = new Map<string, number>();

  /** Counts one outcome. */
  add(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  /** `accepted 812, rejected 688`. */
  toString(): string {
    return [...this.counts].map(([kind, count]) => `${kind} ${count}`).join(', ');
  }
}
