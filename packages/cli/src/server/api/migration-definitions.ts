import { readFile } from 'node:fs/promises';
import { isMigrationFlag } from '@cutover/flag-model';
import { parseFlagFile } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
import { listFlagFiles } from '../../flag-files/list-flag-files.js';

/** One migration flag and the file that defines it. */
export interface MigrationDefinition {
  readonly flagKey: string;
  /** The file whose definition wins (the last one, as flagd merges repeated `--uri`). */
  readonly file: string;
  readonly definition: FlagDefinition;
}

/** A flag file that cannot be read or parsed now. */
export interface FlagFileProblemView {
  readonly file: string;
  readonly message: string;
}

/** What {@link MigrationDefinitions.read} returns. */
export interface MigrationDefinitionsRead {
  readonly files: readonly string[];
  readonly migrations: readonly MigrationDefinition[];
  readonly problems: readonly FlagFileProblemView[];
}

/**
 * Reads the migration flags of a flag directory on every call (files are small
 * and edited under a running server). Like the provider, it keeps the last good
 * version of a file whose latest edit is invalid, so a typo does not hide its
 * migrations from the page while the provider still serves them.
 */
export class MigrationDefinitions {
  private readonly lastGood = new Map<string, MigrationDefinition[]>();

  constructor(private readonly flagsDir: string) {}

  /** Every migration flag in the directory's files, sorted by key. */
  async read(): Promise<MigrationDefinitionsRead> {
    const problems: FlagFileProblemView[] = [];
    const files = await listFlagFiles(this.flagsDir).catch((error: Error) => {
      problems.push({ file: this.flagsDir, message: error.message });
      return [];
    });
    const byKey = new Map<string, MigrationDefinition>();
    for (const file of files) {
      try {
        const set = parseFlagFile(await readFile(file, 'utf8'), file);
        const migrations = [...set.flags]
          .filter(([, flag]) => isMigrationFlag(flag.definition))
          .map(([flagKey, flag]) => ({ flagKey, file, definition: flag.definition }));
        this.lastGood.set(file, migrations);
      } catch (error) {
        problems.push({ file, message: (error as Error).message });
      }
      for (const migration of this.lastGood.get(file) ?? []) byKey.set(migration.flagKey, migration);
    }
    const migrations = [...byKey.values()].sort((a, b) => (a.flagKey < b.flagKey ? -1 : 1));
    return { files, migrations, problems };
  }
}
