import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import type { Client, EventDetails, Logger } from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CutoverProvider } from './cutover-provider.js';
import type { CutoverProviderOptions } from './cutover-provider-options.js';
import { createFlagDir } from './testing/flag-dir.js';
import type { FlagDir } from './testing/flag-dir.js';

const migration = (extra: Record<string, unknown> = {}) => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  defaultVariant: 'shadow',
  metadata: { kind: 'migration', rollbackVariant: 'off' },
  ...extra,
});

/** A file with one schema-only deviation (a weight the schema forbids, which flagd clamps to 0) among good flags. */
const DEVIATING = `{
  "flags": {
    "planner": { "state": "ENABLED", "variants": { "off": "off", "live": "live" }, "defaultVariant": "live" },
    "canary": {
      "state": "ENABLED",
      "variants": { "off": "off", "live": "live" },
      "defaultVariant": "off",
      "targeting": { "fractional": [["off", -50], ["live", 100]] }
    },
    "read-only": { "state": "ENABLED", "variants": { "on": true, "off": false }, "defaultVariant": "off" }
  }
}
`;

function recordingLogger() {
  const warnings: string[] = [];
  const errors: string[] = [];
  const logger: Logger = { error: (message: string) => errors.push(message), warn: (message: string) => warnings.push(message), info() {}, debug() {} };
  return { logger, warnings, errors };
}

let dir: FlagDir;
let domain = 0;

async function connect(options: CutoverProviderOptions): Promise<{ provider: CutoverProvider; client: Client }> {
  const provider = new CutoverProvider({ watch: false, env: {}, ...options });
  const name = `provider-spec-${domain++}`;
  await OpenFeature.setProviderAndWait(name, provider);
  return { provider, client: OpenFeature.getClient(name) };
}

beforeEach(async () => {
  dir = await createFlagDir();
});
afterEach(async () => {
  await OpenFeature.close();
  await dir.remove();
});

describe(CutoverProvider.name, () => {
  describe('layers', () => {
    it('answers from the flag files and names the file layer', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration() });
      const { client } = await connect({ files: [file] });
      const details = await client.getStringDetails('planner', 'off');
      expect(details).toMatchObject({ value: 'shadow', variant: 'shadow', reason: 'STATIC', flagMetadata: { source: 'file' } });
    });

    it('lets a later file replace an earlier one on the same key, as flagd does with repeated --uri', async () => {
      const base = await dir.write('base.flagd.json', { planner: migration(), other: migration() });
      const local = await dir.write('local.flagd.json', { planner: migration({ defaultVariant: 'live' }) });
      const { client } = await connect({ files: [base, local] });
      expect(await client.getStringValue('planner', 'off')).toBe('live');
      expect(await client.getStringValue('other', 'off')).toBe('shadow');
    });

    it('puts environment variables above files, typed by the flag type', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration(), 'read-only': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } });
      const { client } = await connect({ files: [file], env: { FF_PLANNER: 'live', FF_READ_ONLY: 'true', FF_LIMITS: '{"max":3}', FF_RATIO: '0.25' } });
      expect(await client.getStringDetails('planner', 'off')).toMatchObject({ value: 'live', flagMetadata: { source: 'env', variable: 'FF_PLANNER' } });
      expect(await client.getBooleanValue('read-only', false)).toBe(true);
      expect(await client.getObjectValue('limits', {})).toEqual({ max: 3 });
      expect(await client.getNumberValue('ratio', 0)).toBe(0.25);
    });

    it('reports an environment value of the wrong type as TYPE_MISMATCH naming the variable', async () => {
      const { client } = await connect({ env: { FF_READ_ONLY: 'maybe' } });
      const details = await client.getBooleanDetails('read-only', false);
      expect(details).toMatchObject({ value: false, errorCode: 'TYPE_MISMATCH' });
      expect(details.errorMessage).toMatch(/FF_READ_ONLY/);
    });

    it('serves an env canary to listed ids and a hashed percentage, passing everyone else on', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration() });
      const { client } = await connect({ files: [file], env: { FF_PLANNER: 'live', FF_PLANNER_TARGETS: 'vip-1, vip-2', FF_PLANNER_PERCENT: '20' } });
      expect(await client.getStringDetails('planner', 'off', { targetingKey: 'vip-2' })).toMatchObject({ value: 'live', reason: 'TARGETING_MATCH' });
      const sources = new Set<string>();
      let live = 0;
      for (let i = 0; i < 1000; i++) {
        const details = await client.getStringDetails('planner', 'off', { targetingKey: `user-${i}` });
        sources.add(String(details.flagMetadata.source));
        if (details.value === 'live') live++;
      }
      expect(sources).toEqual(new Set(['env', 'file']));
      expect(live).toBeGreaterThan(150);
      expect(live).toBeLessThan(250);
    });

    it('puts context overrides above the environment', async () => {
      const { client } = await connect({ env: { FF_PLANNER: 'live' } });
      const details = await client.getStringDetails('planner', 'off', { cutoverOverrides: { planner: 'shadow' } });
      expect(details).toMatchObject({ value: 'shadow', flagMetadata: { source: 'context' } });
    });

    it('serves a context override that names a variant of the flag, or equals its value', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration(), 'read-only': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } });
      const { client } = await connect({ files: [file] });
      expect(await client.getStringDetails('planner', 'x', { cutoverOverrides: { planner: 'live' } })).toMatchObject({ value: 'live', variant: 'live', flagMetadata: { source: 'context' } });
      expect(await client.getBooleanDetails('read-only', false, { cutoverOverrides: { 'read-only': 'on' } })).toMatchObject({ value: true, variant: 'on', flagMetadata: { source: 'context' } });
      expect(await client.getBooleanDetails('read-only', true, { cutoverOverrides: { 'read-only': false } })).toMatchObject({ value: false, variant: 'off', flagMetadata: { source: 'context' } });
    });

    it('refuses a context override the flag has no variant for: TYPE_MISMATCH, the caller\'s default, logged a bounded number of times', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration() });
      const warnings: string[] = [];
      const logger: Logger = { error() {}, warn: (message: string) => warnings.push(message), info() {}, debug() {} };
      const { client } = await connect({ files: [file], logger });
      const refused = await client.getStringDetails('planner', 'caller', { cutoverOverrides: { planner: 'complete' } });
      expect(refused).toMatchObject({ value: 'caller', reason: 'ERROR', errorCode: 'TYPE_MISMATCH', errorMessage: 'cutoverOverrides.planner = "complete" is not a variant of the flag (off, shadow, live)' });
      for (let i = 0; i < 50; i++) await client.getStringDetails('planner', 'caller', { cutoverOverrides: { planner: { stage: 'live' } } });
      expect(warnings).toHaveLength(10);
      expect(warnings[0]).toBe('cutover: cutoverOverrides.planner = "complete" is not a variant of the flag (off, shadow, live); served the caller\'s default');
    });

    it('ignores context overrides when contextOverrides is off', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration() });
      const { client } = await connect({ files: [file], contextOverrides: false });
      expect(await client.getStringDetails('planner', 'x', { cutoverOverrides: { planner: 'live' } })).toMatchObject({ value: 'shadow', flagMetadata: { source: 'file' } });
    });

    it('puts programmatic overrides above everything and clears them', async () => {
      const { provider, client } = await connect({ env: { FF_PLANNER: 'live' } });
      provider.override('planner', 'off');
      expect(provider.getOverrides()).toEqual({ planner: 'off' });
      expect(await client.getStringDetails('planner', 'x', { cutoverOverrides: { planner: 'shadow' } })).toMatchObject({ value: 'off', flagMetadata: { source: 'override' } });
      provider.clearOverrides();
      expect(await client.getStringValue('planner', 'x')).toBe('live');
    });

    it('serves a rolled-back flag its rollback variant whatever the context and environment say', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration() });
      const overlay = await dir.write('rollbacks.flagd.json', {
        planner: migration({ defaultVariant: 'off', metadata: { kind: 'migration', rollbackVariant: 'off', rolledBack: true, rollbackReason: 'error rate' } }),
      });
      const { provider, client } = await connect({ files: [file], rollbackOverlay: overlay, env: { FF_PLANNER: 'live' } });
      const details = await client.getStringDetails('planner', 'x', { cutoverOverrides: { planner: 'live' } });
      expect(details).toMatchObject({ value: 'off', reason: 'STATIC', flagMetadata: { source: 'rollback', rollbackReason: 'error rate' } });
      expect(provider.getRollbacks()).toEqual(['planner']);
    });

    it('answers FLAG_NOT_FOUND with the caller default when no layer knows the flag', async () => {
      const { client } = await connect({});
      expect(await client.getStringDetails('nope', 'dflt')).toMatchObject({ value: 'dflt', reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
    });

    it('answers TYPE_MISMATCH when the caller asks for another type than the flag has', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration() });
      const { client } = await connect({ files: [file] });
      expect(await client.getBooleanDetails('planner', true)).toMatchObject({ value: true, errorCode: 'TYPE_MISMATCH' });
    });

    it('serves the caller default with reason DISABLED for a disabled flag', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration({ state: 'DISABLED' }) });
      const { client } = await connect({ files: [file] });
      expect(await client.getStringDetails('planner', 'dflt')).toMatchObject({ value: 'dflt', reason: 'DISABLED' });
    });
  });

  describe('bucketing', () => {
    it('buckets the env canary and file splits with the same version, v1 or v2', async () => {
      const file = await dir.write('a.flagd.json', { split: migration({ targeting: { fractional: [['live', 30], ['off', 70]] } }) });
      const sides: Record<string, string[]> = {};
      for (const bucketing of ['v1', 'v2'] as const) {
        const fromFile = new CutoverProvider({ files: [file], watch: false, env: {}, bucketing });
        const fromEnv = new CutoverProvider({ watch: false, env: { FF_SPLIT: 'live', FF_SPLIT_PERCENT: '30' }, bucketing });
        await fromFile.initialize();
        sides[bucketing] = [];
        for (let i = 0; i < 1000; i++) {
          const context = { targetingKey: `user-${i}` };
          const inFile = fromFile.evaluate('string', 'split', 'off', context) as { value: string };
          const inEnv = fromEnv.evaluate('string', 'split', 'off', context) as { value: string; errorCode?: string };
          expect(inEnv.errorCode === undefined ? inEnv.value : 'off').toBe(inFile.value);
          sides[bucketing]!.push(inFile.value);
        }
      }
      expect(sides.v1).not.toEqual(sides.v2);
    });
  });

  describe('dependencies', () => {
    it('serves the rollback variant while a flag named in dependsOn is off', async () => {
      const file = await dir.write('a.flagd.json', {
        storage: migration({ targeting: { if: [{ '==': [{ var: 'region' }, 'eu'] }, 'off', null] } }),
        api: migration({ defaultVariant: 'live', metadata: { kind: 'migration', rollbackVariant: 'off', dependsOn: 'storage' } }),
      });
      const { client } = await connect({ files: [file] });
      expect(await client.getStringDetails('api', 'x', { region: 'eu' })).toMatchObject({ value: 'off', flagMetadata: { blockedBy: 'storage' } });
      expect(await client.getStringValue('api', 'x', { region: 'us' })).toBe('live');
    });

    it('does not loop on a dependency cycle', async () => {
      const file = await dir.write('a.flagd.json', {
        a: migration({ metadata: { kind: 'migration', rollbackVariant: 'off', dependsOn: 'b' } }),
        b: migration({ metadata: { kind: 'migration', rollbackVariant: 'off', dependsOn: 'a' } }),
      });
      const { client } = await connect({ files: [file] });
      expect(await client.getStringValue('a', 'x')).toBe('shadow');
    });
  });

  describe('snapshot', () => {
    it('lists every known flag with value, variant, reason and source', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration(), split: migration({ targeting: { fractional: [['live', 50], ['off', 50]] } }) });
      const { provider } = await connect({ files: [file] });
      provider.override('extra', true);
      const entries = await provider.snapshot({ targetingKey: 'id-1' });
      expect(entries.map((e) => e.flagKey)).toEqual(['extra', 'planner', 'split']);
      expect(entries[0]).toMatchObject({ value: true, source: 'override' });
      expect(entries[1]).toMatchObject({ value: 'shadow', variant: 'shadow', reason: 'STATIC', source: 'file' });
      expect(entries[2]!.reason).toBe('SPLIT');
    });
  });

  describe('flagDefinitions', () => {
    it('lists the files\' definitions with their metadata, not the overlay\'s', async () => {
      const file = await dir.write('a.flagd.json', { planner: migration({ metadata: { kind: 'migration', rollbackVariant: 'off', group: 'bots' } }) });
      const { provider } = await connect({ files: [file] });
      provider.override('planner', 'live');
      const definition = provider.flagDefinitions().get('planner');
      expect(definition?.metadata).toMatchObject({ rollbackVariant: 'off', group: 'bots' });
      expect(definition?.variants.off).toBe('off');
      expect([...provider.flagDefinitions().keys()]).toEqual(['planner']);
    });
  });

  describe('tracking', () => {
    it('hands client.track calls to listeners and contains a throwing one', async () => {
      const errors: string[] = [];
      const { provider, client } = await connect({ logger: { error: (m: string) => errors.push(m), warn() {}, info() {}, debug() {} } });
      const seen: string[] = [];
      provider.onTrack(() => {
        throw new Error('listener bug');
      });
      const stop = provider.onTrack((event) => seen.push(`${event.name}:${event.details.value}:${event.context.targetingKey}`));
      client.track('cutover.outcome', { targetingKey: 'u1' }, { value: 1, flagKey: 'planner', path: 'candidate', outcome: 'error' });
      stop();
      client.track('cutover.outcome', { targetingKey: 'u2' }, { value: 0 });
      expect(seen).toEqual(['cutover.outcome:1:u1']);
      expect(errors.join()).toMatch(/listener bug/);
    });
  });

  describe('events', () => {
    it('emits CONFIGURATION_CHANGED naming the flag when an override is set', async () => {
      const { provider, client } = await connect({});
      const seen: EventDetails[] = [];
      client.addHandler(ProviderEvents.ConfigurationChanged, (details) => seen.push(details!));
      provider.override('planner', 'live');
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen.at(-1)?.flagsChanged).toEqual(['planner']);
    });

    it('fails initialisation on an invalid file but still serves the other layers', async () => {
      const file = await dir.write('bad.flagd.json', '{ "flags": ');
      const provider = new CutoverProvider({ files: [file], watch: false, env: { FF_PLANNER: 'live' } });
      await expect(provider.initialize()).rejects.toThrow(/bad\.flagd\.json:1:\d+/);
      expect(provider.evaluate('string', 'planner', 'off', {})).toMatchObject({ value: 'live' });
    });
  });

  describe('a flag file flagd serves despite a deviation from its schemas', () => {
    it('serves every flag on a cold start and warns with the file, JSON path and line', async () => {
      const file = await dir.write('app.flagd.json', DEVIATING);
      const { logger, warnings, errors } = recordingLogger();
      const { provider, client } = await connect({ files: [file], rollbackOverlay: false, logger });

      expect(await client.getStringDetails('planner', 'x')).toMatchObject({ value: 'live', reason: 'STATIC' });
      expect(await client.getStringDetails('canary', 'x', { targetingKey: 'user-1' })).toMatchObject({ value: 'live', reason: 'SPLIT' });
      expect(await client.getBooleanValue('read-only', true)).toBe(false);
      // The flags serve first; the schema check follows off the start-up path.
      await provider.schemaChecked();
      expect(errors).toEqual([]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`${file}:8:`);
      expect(warnings[0]).toContain('/flags/canary/targeting/fractional/0/1');
      expect(provider.getFileStatus()).toMatchObject({ broken: [], warnings: [{ file, line: 8, jsonPath: '/flags/canary/targeting/fractional/0/1' }] });
    });

    it('refuses the file in strict mode, naming the same location', async () => {
      const file = await dir.write('app.flagd.json', DEVIATING);
      const { logger } = recordingLogger();
      const provider = new CutoverProvider({ files: [file], watch: false, env: {}, rollbackOverlay: false, logger, strict: true });
      await expect(provider.initialize()).rejects.toMatchObject({ file, line: 8, jsonPath: '/flags/canary/targeting/fractional/0/1' });
      expect(provider.getFileStatus().broken).toEqual([file]);
      expect(provider.evaluate('string', 'planner', 'x')).toMatchObject({ value: 'x', errorCode: 'FLAG_NOT_FOUND' });
    });

    it('keeps serving an edit with a deviation, while an edit flagd cannot load keeps the last good flags', async () => {
      const file = await dir.write('app.flagd.json', { planner: { state: 'ENABLED', variants: { off: 'off', live: 'live' }, defaultVariant: 'off' } });
      const { logger } = recordingLogger();
      const provider = new CutoverProvider({ files: [file], watch: false, env: {}, rollbackOverlay: false, logger });
      const events: string[] = [];
      provider.events.addHandler(ProviderEvents.Error, () => events.push('error'));
      await provider.initialize();
      await dir.write('app.flagd.json', DEVIATING);
      await provider.reloadFile(file);
      expect(provider.evaluate('string', 'planner', 'x')).toMatchObject({ value: 'live' });
      await dir.write('app.flagd.json', DEVIATING.replace('"defaultVariant": "live"', '"defaultVariant": "gone"'));
      await provider.reloadFile(file);
      expect(provider.evaluate('string', 'planner', 'x')).toMatchObject({ value: 'live' });
      expect(events).toEqual(['error']);
    });
  });
});
