import { OpenFeature } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { CutoverProvider } from './cutover-provider.js';
import { CutoverProviderOptionError } from './cutover-provider-option-error.js';
import { connectProvider } from './testing/connect-provider.js';
import { createFlagDir } from './testing/flag-dir.js';

const connect = connectProvider;
afterEach(() => OpenFeature.close());

describe('CutoverProvider env flags', () => {
  describe('declared variables', () => {
    it('reads a declared flag from the team variables, never from the prefix', async () => {
      const env = { USE_BULLMQ: 'true', BULLMQ_TENANTS: 't1,t2', MIGRATION_PERCENTAGE: '10', FF_MSPBYTE_BULLMQ: 'true' };
      const { client } = await connect({ env, envFlags: { 'mspbyte.bullmq': { enabled: 'USE_BULLMQ', ids: 'BULLMQ_TENANTS', percentage: 'MIGRATION_PERCENTAGE' } } });
      expect(await client.getBooleanDetails('mspbyte.bullmq', false, { targetingKey: 't1' })).toMatchObject({ value: true, reason: 'TARGETING_MATCH', flagMetadata: { source: 'env' } });
      expect(await client.getBooleanValue('mspbyte.bullmq', true, { targetingKey: 't3' })).toBe(false);
    });

    it('lets one variable serve several flags', async () => {
      const env = { USE_BULLMQ: 'true', USE_UNIFIED_ANALYZER: 'false', MIGRATION_PERCENTAGE: '100' };
      const { client } = await connect({
        env,
        envFlags: { bullmq: { enabled: 'USE_BULLMQ', percentage: 'MIGRATION_PERCENTAGE' }, analyzer: { enabled: 'USE_UNIFIED_ANALYZER', percentage: 'MIGRATION_PERCENTAGE' } },
      });
      expect(await client.getBooleanValue('bullmq', false, { targetingKey: 't1' })).toBe(true);
      expect(await client.getBooleanValue('analyzer', true, { targetingKey: 't1' })).toBe(false);
    });

    it('refuses to start on a malformed variable, naming it', () => {
      const start = () => new CutoverProvider({ watch: false, env: { USE_BULLMQ: 'yes please' }, envFlags: { bullmq: { enabled: 'USE_BULLMQ' } } });
      expect(start).toThrow(CutoverProviderOptionError);
      expect(start).toThrow(/envFlags\.bullmq\.enabled" \(from USE_BULLMQ\)/);
    });
  });

  describe('start-up warnings', () => {
    it('names a declared variable that is unset beside a set one of a close name', () => {
      const warnings: string[] = [];
      const logger = { error() {}, warn: (m: string) => warnings.push(m), info() {}, debug() {} };
      new CutoverProvider({ watch: false, logger, env: { USE_BULLMQ: 'true', BULLMQ_TENANT: 't1' }, envFlags: { bullmq: { enabled: 'USE_BULLMQ', ids: 'BULLMQ_TENANTS' } } });
      expect(warnings).toEqual(['cutover: env flag "bullmq" reads BULLMQ_TENANTS, which is unset, while BULLMQ_TENANT is set: is one of them misspelt?']);
    });

    it('names a stage mapping input close to a known flag', async () => {
      const warnings: string[] = [];
      const logger = { error() {}, warn: (m: string) => warnings.push(m), info() {}, debug() {} };
      await connect({ logger, env: { FF_SHADOW_MODE: 'true' }, stages: { bot: { rules: [{ when: { SHADOW_MODES: true }, stage: 'shadow' }], otherwise: 'off' } } });
      expect(warnings).toEqual(['cutover: the stage of "bot" reads flag "SHADOW_MODES", which no layer defines (counted as false); did you mean "SHADOW_MODE"?']);
    });
  });

  describe('without a prefix', () => {
    it('never answers a flag key from an arbitrary process variable', async () => {
      const { client } = await connect({ envPrefix: false, env: { PATH: '/usr/bin', HOME: '/root' } });
      expect(await client.getStringDetails('path', 'none')).toMatchObject({ value: 'none', errorCode: 'FLAG_NOT_FOUND' });
      expect(await client.getStringDetails('PATH', 'none')).toMatchObject({ value: 'none', errorCode: 'FLAG_NOT_FOUND' });
    });
  });

  describe('snapshot', () => {
    it('lists flags set only by the environment: declared, prefixed and stage-mapped', async () => {
      const env = { USE_BULLMQ: 'true', FF_SHADOW_MODE: 'true', FF_RATIO: '0.5', FF_LIMIT_PERCENT: '10' };
      const { provider } = await connect({ env, envFlags: { bullmq: { enabled: 'USE_BULLMQ' }, unset: { enabled: 'NOT_SET' } }, stages: { nutribot: { from: 'SHADOW_MODE', true: 'shadow', false: 'off' } } });
      const snapshot = await provider.snapshot();
      expect(snapshot.map((e) => e.flagKey)).toEqual(['LIMIT', 'RATIO', 'SHADOW_MODE', 'bullmq', 'nutribot', 'unset']);
      expect(snapshot.find((e) => e.flagKey === 'bullmq')).toMatchObject({ value: true, source: 'env' });
      expect(snapshot.find((e) => e.flagKey === 'RATIO')).toMatchObject({ value: 0.5, source: 'env' });
      expect(snapshot.find((e) => e.flagKey === 'nutribot')).toMatchObject({ value: 'shadow', source: 'env' });
    });

    it('lists a prefixed variable once under the file flag it sets', async () => {
      const dir = await createFlagDir();
      const file = await dir.write('a.flagd.json', { 'read-only': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } });
      const { provider } = await connect({ files: [file], env: { FF_READ_ONLY: 'true' } });
      expect(await provider.snapshot()).toEqual([expect.objectContaining({ flagKey: 'read-only', value: true, source: 'env' })]);
      await dir.remove();
    });
  });

  describe('a key no layer defines', () => {
    it('names the nearest known keys', async () => {
      const { client } = await connect({ env: { USE_BULLMQ: 'true' }, envFlags: { 'mspbyte.bullmq': { enabled: 'USE_BULLMQ' } } });
      const details = await client.getStringDetails('mspbyte.bulmq', 'off');
      expect(details).toMatchObject({ value: 'off', errorCode: 'FLAG_NOT_FOUND', flagMetadata: { nearest: 'mspbyte.bullmq' } });
      expect(details.errorMessage).toBe('flag "mspbyte.bulmq" is defined by no layer; did you mean "mspbyte.bullmq"?');
    });
  });
});
