import type { DashboardContext } from '../dashboard-context.js';
import type { MigrationDefinition } from '../api/migration-definitions.js';
import { HttpError } from '../http/http-error.js';

/** The migration flag named in a URL, or a 404. */
export async function findMigration(context: Pick<DashboardContext, 'definitions'>, flagKey: string): Promise<MigrationDefinition> {
  const { migrations } = await context.definitions.read();
  const found = migrations.find((migration) => migration.flagKey === flagKey);
  if (!found) throw new HttpError(404, 'MIGRATION_NOT_FOUND', `no migration flag "${flagKey}" in the flag files`);
  return found;
}
