import type { Pool } from 'pg';

/** One step of the store's schema; applied once, in order, recorded in `schema_version`. */
interface SchemaMigration {
  readonly version: number;
  readonly statements: (schema: string) => readonly string[];
}

const MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    statements: (s) => [
      // The key is (time, id): one index serves time-ordered reads and makes a replayed insert a no-op.
      `CREATE TABLE ${s}.comparisons (
        id uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        flag_key text NOT NULL,
        stage text NOT NULL,
        outcome text NOT NULL,
        ignored boolean NOT NULL,
        legacy_status text NOT NULL,
        legacy_ms double precision,
        candidate_status text NOT NULL,
        candidate_ms double precision,
        detail jsonb,
        PRIMARY KEY (recorded_at, id)
      )`,
      `CREATE INDEX comparisons_by_flag ON ${s}.comparisons (flag_key, recorded_at)`,
    ],
  },
];

/** The schema version this package writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings `schema` up to {@link SCHEMA_VERSION} in one transaction. An advisory
 * lock serialises the processes of a fleet that start at once. Returns the
 * version found before.
 */
export async function migrateSchema(pool: Pool, schema: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cutover-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT coalesce(max(version), 0)::int AS version FROM ${schema}.schema_version`);
    const found = rows[0]?.version ?? 0;
    for (const migration of MIGRATIONS.filter((m) => m.version > found)) {
      for (const statement of migration.statements(schema)) await client.query(statement);
      await client.query(`INSERT INTO ${schema}.schema_version (version) VALUES ($1)`, [migration.version]);
    }
    await client.query('COMMIT');
    return found;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
