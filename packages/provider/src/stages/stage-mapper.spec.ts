import { OpenFeature } from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectProvider } from '../testing/connect-provider.js';
import { NUTRIBOT_STAGES as NUTRIBOT } from '../testing/team-stage-mappings.js';
import { createFlagDir } from '../testing/flag-dir.js';
import type { FlagDir } from '../testing/flag-dir.js';
import { StageMapper } from './stage-mapper.js';

let dir: FlagDir;
const connect = connectProvider;

beforeEach(async () => {
  dir = await createFlagDir();
});
afterEach(async () => {
  await OpenFeature.close();
  await dir.remove();
});

describe(StageMapper.name, () => {
  describe('one boolean flag', () => {
    it('serves the stage of an env boolean and keeps serving the boolean to a boolean evaluation', async () => {
      const { client } = await connect({ envPrefix: false, envFlags: { CLAMBAKE_NEW_PLANNER: { enabled: 'CLAMBAKE_NEW_PLANNER' } }, env: { CLAMBAKE_NEW_PLANNER: 'true' }, stages: { CLAMBAKE_NEW_PLANNER: { true: 'live', false: 'off' } } });
      expect(await client.getStringDetails('CLAMBAKE_NEW_PLANNER', 'off')).toMatchObject({ value: 'live', variant: 'live', flagMetadata: { source: 'env', stageFrom: 'CLAMBAKE_NEW_PLANNER=true' } });
      expect(await client.getBooleanValue('CLAMBAKE_NEW_PLANNER', false)).toBe(true);
    });

    it('reads a boolean flag of the flag files, and an unset flag as false', async () => {
      const file = await dir.write('a.flagd.json', { 'new-planner': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' } });
      const { client } = await connect({ files: [file], stages: { planner: { from: 'new-planner', true: 'live', false: 'off' }, other: { from: 'unset-switch', true: 'live', false: 'shadow' } } });
      expect(await client.getStringDetails('planner', 'off')).toMatchObject({ value: 'live', flagMetadata: { source: 'file' } });
      expect(await client.getStringDetails('other', 'off')).toMatchObject({ value: 'shadow', reason: 'DEFAULT', flagMetadata: { source: 'default' } });
    });

    it('maps a boolean-like string ("1") and a boolean override; a stage override passes as is', async () => {
      const { provider, client } = await connect({ env: { FF_NEW_PLANNER: '1' }, stages: { planner: { from: 'NEW_PLANNER', true: 'live', false: 'off' } } });
      expect(await client.getStringValue('planner', 'off')).toBe('live');
      provider.override('planner', false);
      expect(await client.getStringValue('planner', 'live')).toBe('off');
      provider.override('planner', 'shadow');
      expect(await client.getStringValue('planner', 'off')).toBe('shadow');
    });

    it('reports an input that is not a boolean, naming it', async () => {
      const { client } = await connect({ env: { FF_NEW_PLANNER: 'sideways' }, stages: { planner: { from: 'NEW_PLANNER', true: 'live', false: 'off' } } });
      const details = await client.getStringDetails('planner', 'off');
      expect(details).toMatchObject({ value: 'off', errorCode: 'TYPE_MISMATCH' });
      expect(details.errorMessage).toMatch(/stage of "planner" reads "NEW_PLANNER"/);
    });
  });

  describe('several flags', () => {
    const stageFor = async (env: Record<string, string>, targetingKey?: string) => {
      const { client } = await connect({ env, stages: { 'nutribot.webhook': NUTRIBOT } });
      return client.getStringValue('nutribot.webhook', 'off', targetingKey === undefined ? {} : { targetingKey });
    };

    it('follows the plan: shadow, parallel, canary, full rollout, rollback', async () => {
      expect(await stageFor({})).toBe('off');
      expect(await stageFor({ FF_SHADOW_MODE: 'true' })).toBe('shadow');
      expect(await stageFor({ FF_PARALLEL_MODE: 'true', FF_USE_NEW_NUTRIBOT: 'false' })).toBe('shadow');
      expect(await stageFor({ FF_PARALLEL_MODE: 'true', FF_USE_NEW_NUTRIBOT: 'true' })).toBe('live');
      expect(await stageFor({ FF_PARALLEL_MODE: 'false', FF_USE_NEW_NUTRIBOT: 'true' })).toBe('complete');
      expect(await stageFor({ FF_PARALLEL_MODE: 'false', FF_USE_NEW_NUTRIBOT: 'false' })).toBe('off');
    });

    it('splits by chat id when the new path is on for a percentage of chats', async () => {
      const env = { FF_PARALLEL_MODE: 'true', FF_USE_NEW_NUTRIBOT_PERCENT: '10' };
      const { client } = await connect({ env, stages: { 'nutribot.webhook': NUTRIBOT } });
      const stages = await Promise.all(Array.from({ length: 1000 }, (_, i) => client.getStringValue('nutribot.webhook', 'off', { targetingKey: `chat-${i}` })));
      const live = stages.filter((s) => s === 'live').length;
      expect(new Set(stages)).toEqual(new Set(['live', 'shadow']));
      expect(live).toBeGreaterThan(60);
      expect(live).toBeLessThan(140);
    });

    it('names every input in the metadata', async () => {
      const { client } = await connect({ env: { FF_SHADOW_MODE: 'yes' }, stages: { 'nutribot.webhook': NUTRIBOT } });
      expect((await client.getStringDetails('nutribot.webhook', 'off')).flagMetadata).toMatchObject({
        source: 'env',
        stageFrom: 'PARALLEL_MODE=false,USE_NEW_NUTRIBOT=false,SHADOW_MODE=true',
      });
    });
  });
});
