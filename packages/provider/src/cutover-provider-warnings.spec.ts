import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import type { Logger } from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CutoverProvider } from './cutover-provider.js';
import { createFlagDir } from './testing/flag-dir.js';
import type { FlagDir } from './testing/flag-dir.js';

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
beforeEach(async () => {
  dir = await createFlagDir();
});
afterEach(async () => {
  await OpenFeature.close();
  await dir.remove();
});

describe(CutoverProvider.name, () => {
  describe('a flag file flagd serves despite a deviation from its schemas', () => {
    it('serves every flag on a cold start and warns with the file, JSON path and line', async () => {
      const file = await dir.write('app.flagd.json', DEVIATING);
      const { logger, warnings, errors } = recordingLogger();
      const provider = new CutoverProvider({ files: [file], watch: false, env: {}, rollbackOverlay: false, logger });
      const name = `warnings-spec-${domain++}`;
      await OpenFeature.setProviderAndWait(name, provider);
      const client = OpenFeature.getClient(name);

      expect(await client.getStringDetails('planner', 'x')).toMatchObject({ value: 'live', reason: 'STATIC' });
      expect(await client.getStringDetails('canary', 'x', { targetingKey: 'user-1' })).toMatchObject({ value: 'live', reason: 'SPLIT' });
      expect(await client.getBooleanValue('read-only', true)).toBe(false);
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
