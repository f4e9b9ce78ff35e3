import { groupOf, rollbackVariantOf, stageOf, stagesOf } from '@cutover/flag-model';
import type { FlagSnapshotEntry } from '@cutover/provider';
import type { RollbackEntry } from '@cutover/rollback';
import { rolloutView } from '@cutover/rollout';
import type { RolloutState, RolloutView } from '@cutover/rollout';
import type { DashboardContext } from '../dashboard-context.js';
import { guardView } from './dashboard-guard.js';
import type { GuardView } from './dashboard-guard.js';
import type { FlagFileProblemView } from './migration-definitions.js';
import { summaryView } from './summary-view.js';
import type { SummaryView } from './summary-view.js';
import { targetingView } from './targeting-view.js';
import type { TargetingView } from './targeting-view.js';

/** What this process's provider serves for a flag to a context without attributes. */
export interface ServingView {
  readonly stage: string | null;
  readonly variant: string | null;
  readonly reason: string;
  /** The layer that answered: `file`, `rollback`, `override`, `env`… */
  readonly source: string;
}

/** One migration as `GET /api/migrations` lists it. */
export interface MigrationView {
  readonly flagKey: string;
  readonly file: string;
  readonly group: string | null;
  readonly description: string | null;
  /** The stages the flag has as variants, in rollout order. */
  readonly stages: readonly string[];
  readonly rollbackStage: string | null;
  readonly targeting: TargetingView;
  /** Null without a provider. */
  readonly serving: ServingView | null;
  /** The rollback in force, or null. */
  readonly rollback: RollbackEntry | null;
  readonly summary: SummaryView | null;
  /** Null when no guard watches the migration. */
  readonly guard: GuardView | null;
  /** The rollout controller's plan and where it stands, or null without one. */
  readonly rollout: RolloutView | null;
}

/** The body of `GET /api/migrations`. */
export interface MigrationsResponse {
  readonly generatedAt: string;
  readonly windowSeconds: number;
  readonly migrations: readonly MigrationView[];
  readonly problems: readonly FlagFileProblemView[];
  /** The flag sources: every file read (the overlay last) and those whose latest edit is rejected. */
  readonly sources: { readonly files: readonly string[]; readonly broken: readonly string[] };
}

/** Every migration flag with its targeting, what is served, its rollback, its comparisons over the window and its guard. */
export async function listMigrations(context: DashboardContext, now = new Date()): Promise<MigrationsResponse> {
  const { files, migrations, problems } = await context.definitions.read();
  const from = new Date(now.getTime() - context.config.windowSeconds * 1000);
  const [served, rollbacks, rollouts] = await Promise.all([
    context.provider ? context.provider.snapshot({}) : Promise.resolve([] as FlagSnapshotEntry[]),
    context.rollback.list().catch(() => [] as RollbackEntry[]),
    context.rollouts.list().catch(() => [] as RolloutState[]),
  ]);
  const views = await Promise.all(
    migrations.map(async ({ flagKey, file, definition }): Promise<MigrationView> => {
      const entry = served.find((e) => e.flagKey === flagKey);
      const guard = Object.hasOwn(context.guards, flagKey) ? context.guards[flagKey] : undefined;
      const summary = await context.store.getSummary({ from, to: now, flagKey }).catch(() => undefined);
      const metadata = definition.metadata ?? {};
      const rollbackVariant = rollbackVariantOf(definition);
      return {
        flagKey,
        file,
        group: groupOf(definition) ?? null,
        description: typeof metadata.description === 'string' ? metadata.description : null,
        stages: stagesOf(definition),
        rollbackStage: rollbackVariant === undefined ? null : (stageOf(definition, rollbackVariant) ?? rollbackVariant),
        targeting: targetingView(definition),
        serving: entry ? { stage: typeof entry.value === 'string' ? entry.value : null, variant: entry.variant ?? null, reason: entry.reason, source: entry.source } : null,
        rollback: rollbacks.find((r) => r.flagKey === flagKey) ?? null,
        summary: summary ? summaryView(summary) : null,
        guard: guard ? guardView(guard) : null,
        rollout: ((state) => (state ? rolloutView(state, now.getTime()) : null))(rollouts.find((r) => r.flagKey === flagKey)),
      };
    }),
  );
  const sources = context.provider?.getFileStatus() ?? { files, broken: problems.map((p) => p.file) };
  return { generatedAt: now.toISOString(), windowSeconds: context.config.windowSeconds, migrations: views, problems, sources };
}
