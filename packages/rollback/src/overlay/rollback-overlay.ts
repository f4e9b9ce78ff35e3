import type { FlagDefinition } from '@cutover/provider';
import { inRollbackScope } from '../scope/in-rollback-scope.js';
import type { RollbackScope } from '../scope/rollback-scope.js';
import type { RollbackTarget } from '../scope/select-rollback-targets.js';
import { OverlayFile } from './overlay-file.js';
import type { OverlayFileOptions } from './overlay-file.js';
import { rollbackEntryFlag, rollbackEntryOf } from './rollback-entry.js';
import type { RollbackEntry } from './rollback-entry.js';

/**
 * The rollbacks in the overlay file (see {@link OverlayFile}), so one write
 * reaches this process, its restarts and a fleet. It writes what it is given
 * and reads no flag file: `Rollback` chooses the targets.
 */
export class RollbackOverlay {
  private readonly file: OverlayFile;

  constructor(
    readonly path: string,
    options: OverlayFileOptions = {},
  ) {
    this.file = new OverlayFile(path, options);
  }

  /** Writes a rollback entry for each target; returns the entries written. */
  async write(targets: readonly Pick<RollbackTarget, 'flagKey' | 'variant' | 'definition'>[], details: { reason: string; by: string; at?: Date }): Promise<RollbackEntry[]> {
    const at = (details.at ?? new Date()).toISOString();
    const entries = targets.map(({ flagKey, variant }) => ({ flagKey, variant, reason: details.reason, at, by: details.by }));
    await this.file.update((flags) => {
      targets.forEach((target, i) => (flags[target.flagKey] = rollbackEntryFlag(target.definition, entries[i]!)));
    });
    return entries;
  }

  /**
   * Lifts the rollbacks in `scope`; returns the keys cleared. A group is
   * matched on the flag files' `metadata.group`, else on the entry's own copy
   * (a flag no longer in git).
   */
  clear(scope: RollbackScope, definitions: ReadonlyMap<string, Readonly<FlagDefinition>> = new Map()): Promise<string[]> {
    return this.file.update((flags) => {
      const cleared = Object.keys(flags).filter((key) => rollbackEntryOf(key, flags[key]!) && inRollbackScope(scope, key, (other) => definitions.get(other) ?? flags[other]));
      for (const key of cleared) delete flags[key];
      return cleared;
    });
  }

  /** The rollbacks in force. */
  async list(): Promise<RollbackEntry[]> {
    const { flags } = await this.file.read();
    return Object.entries(flags).flatMap(([flagKey, flag]) => rollbackEntryOf(flagKey, flag) ?? []);
  }
}
