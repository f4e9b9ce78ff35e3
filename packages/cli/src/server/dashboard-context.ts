import type { ComparisonStore } from '@cutover/migrate';
import type { CutoverProvider } from '@cutover/provider';
import type { AuditLog, Rollback } from '@cutover/rollback';
import type { RolloutStateFile } from '@cutover/rollout';
import type { Registry } from 'prom-client';
import type { MigrationMetrics } from '@cutover/hooks';
import type { MigrationDefinitions } from './api/migration-definitions.js';
import type { DashboardGuard } from './api/dashboard-guard.js';
import type { DashboardConfig } from './dashboard-config.js';
import type { RefusalAudit } from './actions/refusal-audit.js';
import type { DependencyCheck } from './health/dependency-check.js';

/** Everything the request handlers share: the collaborators and the resolved configuration. */
export interface DashboardContext {
  readonly config: DashboardConfig;
  /** The running provider, when the dashboard serves beside one: what is served, broken files. */
  readonly provider: CutoverProvider | undefined;
  readonly definitions: MigrationDefinitions;
  readonly flagsDir: string;
  readonly store: ComparisonStore;
  /** The store's directory, for the health check's write probe. */
  readonly storeDirectory: string | undefined;
  readonly auditLog: AuditLog;
  /** Rollbacks and their lifting: the emergency button, the rollbacks in force. */
  readonly rollback: Rollback;
  readonly registry: Registry;
  /** Served at `/metrics/native` as native histograms, when given. */
  readonly migrationMetrics: Pick<MigrationMetrics, 'nativeExposition'> | undefined;
  readonly token: string;
  /** Guards by the flag key they watch. */
  readonly guards: Readonly<Record<string, DashboardGuard>>;
  readonly refusals: RefusalAudit;
  /** The application's own dependency checks, reported by `/health`. */
  readonly checks: readonly DependencyCheck[];
  /** The rollout controllers' state: the plan view and the approve action. */
  readonly rollouts: Pick<RolloutStateFile, 'read' | 'list'>;
  /** The `@cutover/cli` version. */
  readonly version: string;
  /** `Date.now()` when the server started. */
  readonly startedAt: number;
}
