import { basename } from 'node:path';
import { flagFilesOf } from '@cutover/core';
import { ROLLBACK_OVERLAY_FILE } from '@cutover/provider';

/** The flag files in git of `directory`, as the library lists them (`flagFilesOf`); rejects when it cannot be read. */
export async function listFlagFiles(directory: string): Promise<string[]> {
  return flagFilesOf(directory);
}

/** Whether a path is the rollback overlay. */
export function isRollbackOverlay(file: string): boolean {
  return basename(file) === ROLLBACK_OVERLAY_FILE;
}
