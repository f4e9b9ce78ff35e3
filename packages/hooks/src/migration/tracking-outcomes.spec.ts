import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMigrationFlags, memoryLogger, migrationFlag } from '../testing/migration-flags.js';
import type { MigrationFlags } from '../testing/migration-flags.js';
import { MigrationMetrics } from './migration-metrics.js';
import { OutcomeAttribution } from './outcome-attribution.js';
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

  it('counts declared business events for the path that served their targeting key, or the path they name', async () => {
    flags = await createMigrationFlags({ planner: migrationFlag('live') });
    const { provider, client } = await flags.connect();
    const attribution = new OutcomeAttribution();
    client.addHooks(attribution);
    const metrics = new MigrationMetrics({ registry: new Registry() });
    const bridge = new TrackingOutcomes({ provider, metrics, logger: memoryLogger(), attribution, outcomes: { pr_accepted: 'success', pr_rejected: 'failure', build: 'value' } });
    await client.getStringValue('planner', 'off', { targetingKey: 'issue-1' });
    client.track('pr_accepted', { targetingKey: 'issue-1' });
    client.track('pr_rejected', { targetingKey: 'issue-1' });
    client.track('build', { targetingKey: 'issue-1' }, { value: 0 });
    client.track('build', { targetingKey: 'issue-1' }, { value: 1 });
    // Hours later, in another process: the application kept the path with the item.
    client.track('pr_accepted', { targetingKey: 'issue-0' }, { flagKey: 'planner', path: 'legacy' });
    client.track('page_viewed', { targetingKey: 'issue-1' });
    expect(metrics.counts('planner').candidate.reported).toEqual({ success: 2, failure: 2 });
    expect(metrics.counts('planner').legacy.reported).toEqual({ success: 1, failure: 0 });
    expect(bridge.stats()).toEqual({ recorded: 5, dropped: 0 });
  });

  it('drops business events it cannot attribute or read, and says why', async () => {
    flags = await createMigrationFlags({ planner: migrationFlag('live') });
    const { provider, client } = await flags.connect();
    const logger = memoryLogger();
    const metrics = new MigrationMetrics({ registry: new Registry() });
    const bridge = new TrackingOutcomes({ provider, metrics, logger, attribution: new OutcomeAttribution(), outcomes: { pr_accepted: 'success', build: 'value' } });
    client.track('pr_accepted', { targetingKey: 'never-served' });
    client.track('build', { targetingKey: 'x' }, { flagKey: 'planner', path: 'candidate', value: 0.5 });
    expect(bridge.stats()).toEqual({ recorded: 0, dropped: 2 });
    expect(logger.lines[0]).toMatch(/dropped a "pr_accepted" tracking event: no path served/);
    expect(logger.lines[1]).toMatch(/must be 1 \(success\) or 0 \(failure\); got 0.5/);
    expect(metrics.counts('planner').candidate.reported).toEqual({ success: 0, failure: 0 });
  });

  it('names an outcome event declared with an unknown kind', async () => {
    flags = await createMigrationFlags({ planner: migrationFlag('live') });
    const { provider } = await flags.connect();
    const outcomes = JSON.parse('{"pr_accepted": "great"}') as Record<string, 'success'>;
    expect(() => new TrackingOutcomes({ provider, metrics: new MigrationMetrics({ registry: new Registry() }), outcomes })).toThrow(/outcomes.*"pr_accepted" must be 'success', 'failure' or 'value', got "great"/);
  });
});

