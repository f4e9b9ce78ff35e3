import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's flag files (the rollback overlay excluded: the provider reads it last by itself). */
export function flagFiles(dir = 'flags'): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.flagd.json') && name !== 'rollbacks.flagd.json')
    .sort()
    .map((name) => join(dir, name));
}
