import { readFile } from 'node:fs/promises';
import { groupOf, hasTargeting } from '@cutover/flag-model';
import type { ComparisonStore } from '@cutover/migrate';
import { parseFlagFile } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
import { RollbackOverlay } from '@cutover/rollback';
import type { AuditLog, AuditRecord } from '@cutover/rollback';
import { DEFAULT_CLEANUP_THRESHOLDS } from './cleanup-thresholds.js';
import { findReferences } from './find-references.js';
import type { CodeReference } from './find-references.js';

/** What {@link checkCleanup} looks at. */
export interface CleanupCheckRequest {
  readonly flagKey: string;
  /** The flag files in git, in flagd order. */
  readonly files: readonly string[];
  readonly overlay: string;
  readonly audit: AuditLog;
  readonly store: ComparisonStore;
  /** Where to look for code references. */
  readonly src: string;
  /** Days the flag must have been complete before its legacy path may go. @default 7 */
  readonly stableDays?: number;
  /** Lowest acceptable match rate before its legacy path may go. @default 0.99 */
  readonly minMatchRate?: number;
  readonly now?: Date;
}

/** One condition of the cleanup rule; `ok: false` blocks the cleanup. */
export interface CleanupCondition {
  readonly name: 'complete' | 'stable' | 'no-rollback' | 'match-rate';
  readonly ok: boolean;
  readonly detail: string;
}

/** Whether the legacy path may be deleted, why, and where the code mentions the flag. */
export interface CleanupVerdict {
  readonly flagKey: string;
  readonly ready: boolean;
  readonly conditions: readonly CleanupCondition[];
  readonly references: readonly CodeReference[];
}

const DAY = 86_400_000;

/**
 * The rule for deleting legacy code: the flag is `complete` for
 * everyone, has been since at least `stableDays` ago (the date comes from the
 * audit log's `stage` records; unknown fails), no rollback touched it since,
 * and the comparisons of its last compared week (the `stableDays` before it
 * reached complete, up to now) match at `minMatchRate` or better.
 */
export async function checkCleanup(request: CleanupCheckRequest): Promise<CleanupVerdict> {
  const now = request.now ?? new Date();
  const stableDays = request.stableDays ?? DEFAULT_CLEANUP_THRESHOLDS.stableDays;
  const minMatchRate = request.minMatchRate ?? DEFAULT_CLEANUP_THRESHOLDS.minMatchRate;
  const flag = await findFlag(request.files, request.flagKey);
  const conditions: CleanupCondition[] = [];
  conditions.push(completeCondition(flag));

  const stageRecords = await request.audit.read((r) => r.action === 'stage' && r.status === 'completed' && r.scope === request.flagKey);
  const last = stageRecords.at(-1);
  const since = last?.details?.to === 'complete' ? new Date(last.at) : undefined;
  if (!since) {
    const why = last ? `the last stage change in ${request.audit.path} is to ${String(last.details?.to)} (${last.at})` : `no stage change of ${request.flagKey} in ${request.audit.path}`;
    conditions.push({ name: 'stable', ok: false, detail: `unknown since when it is complete: ${why}` });
  } else {
    const days = (now.getTime() - since.getTime()) / DAY;
    conditions.push({ name: 'stable', ok: days >= stableDays, detail: `complete since ${since.toISOString()} (${days.toFixed(1)} days; needs ${stableDays})` });
  }

  const windowStart = new Date((since ?? now).getTime() - stableDays * DAY);
  const flagGroup = flag && groupOf(flag);
  const group = flagGroup === undefined ? undefined : `group:${flagGroup}`;
  const scopes = new Set([request.flagKey, 'all', ...(group ? [group] : [])]);
  // A rollback of a phase names its scope as the phase; the flags it touched are in its details.
  const touched = (r: AuditRecord) => scopes.has(r.scope) || (Array.isArray(r.details?.flags) && r.details.flags.some((f: { flagKey?: unknown }) => f?.flagKey === request.flagKey));
  const rollbacks = await request.audit.read((r) => r.action === 'rollback' && touched(r) && new Date(r.at) >= (since ?? windowStart));
  const active = (await new RollbackOverlay(request.overlay).list()).some((entry) => entry.flagKey === request.flagKey);
  conditions.push(rollbackCondition(rollbacks, active, since));

  const summary = await request.store.getSummary({ from: windowStart, flagKey: request.flagKey });
  const compared = summary.matches + summary.mismatches;
  conditions.push({
    name: 'match-rate',
    ok: compared > 0 && summary.matchRate >= minMatchRate,
    detail:
      compared === 0
        ? `no comparisons since ${windowStart.toISOString()}: nothing shows the candidate matches legacy`
        : `${(summary.matchRate * 100).toFixed(2)} % of ${compared} comparisons since ${windowStart.toISOString()} (needs ${round(minMatchRate * 100)} %)`,
  });

  const references = await findReferences(request.src, request.flagKey);
  return { flagKey: request.flagKey, ready: conditions.every((c) => c.ok), conditions, references };
}

function completeCondition(flag: FlagDefinition | undefined): CleanupCondition {
  if (!flag) return { name: 'complete', ok: false, detail: 'the flag is in none of the flag files' };
  const stage = typeof flag.defaultVariant === 'string' ? flag.variants[flag.defaultVariant] : undefined;
  if (stage !== 'complete') return { name: 'complete', ok: false, detail: `the flag serves ${String(stage)} by default, not complete` };
  if (hasTargeting(flag.targeting)) return { name: 'complete', ok: false, detail: 'complete by default, but targeting still sends some contexts elsewhere' };
  return { name: 'complete', ok: true, detail: 'complete for everyone' };
}

function rollbackCondition(rollbacks: readonly AuditRecord[], active: boolean, since: Date | undefined): CleanupCondition {
  if (active) return { name: 'no-rollback', ok: false, detail: 'a rollback is in force in the overlay' };
  const last = rollbacks.at(-1);
  if (last) return { name: 'no-rollback', ok: false, detail: `rolled back ${last.at} by ${last.actor}: ${last.reason}` };
  return { name: 'no-rollback', ok: true, detail: since ? `no rollback since ${since.toISOString()}` : 'no rollback recorded' };
}

async function findFlag(files: readonly string[], flagKey: string): Promise<FlagDefinition | undefined> {
  let found: FlagDefinition | undefined;
  for (const file of files) {
    try {
      found = parseFlagFile(await readFile(file, 'utf8'), file).flags.get(flagKey)?.definition ?? found;
    } catch {
      // An invalid file is `cutover validate`'s to report; its flags are not counted.
    }
  }
  return found;
}

// 0.995 * 100 is 99.49999999999999 in floating point; an operator wrote 99.5.
function round(percent: number): number {
  return Math.round(percent * 1e6) / 1e6;
}
