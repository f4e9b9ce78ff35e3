import { describe, expect, it } from 'vitest';
import { CutoverProviderOptionError } from '../cutover-provider-option-error.js';
import { BUCKETINGS } from '../hashing/bucketing-versions.js';
import { EnvMappedFlag } from './env-mapped-flag.js';

const BULLMQ = { enabled: 'USE_BULLMQ', ids: 'BULLMQ_TENANTS', percentage: 'MIGRATION_PERCENTAGE' } as const;
const TENANTS = Array.from({ length: 1002 }, (_, i) => `t${i + 1}`);
const flag = (env: Record<string, string>) => new EnvMappedFlag('mspbyte.bullmq', BULLMQ, env, BUCKETINGS.v2);
const onNewPath = (mapped: EnvMappedFlag) => TENANTS.filter((id) => mapped.resolve({ targetingKey: id })?.value === true);

describe(EnvMappedFlag.name, () => {
  describe('explicit id list', () => {
    it('puts exactly the listed ids on the new path, the percentage ignored', () => {
      expect(onNewPath(flag({ USE_BULLMQ: 'true', BULLMQ_TENANTS: 't1,t2', MIGRATION_PERCENTAGE: '10' }))).toEqual(['t1', 't2']);
    });

    it('trims ids and skips empty entries', () => {
      expect(onNewPath(flag({ USE_BULLMQ: 'true', BULLMQ_TENANTS: ' t1 , ,t2 ' }))).toEqual(['t1', 't2']);
    });
  });

  describe('percentage', () => {
    it("buckets each id exactly as the provider's fractional does, seeded by the flag key", () => {
      const chosen = onNewPath(flag({ USE_BULLMQ: 'true', BULLMQ_TENANTS: '', MIGRATION_PERCENTAGE: '10' }));
      expect(chosen).toEqual(TENANTS.filter((id) => BUCKETINGS.v2.inPercent(`mspbyte.bullmq${id}`, 10)));
      expect(chosen.length).toBeGreaterThan(60);
      expect(chosen.length).toBeLessThan(140);
    });

    it('puts no one on the new path at 0 % and everyone at 100 %', () => {
      expect(onNewPath(flag({ USE_BULLMQ: 'true', MIGRATION_PERCENTAGE: '0' }))).toEqual([]);
      expect(onNewPath(flag({ USE_BULLMQ: 'true', MIGRATION_PERCENTAGE: '100' }))).toHaveLength(1002);
    });

    it('answers false without a targeting key', () => {
      expect(flag({ USE_BULLMQ: 'true', MIGRATION_PERCENTAGE: '50' }).resolve({})?.value).toBe(false);
    });
  });

  describe('enabled switch', () => {
    it('puts everyone on the new path with an empty list and no percentage', () => {
      expect(onNewPath(flag({ USE_BULLMQ: 'true', BULLMQ_TENANTS: '', MIGRATION_PERCENTAGE: '' }))).toHaveLength(1002);
    });

    it('turns the flag off for everyone when false or unset while another variable is set', () => {
      expect(onNewPath(flag({ USE_BULLMQ: 'false', BULLMQ_TENANTS: 't1,t2' }))).toEqual([]);
      expect(onNewPath(flag({ MIGRATION_PERCENTAGE: '50' }))).toEqual([]);
    });

    it('reads 1/0, yes/no and on/off as the switch', () => {
      expect(onNewPath(flag({ USE_BULLMQ: '1' }))).toHaveLength(1002);
      expect(onNewPath(flag({ USE_BULLMQ: 'off' }))).toEqual([]);
    });
  });

  describe('no variable set', () => {
    it('passes to the layers below', () => {
      const mapped = flag({ BULLMQ_TENANTS: ' ' });
      expect(mapped.declared).toBe(false);
      expect(mapped.resolve({ targetingKey: 't1' })).toBeUndefined();
    });
  });

  describe('malformed values', () => {
    it('refuses a switch that is not a boolean, naming the option and the variable', () => {
      const error = (() => {
        try {
          flag({ USE_BULLMQ: 'maybe' });
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(CutoverProviderOptionError);
      expect(error).toMatchObject({ component: 'CutoverProvider', option: 'envFlags.mspbyte.bullmq.enabled', envVariable: 'USE_BULLMQ' });
      expect((error as Error).message).toMatch(/"maybe" is not a boolean/);
    });

    it('refuses a percentage that is not a number from 0 to 100', () => {
      expect(() => flag({ USE_BULLMQ: 'true', MIGRATION_PERCENTAGE: 'ten' })).toThrow(/MIGRATION_PERCENTAGE.*"ten" is not a number from 0 to 100/);
      expect(() => flag({ USE_BULLMQ: 'true', MIGRATION_PERCENTAGE: '150' })).toThrow(/envFlags\.mspbyte\.bullmq\.percentage/);
    });
  });
});
