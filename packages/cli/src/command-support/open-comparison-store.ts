import { FileComparisonStore } from '@cutover/migrate';
import type { ComparisonStore } from '@cutover/migrate';

/** A comparison store a command reads, and how to name it. */
export interface OpenedComparisonStore {
  readonly store: ComparisonStore;
  /** The directory of a file store (the dashboard's health check probes it); `undefined` for a database. */
  readonly directory: string | undefined;
  /** Where the store is, fit to print: a URL's password is masked. */
  readonly label: string;
}

/** The help text of every command's `--store` option. */
export const STORE_OPTION_DESCRIPTION = 'comparison store: a directory (JSONL files), or a postgres:// URL (the fleet\'s shared store)';

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * Opens the store `location` names: a `postgres://` or `postgresql://` URL is
 * the fleet's PostgreSQL store (its package is loaded only then), anything
 * else a file store directory.
 */
export async function openComparisonStore(location: string): Promise<OpenedComparisonStore> {
  if (!POSTGRES_URL.test(location)) return { store: new FileComparisonStore({ directory: location }), directory: location, label: location };
  const { PostgresComparisonStore } = await import('@cutover/store-postgres');
  // A reader never deletes: retention is the writers' setting, and theirs may keep more days than the default.
  const store = new PostgresComparisonStore({ url: location, options: { retentionDays: 0 } });
  return { store, directory: undefined, label: maskPassword(location) };
}

function maskPassword(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/:[^:@/]*@/, ':***@');
  }
}
