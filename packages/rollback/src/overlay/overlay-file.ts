import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FlagDefinition, FlagFileDocument } from '@cutover/provider';
import { acquireOverlayLock, DEFAULT_OVERLAY_LOCK_STALE_MS } from './overlay-lock.js';
import { removeStaleTempFiles, writeTempFile } from './temp-files.js';

/**
 * The overlay's flags by key, in an object without a prototype: a flag keyed
 * `__proto__` or `constructor` is an entry like any other.
 */
export type OverlayFlags = Record<string, FlagDefinition>;

/** The overlay file as read: its flags in an {@link OverlayFlags}. */
export interface OverlayDocument extends Omit<FlagFileDocument, 'flags'> {
  readonly flags: OverlayFlags;
}

/** Options of {@link OverlayFile}. */
export interface OverlayFileOptions {
  /**
   * How long the lock may go unrefreshed before another writer breaks it (its
   * holder was killed); a writer waits up to twice this for a live holder.
   * @default 5000
   */
  readonly lockStaleMs?: number;
}

/**
 * The overlay file: a flagd file read after every flag file in git, by the
 * provider and by flagd (last `--uri`). Rollbacks and rollout steps are written
 * here, never into the files in git. Writes are atomic (a flushed temporary
 * renamed into place) and serialised by a lock file, so concurrent writers
 * (guards on several instances, the controller, the CLI) never lose each
 * other's entries, and a writer killed mid-write leaves the old file whole.
 */
export class OverlayFile {
  private readonly lockStaleMs: number;

  constructor(
    readonly path: string,
    options: OverlayFileOptions = {},
  ) {
    this.lockStaleMs = options.lockStaleMs ?? DEFAULT_OVERLAY_LOCK_STALE_MS;
  }

  /** The overlay's flags; a missing file has none. */
  async read(): Promise<OverlayDocument> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { flags: overlayFlags({}) };
      throw error;
    }
    const document = JSON.parse(text) as FlagFileDocument;
    return { ...document, flags: overlayFlags(document.flags ?? {}) };
  }

  /** Reads, changes and writes the overlay's flags under the lock; resolves with what `change` returned. */
  async update<T>(change: (flags: OverlayFlags) => T): Promise<T> {
    await mkdir(dirname(this.path), { recursive: true });
    const lock = await acquireOverlayLock(this.path, this.lockStaleMs);
    try {
      // Under the lock no live writer is mid-write: an old temporary is a dead writer's.
      await removeStaleTempFiles(this.path, this.lockStaleMs);
      const document = await this.read();
      const flags = overlayFlags(document.flags);
      const result = change(flags);
      const next = { $schema: 'https://flagd.dev/schema/v0/flags.json', ...document, flags };
      const temp = await writeTempFile(this.path, `${JSON.stringify(next, null, 2)}\n`);
      try {
        await lock.assertHeld();
        await rename(temp, this.path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return result;
    } finally {
      await lock.release();
    }
  }
}

// Copies into a prototype-less object: assignment then always creates an own entry.
function overlayFlags(flags: Readonly<Record<string, FlagDefinition>>): OverlayFlags {
  return Object.assign(Object.create(null) as OverlayFlags, flags);
}
