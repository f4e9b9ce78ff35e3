import { basename } from 'node:path';
import { parseFlagFile } from '../flags/parse-flag-file.js';
import type { FlagSet } from '../flags/flag-set.js';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { ROLLBACK_OVERLAY_FILE, ROLLED_BACK } from '../layers/rollback-layer.js';

/** The fields of a flag that flagd's schema defines; flagd's sync adds others (`source`, `selector`, `priority`) per flag. */
const FLAG_FIELDS = ['key', 'state', 'variants', 'defaultVariant', 'targeting', 'metadata'] as const;

/**
 * Parses one `flag_configuration` flagd sent (the merged JSON of its sources)
 * with the same parser, checks and evaluator as the flag files, so a synced
 * flag evaluates exactly as the files and the flagd server do under the same
 * bucketing. flagd has already served it, so deviations from its schemas are
 * the set's warnings, never a rejection. Throws FlagFileError (file "flagd")
 * when it is not usable.
 */
export function parseSyncedFlags(text: string, bucketing: BucketingVersion): FlagSet {
  return parseFlagFile(withoutSyncFields(text), 'flagd', { bucketing });
}

/** Drops the per-flag bookkeeping flagd adds to its sync payload; text that is not a flag document is left for the parser to report. */
function withoutSyncFields(text: string): string {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return text;
  }
  if (!isObject(document)) return text;
  const strip = (flag: unknown) => (isObject(flag) ? withRollbackMark(flag, Object.fromEntries(FLAG_FIELDS.filter((field) => field in flag).map((field) => [field, flag[field]]))) : flag);
  const { flags } = document;
  if (Array.isArray(flags)) return JSON.stringify({ ...document, flags: flags.map(strip) });
  if (!isObject(flags)) return text;
  return JSON.stringify({ ...document, flags: Object.fromEntries(Object.entries(flags).map(([key, flag]) => [key, strip(flag)])) });
}

/**
 * flagd 0.11 drops flag metadata from its sync payload, and with it the mark
 * the overlay puts on a rollback; it still names the file each flag came from.
 * A flag from the overlay that serves one variant to everyone (no targeting:
 * rollout steps carry a split) is a rollback, and gets its mark back so the
 * layer chain ranks it above context and environment overrides.
 */
function withRollbackMark(synced: Record<string, unknown>, flag: Record<string, unknown>): Record<string, unknown> {
  const fromOverlay = typeof synced.source === 'string' && basename(synced.source) === ROLLBACK_OVERLAY_FILE;
  const targeted = isObject(flag.targeting) ? Object.keys(flag.targeting).length > 0 : flag.targeting !== undefined;
  if (!fromOverlay || targeted || flag.metadata !== undefined) return flag;
  return { ...flag, metadata: { [ROLLED_BACK]: true } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
