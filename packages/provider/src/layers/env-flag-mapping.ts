import type { SchemaBuilder } from '@cutover/core';

/**
 * The environment variables a team already keeps for one flag, by role. The
 * flag is a boolean per targeting key (true: the new path); one variable may
 * serve several flags. Precedence, as such teams write it by hand:
 *
 * 1. `enabled` declared and not true (unset, empty or false): false for everyone;
 * 2. a non-empty `ids` list: true exactly for the listed ids, the percentage ignored;
 * 3. a `percentage`: true for that share of ids, bucketed as flagd's `fractional`;
 * 4. otherwise (empty list, no percentage): true for everyone.
 *
 * An empty variable counts as unset. When none of the variables is set the
 * flag passes to the layers below (remote flagd, the flag files).
 */
export interface EnvFlagMapping {
  /** The on/off switch, e.g. `USE_BULLMQ` (`true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`). */
  readonly enabled?: string;
  /** A comma-separated list of targeting keys, e.g. `BULLMQ_TENANTS=t1,t2`. */
  readonly ids?: string;
  /** A share of targeting keys from 0 to 100, e.g. `MIGRATION_PERCENTAGE=10`. */
  readonly percentage?: string;
}

/** The roles a mapping can name, in the order they decide. */
export const ENV_FLAG_ROLES = ['enabled', 'ids', 'percentage'] as const;

/** The shape of the `envFlags` option: flag key → its variables; unknown roles are named. Built on first use (zod loads lazily). */
export const envFlagsSchema: SchemaBuilder<Readonly<Record<string, EnvFlagMapping>>> = (z) => {
  // A POSIX environment variable name.
  const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, _)');
  return z.record(
    z.string().min(1),
    z
      .object({ enabled: variableName.optional(), ids: variableName.optional(), percentage: variableName.optional() })
      .strict()
      .refine((mapping) => ENV_FLAG_ROLES.some((role) => mapping[role] !== undefined), 'names no variable (enabled, ids or percentage)'),
  );
};
