import { afterEach, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '@cutover/core';
import { createMigrationFlags, migrationFlag } from '../testing/migration-flags.js';
import type { MigrationFlags } from '../testing/migration-flags.js';
import { OutcomeAttribution } from './outcome-attribution.js';

let flags: MigrationFlags | undefined;
afterEach(async () => {
  await flags?.remove();
});

describe(OutcomeAttribution.name, () => {
  it('remembers the path that answered each targeting key, as an OpenFeature hook', async () => {
    flags = await createMigrationFlags({ planner: migrationFlag('live'), search: migrationFlag('shadow'), banner: { state: 'ENABLED', variants: { on: true }, defaultVariant: 'on' } });
    const { client } = await flags.connect();
    const attribution = new OutcomeAttribution();
    client.addHooks(attribution);
    await client.getStringValue('planner', 'off', { targetingKey: 'issue-1' });
    await client.getStringValue('search', 'off', { targetingKey: 'issue-1' });
    await client.getBooleanValue('banner', false, { targetingKey: 'issue-1' });
    await client.getStringValue('planner', 'off', {});
    expect(attribution.pathOf('planner', 'issue-1')).toBe('candidate');
    expect(attribution.pathOf('search', 'issue-1')).toBe('legacy');
    expect(attribution.flagsOf('issue-1')).toEqual(['planner', 'search']);
    expect(attribution.pathOf('planner', 'issue-2')).toBeUndefined();
    expect(attribution.size).toBe(1);
  });

  it('forgets the least recently served targeting key beyond its bound', () => {
    const attribution = new OutcomeAttribution({ maxContexts: 2 });
    attribution.remember('a', 'planner', 'complete');
    attribution.remember('b', 'planner', 'off');
    attribution.remember('a', 'planner', 'complete');
    attribution.remember('c', 'planner', 'rampdown');
    expect(attribution.size).toBe(2);
    expect(attribution.pathOf('planner', 'b')).toBeUndefined();
    expect(attribution.pathOf('planner', 'a')).toBe('candidate');
    expect(attribution.pathOf('planner', 'c')).toBe('candidate');
  });

  it('names a bad bound', () => {
    expect(() => new OutcomeAttribution({ maxContexts: 0 })).toThrow(InvalidOptionError);
  });
});
