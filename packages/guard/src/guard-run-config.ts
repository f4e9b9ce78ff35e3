import { z } from 'zod';
import { InvalidOptionError } from '@cutover/hooks';

/** How a `Guard` runs (its limits are a `GuardConfig`). */
export interface GuardRunConfig {
  /**
   * Milliseconds between evaluations. Environment: `CUTOVER_GUARD_INTERVAL_MS`.
   * The tests stay valid however often they look, so this only trades load for reaction time.
   * @default 5000
   */
  readonly intervalMs: number;
  /**
   * Who the audit log names as the actor of the guard's rollbacks.
   * @default 'guard'
   */
  readonly actor: string;
}

/** Options of a guard's run: any subset of {@link GuardRunConfig}. */
export type GuardRunOptions = Partial<GuardRunConfig>;

/** Defaults of {@link GuardRunConfig}. */
export const DEFAULT_GUARD_RUN_CONFIG: GuardRunConfig = Object.freeze({ intervalMs: 5000, actor: 'guard' });

const ENV_INTERVAL = 'CUTOVER_GUARD_INTERVAL_MS';

const schema = z.strictObject({
  intervalMs: z.number().int().min(10).max(3_600_000),
  actor: z.string().min(1),
});

/**
 * Merges defaults, environment and options (options win), then validates.
 * @throws {InvalidOptionError} naming the first option whose value is unusable
 */
export function resolveGuardRunConfig(
  options: GuardRunOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): GuardRunConfig {
  const fromEnv = env[ENV_INTERVAL]?.trim() ? { intervalMs: Number(env[ENV_INTERVAL]) } : {};
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as GuardRunOptions;
  const parsed = schema.safeParse({ ...DEFAULT_GUARD_RUN_CONFIG, ...fromEnv, ...given });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = String(issue?.path[0] ?? '(options)');
    const source = option === 'intervalMs' && given.intervalMs === undefined && 'intervalMs' in fromEnv ? ` (from ${ENV_INTERVAL})` : '';
    throw new InvalidOptionError(option, `${issue?.message ?? 'invalid value'}${source}`, { cause: parsed.error });
  }
  return Object.freeze(parsed.data);
}
