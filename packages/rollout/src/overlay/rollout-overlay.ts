import { ROLLED_BACK } from '@cutover/provider';
import { OverlayFile } from '@cutover/rollback';
import type { FlagDefinition } from '@cutover/provider';
import { isRolloutEntry } from './rollout-entry.js';

/** What a write found in the overlay. */
export type RolloutWrite = 'written' | 'rolled-back';

/**
 * The controller's side of the overlay file: it writes split entries through
 * `OverlayFile` (locked, atomic), and never over a rollback: a flag rolled
 * back by the guard, the CLI or the dashboard stays rolled back.
 */
export class RolloutOverlay {
  private readonly file: OverlayFile;

  constructor(readonly path: string) {
    this.file = new OverlayFile(path);
  }

  /** Writes the flag's entry unless the flag is rolled back in the overlay. */
  write(flagKey: string, entry: FlagDefinition): Promise<RolloutWrite> {
    return this.file.update((flags) => {
      if (flags[flagKey]?.metadata?.[ROLLED_BACK] === true) return 'rolled-back';
      flags[flagKey] = entry;
      return 'written';
    });
  }

  /** The flag's overlay entry now, if any. */
  async entry(flagKey: string): Promise<FlagDefinition | undefined> {
    return (await this.file.read()).flags[flagKey];
  }

  /** Whether the overlay holds a rollback of the flag. */
  async isRolledBack(flagKey: string): Promise<boolean> {
    return (await this.entry(flagKey))?.metadata?.[ROLLED_BACK] === true;
  }

  /** Removes the flag's controller entry (not a rollback); resolves true when there was one. */
  remove(flagKey: string): Promise<boolean> {
    return this.file.update((flags) => {
      if (!isRolloutEntry(flags[flagKey])) return false;
      delete flags[flagKey];
      return true;
    });
  }
}
