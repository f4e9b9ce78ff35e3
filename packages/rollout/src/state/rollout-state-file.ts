import { DEFAULT_PATHS } from '@cutover/core';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { RolloutState } from './rollout-state.js';

/** The default directory of rollout state files. */
export const DEFAULT_ROLLOUT_STATE_DIR = DEFAULT_PATHS.rollouts;

/**
 * The controllers' state, one JSON file per flag (`<dir>/<flag>.json`),
 * written atomically (temporary file and rename) after every transition, so a
 * killed controller leaves either the old state or the new one, never half.
 */
export class RolloutStateFile {
  constructor(readonly dir: string = DEFAULT_ROLLOUT_STATE_DIR) {}

  /** The file of one flag; a `/` in a key cannot make it leave the directory. */
  pathOf(flagKey: string): string {
    return join(this.dir, `${flagKey.replaceAll('/', '%2F')}.json`);
  }

  /** The flag's state, or `undefined` when it never had a rollout here. */
  async read(flagKey: string): Promise<RolloutState | undefined> {
    try {
      return JSON.parse(await readFile(this.pathOf(flagKey), 'utf8')) as RolloutState;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Replaces the flag's state atomically. */
  async write(state: RolloutState): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.pathOf(state.flagKey), `${JSON.stringify(state, null, 2)}\n`);
  }

  /** Every state in the directory, by flag key; unreadable files are skipped. */
  async list(): Promise<RolloutState[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => name.endsWith('.json')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const states = await Promise.all(names.map((name) => readFile(join(this.dir, name), 'utf8').then((text) => JSON.parse(text) as RolloutState, () => undefined)));
    return states.filter((state): state is RolloutState => state?.version === 1);
  }
}
