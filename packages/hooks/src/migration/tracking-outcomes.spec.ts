import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMigrationFlags, memoryLogger, migrationFlag } from '../testing/migration-flags.js';
import type { MigrationFlags } from '../testing/migration-flags.js';
import { MigrationMetrics } from './migration-metrics.js';
import { OUTCOME_EVENT, TrackingOutcomes } from './tracking-outcomes.js';

let flags: MigrationFlags;
afterEach(async () => {
  await flags?.remove();
});

describe(TrackingOutcomes.name, () => {
  it('counts client.track outcomes in the migration metrics, per path, with their durations', async () => {
    flags = await createMigrationFlags({ planner: migrationFlag('live') });
    const { provider, client } = await flags.connect();
    const metrics = new MigrationMetrics({ registry: new Registry() });
    const bridge = new TrackingOutcomes({ provider, metrics, logger: memoryLogger() });
    client.track(OUTCOME_EVENT, { targetingKey: 'u1' }, { flagKey: 'planner', path: 'candidate', outcome: 'error', value: 0.2 });
    client.track(OUTCOME_EVENT, { targetingKey: 'u2' }, { flagKey: 'planner', path: 'candidate', outcome: 'ok', value: 0.01 });
    client.track(OUTCOME_EVENT, { targetingKey: 'u3' }, { flagKey: 'planner', path: 'legacy', outcome: 'timeout' });
    client.track('something.else', {}, { flagKey: 'planner', path: 'legacy', outcome: 'ok' });
    const counts = metrics.counts('planner');
    expect(counts.candidate.outcomes).toMatchObject({ success: 1, error: 1 });
    expect(counts.legacy.outcomes).toMatchObject({ timeout: 1, success: 0 });
    expect(counts.candidate.buckets.at(-1)?.count).toBe(2);
    expect(bridge.stats()).toEqual({ recorded: 3, dropped: 0 });
    bridge.close();
    client.track(OUTCOME_EVENT, {}, { flagKey: 'planner', path: 'legacy', outcome: 'ok' });
    expect(metrics.counts('planner').legacy.outcomes.success).toBe(0);
  });

  it('drops, counts and logs malformed outcome events without bothering the application', async () => {
    flags = await createMigrationFlags({ planner: migrationFlag('live') });
    const { provider, client } = await flags.connect();
    const logger = memoryLogger();
    const bridge = new TrackingOutcomes({ provider, metrics: new MigrationMetrics({ registry: new Registry() }), logger });
    expect(() => client.track(OUTCOME_EVENT, {}, { flagKey: 'planner', path: 'sideways', outcome: 'ok' })).not.toThrow();
    client.track(OUTCOME_EVENT, {}, { path: 'legacy', outcome: 'ok' });
    client.track(OUTCOME_EVENT, {}, { flagKey: 'planner', path: 'legacy', outcome: 'great' });
    expect(bridge.stats()).toEqual({ recorded: 0, dropped: 3 });
    expect(logger.lines[0]).toMatch(/dropped a "cutover.outcome" tracking event/);
  });
});
