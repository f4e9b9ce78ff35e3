// The application's types under strict TypeScript (checked with nodenext and with bundler resolution).
import { OpenFeature } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { deepEqual } from '@cutover/comparators';
import { foodDetectionComparator } from '@cutover/comparators/nutrition';
import type { MigrationStage } from '@cutover/flag-model';
import { Guard, LocalRegistrySource } from '@cutover/guard';
import { MetricsHook, MigrationMetrics } from '@cutover/hooks';
import { FileComparisonStore, Migration } from '@cutover/migrate';
import { CutoverProvider, flagdRemote } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import { createCutover } from 'cutover';
import type { Cutover } from 'cutover';

const cutover: Cutover = createCutover({ files: ['flags/search.flagd.json'], registry: new Registry() });
await OpenFeature.setProviderAndWait(cutover.provider);
const search = cutover.migration({ flagKey: 'search.engine', read: { legacy: async (q: string) => [q], candidate: async (q: string) => [q] }, compare: deepEqual() });
const hits: string[] = await search.read('pasta', { targetingKey: 'user-1' });
const stage: MigrationStage = 'shadow';

// The pieces one by one.
const registry = new Registry();
const provider = new CutoverProvider({ files: ['flags/search.flagd.json'], remote: flagdRemote({ host: '127.0.0.1', port: 8015 }) });
const metrics = new MigrationMetrics({ registry });
const rollback = new Rollback({ provider, audit: new AuditLog('.cutover/audit.jsonl'), metrics });
const guard = new Guard({ flagKey: 'search.engine', source: new LocalRegistrySource({ metrics, flagKey: 'search.engine' }), rollback, provider });
const runner = new Migration({ flagKey: 'search.engine', client: OpenFeature.getClient(), read: { legacy: () => 1, candidate: () => 1 }, store: new FileComparisonStore({ directory: '.cutover/comparisons' }) });
OpenFeature.addHooks(new MetricsHook({ registry }));
export { foodDetectionComparator, guard, hits, runner, stage };
