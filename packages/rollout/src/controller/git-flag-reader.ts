import type { FlagDefinition } from '@cutover/provider';
import { readGitDefinitions } from '../flag/rollout-flag.js';

/**
 * Reads git's flags at every step, skipping a file a broken edit made
 * unreadable, which must not stop this flag's rollout, and naming each such
 * file (and error) once, not at every step.
 */
export class GitFlagReader {
  // Unreadable flag files already reported, so a broken file is named once, not at every step.
  private readonly skipped = new Set<string>();

  constructor(
    private readonly files: readonly string[],
    private readonly warn: (message: string) => void,
  ) {}

  /** The merged definitions of the readable files; `onUnreadable` hears of every file skipped this time. */
  read(onUnreadable?: (file: string) => void): Promise<Map<string, FlagDefinition>> {
    return readGitDefinitions(this.files, {
      onUnreadable: (file, error) => {
        onUnreadable?.(file);
        const key = `${file}\u0000${error.message}`;
        if (this.skipped.has(key)) return;
        this.skipped.add(key);
        this.warn(`skipped ${file}, which cannot be read: ${error.message}`);
      },
    });
  }
}
