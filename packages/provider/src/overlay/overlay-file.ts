import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { FlagDefinition, FlagFileDocument } from '../flags/flag-definition.js';

/** The overlay's file name when none is configured: beside the first flag file. */
export const ROLLBACK_OVERLAY_FILE = 'rollbacks.flagd.json';

/**
 * The overlay file: a flagd file read after every flag file in git, by the
 * provider and by flagd (last `--uri`). Rollbacks and rollout steps are written
 * here, never into the files in git. Writes are atomic (rename) and serialised
 * by a lock file, so concurrent writers (guards on several instances, the
 * controller, the CLI) never lose each other's entries.
 */
export class OverlayFile {
  constructor(readonly path: string) {}

  /** The overlay's flags; a missing file has none. */
  async read(): Promise<FlagFileDocument> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as FlagFileDocument;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { flags: {} };
      throw error;
    }
  }

  /** Reads, changes and writes the overlay's flags under the lock; resolves with what `change` returned. */
  async update<T>(change: (flags: Record<string, FlagDefinition>) => T): Promise<T> {
    await mkdir(dirname(this.path), { recursive: true });
    let compromised: Error | undefined;
    // proper-lockfile locks an existing path; the directory always exists. Its
    // default for a compromised lock (held past `stale`, or taken away) throws
    // inside a timer and would kill the process; we fail this update instead.
    const release = await lockfile.lock(dirname(this.path), {
      lockfilePath: `${this.path}.lock`,
      retries: { retries: 50, minTimeout: 10, maxTimeout: 100 },
      stale: 10_000,
      onCompromised: (error) => (compromised = error),
    });
    try {
      const document = await this.read();
      const flags = { ...document.flags };
      const result = change(flags);
      const next = { $schema: 'https://flagd.dev/schema/v0/flags.json', ...document, flags };
      if (compromised) throw new Error(`the overlay lock was lost before writing ${this.path}: ${compromised.message}`, { cause: compromised });
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }
}
