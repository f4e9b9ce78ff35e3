import type { ComparisonRecord } from '@cutover/migrate';
import type { AuditRecord } from '@cutover/rollback';
import type { DashboardContext } from '../dashboard-context.js';

/** One time bucket of a migration's comparisons. */
export interface TimelinePoint {
  /** Start of the bucket, ISO. */
  readonly at: string;
  readonly total: number;
  readonly matches: number;
  readonly mismatches: number;
  /** Comparator errors. */
  readonly errors: number;
  /** matches / (matches + mismatches); null when the bucket has no decisive comparison. */
  readonly matchRate: number | null;
  /** Share of the bucket's candidate runs that failed or timed out; null without runs. */
  readonly candidateErrorRate: number | null;
  readonly legacyErrorRate: number | null;
  /** Average durations, ms; null without runs. */
  readonly candidateAverageMs: number | null;
  readonly legacyAverageMs: number | null;
}

/** The body of `GET /api/migrations/:flag/timeline`. */
export interface Timeline {
  readonly flagKey: string;
  readonly from: string;
  readonly to: string;
  readonly bucketSeconds: number;
  readonly points: readonly TimelinePoint[];
  /** Audit records about this flag (or its group, or all) in the window, oldest first: the chart's markers. */
  readonly events: readonly AuditRecord[];
}

/** What a timeline covers. */
export interface TimelineRequest {
  readonly flagKey: string;
  readonly to: Date;
  readonly windowSeconds: number;
  readonly buckets: number;
  /** The flag's group, so group-wide rollbacks appear as markers. */
  readonly group?: string | null;
}

/** Streams the window's records into fixed buckets: match rate, error rates and durations over time. */
export async function buildTimeline(context: Pick<DashboardContext, 'store' | 'auditLog'>, request: TimelineRequest): Promise<Timeline> {
  const end = request.to.getTime();
  const start = end - request.windowSeconds * 1000;
  const width = (end - start) / request.buckets;
  const tallies = Array.from({ length: request.buckets }, () => new Tally());
  for await (const record of context.store.records({ from: new Date(start), to: request.to, flagKey: request.flagKey })) {
    const index = Math.min(request.buckets - 1, Math.floor((Date.parse(record.timestamp) - start) / width));
    if (index >= 0) tallies[index]!.add(record);
  }
  const scopes = new Set([request.flagKey, 'all', ...(request.group ? [`group:${request.group}`] : [])]);
  const from = new Date(start).toISOString();
  const events = await context.auditLog.read((r) => scopes.has(r.scope) && r.at >= from).catch(() => []);
  return {
    flagKey: request.flagKey,
    from,
    to: request.to.toISOString(),
    bucketSeconds: width / 1000,
    points: tallies.map((tally, i) => tally.point(new Date(start + i * width))),
    events,
  };
}

class Tally {
  private matches = 0;
  private mismatches = 0;
  private errors = 0;
  private readonly legacy = { runs: 0, failed: 0, ms: 0 };
  private readonly candidate = { runs: 0, failed: 0, ms: 0 };

  add(record: ComparisonRecord): void {
    if (record.outcome === 'match') this.matches++;
    else if (record.outcome === 'mismatch') this.mismatches++;
    else this.errors++;
    for (const [side, path] of [[this.legacy, record.legacy], [this.candidate, record.candidate]] as const) {
      side.runs++;
      side.ms += path.durationMs;
      if (path.status !== 'ok') side.failed++;
    }
  }

  point(at: Date): TimelinePoint {
    const decisive = this.matches + this.mismatches;
    const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
    return {
      at: at.toISOString(),
      total: decisive + this.errors,
      matches: this.matches,
      mismatches: this.mismatches,
      errors: this.errors,
      matchRate: rate(this.matches, decisive),
      candidateErrorRate: rate(this.candidate.failed, this.candidate.runs),
      legacyErrorRate: rate(this.legacy.failed, this.legacy.runs),
      candidateAverageMs: rate(this.candidate.ms, this.candidate.runs),
      legacyAverageMs: rate(this.legacy.ms, this.legacy.runs),
    };
  }
}
