import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ROLLBACK_OVERLAY_FILE } from '@cutover/provider';

/**
 * The flag files in git: every `*.flagd.json` in `directory`, sorted by name
 * (the order flagd is given them, so a later file wins a duplicate key),
 * without the rollback overlay.
 */
export async function listFlagFiles(directory: string): Promise<string[]> {
  const names = await readdir(directory);
  return names
    .filter((name) => name.endsWith('.flagd.json') && name !== ROLLBACK_OVERLAY_FILE)
    .sort()
    .map((name) => join(directory, name));
}

/** Whether a path is the rollback overlay. */
export function isRollbackOverlay(file: string): boolean {
  return basename(file) === ROLLBACK_OVERLAY_FILE;
}
