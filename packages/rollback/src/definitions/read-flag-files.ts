import { readFile } from 'node:fs/promises';
import { parseFlagFile } from '@cutover/provider';
import type { FlagDefinition, FlagSet } from '@cutover/provider';
import type { KnownFlags, UnreadableFile } from './known-flags.js';

/**
 * Reads and parses each flag file once, merged in flagd order (a later file
 * wins on a key). A file that cannot be read or parsed is reported, never
 * thrown: the flags of the others are still known, so a broken edit of one
 * file cannot block the rollback of a flag in another.
 */
export async function readFlagFiles(files: readonly string[]): Promise<KnownFlags> {
  const results = await Promise.all(
    files.map(async (file): Promise<{ file: string; flags: FlagSet['flags'] } | UnreadableFile> => {
      try {
        return { file, flags: parseFlagFile(await readFile(file, 'utf8'), file).flags };
      } catch (error) {
        return { file, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  const definitions = new Map<string, Readonly<FlagDefinition>>();
  const unreadable: UnreadableFile[] = [];
  for (const result of results) {
    if ('error' in result) unreadable.push(result);
    else for (const [key, flag] of result.flags) definitions.set(key, flag.definition);
  }
  return { definitions, unreadable };
}
