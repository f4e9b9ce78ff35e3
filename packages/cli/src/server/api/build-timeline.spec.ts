import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileComparisonStore } from '@cutover/migrate';
import type { ComparisonRecord } from '@cutover/migrate';
import { AuditLog } from '@cutover/rollback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTimeline } from './build-timeline.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutover-timeline-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const to = new Date('2026-03-01T12:00:00.000Z');
const at = (minutesBefore: number): string => new Date(to.getTime() - minutesBefore * 60_000).toISOString();
const record = (timestamp: string, outcome: ComparisonRecord['outcome'], candidateFailed = false, flagKey = 'search'): ComparisonRecord => ({
  timestamp,
  flagKey,
  stage: 'shadow',
  outcome,
  legacy: { status: 'ok', durationMs: 10 },
  candidate: { status: candidateFailed ? 'error' : 'ok', durationMs: 30 },
  differences: [],
});

describe(buildTimeline.name, () => {
  it('buckets the window: match rate, error rates and durations per bucket; audit markers for the flag, its group and all', async () => {
    const store = new FileComparisonStore({ directory: join(dir, 'store') });
    const records = [record(at(9.5), 'match'), record(at(9.2), 'mismatch', true), record(at(0.5), 'match'), record(at(0.4), 'error'), record(at(0.3), 'match', false, 'other'), record(at(30), 'match')];
    for (const r of records) void store.record(r);
    const auditLog = new AuditLog(join(dir, 'audit.jsonl'));
    await auditLog.append({ at: at(5), action: 'rollback', status: 'completed', scope: 'group:core', actor: 'guard', reason: 'errors' });
    await auditLog.append({ at: at(4), action: 'rollback', status: 'completed', scope: 'other', actor: 'guard', reason: 'not ours' });
    await auditLog.append({ at: at(60), action: 'stage', status: 'completed', scope: 'search', actor: 'cli', reason: 'too old' });
    const timeline = await buildTimeline({ store, auditLog }, { flagKey: 'search', to, windowSeconds: 600, buckets: 10, group: 'core' });
    expect(timeline.bucketSeconds).toBe(60);
    expect(timeline.points).toHaveLength(10);
    expect(timeline.points[0]).toMatchObject({ total: 2, matches: 1, mismatches: 1, matchRate: 0.5, candidateErrorRate: 0.5, legacyErrorRate: 0, candidateAverageMs: 30, legacyAverageMs: 10 });
    expect(timeline.points[5]).toMatchObject({ total: 0, matchRate: null, candidateErrorRate: null });
    expect(timeline.points[9]).toMatchObject({ total: 2, matches: 1, errors: 1, matchRate: 1 });
    expect(timeline.events.map((e) => e.reason)).toEqual(['errors']);
    await store.close();
  });
});
