// CVPlus's recommendations migration flags, as the team names them, in a
// temporary flag directory: the cache and the circuit breaker, both migrations
// that roll back to their legacy services.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The flag directory and the files around it. */
export interface CvplusFlags {
  readonly dir: string;
  readonly file: string;
  readonly audit: string;
  readonly store: string;
  remove(): Promise<void>;
}

const migration = (defaultVariant: string, description: string) => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live', complete: 'complete' },
  defaultVariant,
  metadata: { kind: 'migration', rollbackVariant: 'off', group: 'recommendations', description },
});

/** Writes `cvplus.flagd.json` with both flags at `stage`. */
export async function cvplusFlags(stage: string): Promise<CvplusFlags> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-cvplus-'));
  const file = join(dir, 'cvplus.flagd.json');
  const flags = {
    'cache-package-enabled': migration(stage, 'CacheManager from the package, legacy cache beside it'),
    'circuit-breaker-package-enabled': migration(stage, 'CircuitBreakerCore from the package; breaker state is restored on rollback'),
  };
  await writeFile(file, JSON.stringify({ flags }));
  return { dir, file, audit: join(dir, 'audit.jsonl'), store: join(dir, 'comparisons'), remove: () => rm(dir, { recursive: true, force: true }) };
}
