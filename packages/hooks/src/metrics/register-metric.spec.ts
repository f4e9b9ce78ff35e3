import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../invalid-option-error.js';
import { registerMetric } from './register-metric.js';

describe(registerMetric.name, () => {
  describe('reuse', () => {
    it('returns the metric already registered under the name, and adds up its owners\' samples', async () => {
      const registry = new Registry();
      const spec = { name: 'jobs_total', help: 'Jobs.', labelNames: ['queue'] };
      const first = registerMetric(registry, 'counter', { ...spec, collect: (counter) => counter.inc({ queue: 'a' }, 2) });
      const second = registerMetric(registry, 'counter', { ...spec, collect: (counter) => counter.inc({ queue: 'a' }, 3) });
      expect(second).toBe(first);
      expect(await registry.metrics()).toContain('jobs_total{queue="a"} 5');
    });

    it('clears a gauge before its owners add their values, so each scrape reads the sum of now', async () => {
      const registry = new Registry();
      const spec = { name: 'busy', help: 'Busy.', labelNames: ['pool'] };
      registerMetric(registry, 'gauge', { ...spec, collect: (gauge) => gauge.inc({ pool: 'p' }, 1) });
      registerMetric(registry, 'gauge', { ...spec, collect: (gauge) => gauge.inc({ pool: 'p' }, 2) });
      await registry.metrics();
      expect(await registry.metrics()).toContain('busy{pool="p"} 3');
    });
  });

  describe('conflicts', () => {
    it('refuses the same name with another kind, other labels or other buckets, naming the metric', () => {
      const registry = new Registry();
      registerMetric(registry, 'histogram', { name: 'took_seconds', help: 'Took.', labelNames: ['op'], buckets: [0.1, 1], collect() {} });
      const again = (spec: { labelNames?: string[]; buckets?: number[] }) => () =>
        registerMetric(registry, 'histogram', { name: 'took_seconds', help: 'Took.', labelNames: ['op'], buckets: [0.1, 1], ...spec, collect() {} });
      expect(again({ buckets: [1, 2] })).toThrow(/took_seconds as a histogram with labels \[op\] and buckets \[0\.1, 1\]/);
      expect(again({ labelNames: ['path'] })).toThrow(InvalidOptionError);
      expect(() => registerMetric(registry, 'counter', { name: 'took_seconds', help: 'Took.', labelNames: ['op'], collect() {} })).toThrow(/needs a counter/);
    });

    it('refuses a name another library registered, whose samples it could not add to', () => {
      const registry = new Registry();
      new Counter({ name: 'jobs_total', help: 'Jobs.', registers: [registry] });
      const register = () => registerMetric(registry, 'counter', { name: 'jobs_total', help: 'Jobs.', labelNames: [], collect() {} });
      expect(register).toThrow(InvalidOptionError);
      expect(register).toThrow(/"registry".*jobs_total that Cutover did not register/);
    });
  });
});
