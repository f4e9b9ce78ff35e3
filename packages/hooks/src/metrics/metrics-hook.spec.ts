import { randomUUID } from 'node:crypto';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import type { Client, Hook } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { FLAG_LABELS, FLAG_METRICS, OVERFLOW_LABEL_VALUE } from '../conventions.js';
import { InvalidOptionError } from '@cutover/core';
import { MetricsHook } from './metrics-hook.js';

const FLAGS = {
  'new-planner': {
    variants: { off: 'off', shadow: 'shadow', live: 'live' },
    defaultVariant: 'off',
    disabled: false,
    contextEvaluator: (ctx: { targetingKey?: string }) => (ctx.targetingKey?.startsWith('beta-') ? 'live' : 'shadow'),
  },
  'dark-mode': { variants: { on: true, off: false }, defaultVariant: 'on', disabled: false },
  'retired-flag': { variants: { on: true, off: false }, defaultVariant: 'on', disabled: true },
};

// Each test gets its own OpenFeature domain and adds the hook to its own client,
// so the global singleton's state never leaks between tests.
async function setUp(...hooks: Hook[]): Promise<Client> {
  const domain = randomUUID();
  await OpenFeature.setProviderAndWait(domain, new InMemoryProvider(FLAGS));
  return OpenFeature.getClient(domain).addHooks(...hooks);
}

/** One sample of the exposition: `name{labels} value`, parsed. */
async function samples(registry: Registry, name: string): Promise<{ labels: Record<string, string>; value: number }[]> {
  const text = await registry.metrics();
  const result = [];
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    result.push({ labels, value: Number(match[3]) });
  }
  return result;
}

async function value(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const found = (await samples(registry, name)).find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found?.value;
}

afterEach(async () => {
  await OpenFeature.clearProviders();
  OpenFeature.clearHooks();
});

describe(MetricsHook.name, () => {
  describe('successful evaluations', () => {
    it('counts requests and successes by variant and lower-case reason', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry }));

      await client.getStringValue('new-planner', 'off', { targetingKey: 'beta-1' });
      await client.getStringValue('new-planner', 'off', { targetingKey: 'beta-2' });
      await client.getStringValue('new-planner', 'off', { targetingKey: 'user-3' });
      await client.getBooleanValue('dark-mode', false);

      const planner = { [FLAG_LABELS.key]: 'new-planner', [FLAG_LABELS.provider]: 'in-memory' };
      expect(await value(registry, FLAG_METRICS.requests, planner)).toBe(3);
      expect(
        await value(registry, FLAG_METRICS.success, { ...planner, [FLAG_LABELS.variant]: 'live', [FLAG_LABELS.reason]: 'targeting_match' }),
      ).toBe(2);
      expect(await value(registry, FLAG_METRICS.success, { ...planner, [FLAG_LABELS.variant]: 'shadow' })).toBe(1);
      expect(
        await value(registry, FLAG_METRICS.success, { [FLAG_LABELS.key]: 'dark-mode', [FLAG_LABELS.variant]: 'on', [FLAG_LABELS.reason]: 'static' }),
      ).toBe(1);
      expect(await samples(registry, FLAG_METRICS.error)).toEqual([]);
    });

    it('counts a disabled flag as a success with an empty variant and reason "disabled"', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry }));

      await client.getBooleanValue('retired-flag', false);

      expect(await samples(registry, FLAG_METRICS.success)).toEqual([
        {
          labels: { [FLAG_LABELS.key]: 'retired-flag', [FLAG_LABELS.provider]: 'in-memory', [FLAG_LABELS.variant]: '', [FLAG_LABELS.reason]: 'disabled' },
          value: 1,
        },
      ]);
    });

    it('observes every evaluation in the duration histogram', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry, durationBuckets: [0.5, 10] }));

      for (let i = 0; i < 5; i++) await client.getBooleanValue('dark-mode', false);

      const buckets = await samples(registry, `${FLAG_METRICS.duration}_bucket`);
      expect(buckets.map((b) => [b.labels.le, b.value])).toEqual([
        ['0.5', 5],
        ['10', 5],
        ['+Inf', 5],
      ]);
      expect(await value(registry, `${FLAG_METRICS.duration}_count`, {})).toBe(5);
      const sum = (await value(registry, `${FLAG_METRICS.duration}_sum`, {})) ?? -1;
      expect(sum).toBeGreaterThan(0);
      expect(sum).toBeLessThan(0.5 * 5);
    });
  });

  describe('failed evaluations', () => {
    it('counts errors by lower-case OpenFeature error code, never by message', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry }));

      await client.getBooleanValue('no-such-flag', false);
      await client.getNumberValue('new-planner', 0);

      expect(await value(registry, FLAG_METRICS.error, { [FLAG_LABELS.key]: 'no-such-flag', [FLAG_LABELS.errorType]: 'flag_not_found' })).toBe(1);
      expect(await value(registry, FLAG_METRICS.error, { [FLAG_LABELS.key]: 'new-planner', [FLAG_LABELS.errorType]: 'type_mismatch' })).toBe(1);
      expect(await value(registry, FLAG_METRICS.requests, { [FLAG_LABELS.key]: 'no-such-flag' })).toBe(1);
      expect(await samples(registry, FLAG_METRICS.success)).toEqual([]);
      expect(await registry.metrics()).not.toMatch(/no flag found/);
    });

    it('counts an evaluation whose after stage throws as an error, not also as a success', async () => {
      const registry = new Registry();
      const throwing: Hook = {
        after() {
          throw new Error('rejected by a validation hook');
        },
      };
      // Hooks run `after` in reverse order: the throwing hook runs before ours.
      const client = await setUp(new MetricsHook({ registry }), throwing);

      await client.getBooleanValue('dark-mode', false);

      expect(await value(registry, FLAG_METRICS.error, { [FLAG_LABELS.errorType]: 'general' })).toBe(1);
      expect(await samples(registry, FLAG_METRICS.success)).toEqual([]);
    });

    it('still counts the request and the error when an earlier hook failed before ours ran', async () => {
      const registry = new Registry();
      const throwing: Hook = {
        before() {
          throw new Error('broken context hook');
        },
      };
      const client = await setUp(throwing, new MetricsHook({ registry }));

      await client.getBooleanValue('dark-mode', false);

      expect(await value(registry, FLAG_METRICS.requests, {})).toBe(1);
      expect(await value(registry, FLAG_METRICS.error, { [FLAG_LABELS.errorType]: 'general' })).toBe(1);
      expect(await value(registry, FLAG_METRICS.active, {})).toBe(0);
    });
  });

  describe('evaluations in flight', () => {
    it('rises while evaluations are pending and returns to 0', async () => {
      const registry = new Registry();
      let release = (): void => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const holding: Hook = { before: () => held };
      const client = await setUp(new MetricsHook({ registry }), holding);

      const pending = [1, 2, 3].map(() => client.getBooleanValue('dark-mode', false));
      await new Promise((resolve) => setImmediate(resolve));
      expect(await value(registry, FLAG_METRICS.active, { [FLAG_LABELS.key]: 'dark-mode' })).toBe(3);

      release();
      await Promise.all(pending);
      expect(await value(registry, FLAG_METRICS.active, { [FLAG_LABELS.key]: 'dark-mode' })).toBe(0);
    });
  });

  describe('bounded labels', () => {
    it('never turns a targeting key or context attribute into a label', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry }));

      for (let i = 0; i < 200; i++) {
        await client.getStringValue('new-planner', 'off', { targetingKey: `beta-user-${i}`, email: `u${i}@example.com` });
      }

      const text = await registry.metrics();
      expect(text).not.toMatch(/beta-user|example\.com/);
      expect(await samples(registry, FLAG_METRICS.success)).toHaveLength(1);
      const labelNames = new Set((await samples(registry, FLAG_METRICS.success)).flatMap((s) => Object.keys(s.labels)));
      expect([...labelNames].sort()).toEqual([FLAG_LABELS.key, FLAG_LABELS.provider, FLAG_LABELS.reason, FLAG_LABELS.variant].sort());
    });

    it('folds flags beyond maxFlags into the overflow series', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry, maxFlags: 2 }));

      for (let i = 0; i < 50; i++) await client.getBooleanValue(`generated-${i}`, false);

      const requests = await samples(registry, FLAG_METRICS.requests);
      expect(requests.map((s) => s.labels[FLAG_LABELS.key])).toEqual(['generated-0', 'generated-1', OVERFLOW_LABEL_VALUE]);
      expect(requests.map((s) => s.value)).toEqual([1, 1, 48]);
    });

    it('folds outcomes beyond maxOutcomesPerFlag into the overflow series', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry, maxOutcomesPerFlag: 1 }));

      await client.getStringValue('new-planner', 'off', { targetingKey: 'beta-1' });
      await client.getStringValue('new-planner', 'off', { targetingKey: 'user-1' });
      await client.getNumberValue('new-planner', 0);

      const outcomes = [...(await samples(registry, FLAG_METRICS.success)), ...(await samples(registry, FLAG_METRICS.error))];
      expect(outcomes.map((s) => [s.labels[FLAG_LABELS.variant] ?? s.labels[FLAG_LABELS.errorType], s.value])).toEqual([
        ['live', 1],
        [OVERFLOW_LABEL_VALUE, 1],
        [OVERFLOW_LABEL_VALUE, 1],
      ]);
    });
  });

  describe('registries', () => {
    it('shares one set of metrics between hooks on the same registry', async () => {
      const registry = new Registry();
      const first = await setUp(new MetricsHook({ registry }));
      const second = await setUp(new MetricsHook({ registry }));

      await first.getBooleanValue('dark-mode', false);
      await second.getBooleanValue('dark-mode', false);

      expect(await value(registry, FLAG_METRICS.requests, {})).toBe(2);
    });

    it('refuses a second hook whose buckets disagree with the registered ones', () => {
      const registry = new Registry();
      new MetricsHook({ registry });
      expect(() => new MetricsHook({ registry, durationBuckets: [1, 2] })).toThrow(InvalidOptionError);
    });

    it('keeps separate registries separate', async () => {
      const a = new Registry();
      const b = new Registry();
      const client = await setUp(new MetricsHook({ registry: a }));
      new MetricsHook({ registry: b });

      await client.getBooleanValue('dark-mode', false);

      expect(await value(a, FLAG_METRICS.requests, {})).toBe(1);
      expect(await samples(b, FLAG_METRICS.requests)).toEqual([]);
    });

    it('starts again from zero after registry.resetMetrics()', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry }));
      await client.getBooleanValue('dark-mode', false);
      await registry.metrics();

      registry.resetMetrics();
      await client.getBooleanValue('dark-mode', false);

      expect(await value(registry, FLAG_METRICS.requests, {})).toBe(1);
      expect(await value(registry, `${FLAG_METRICS.duration}_count`, {})).toBe(1);
    });

    it('exports the histogram as JSON too', async () => {
      const registry = new Registry();
      const client = await setUp(new MetricsHook({ registry }));
      await client.getBooleanValue('dark-mode', false);

      const json = await registry.getMetricsAsJSON();
      const histogram = json.find((m) => m.name === FLAG_METRICS.duration);
      const count = histogram?.values.find((v) => 'metricName' in v && v.metricName === `${FLAG_METRICS.duration}_count`);
      expect(count).toMatchObject({ value: 1, labels: { [FLAG_LABELS.key]: 'dark-mode' } });
    });
  });
});
