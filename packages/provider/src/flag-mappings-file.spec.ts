import { describe, expect, it } from 'vitest';
import { readFlagMappings } from './flag-mappings-file.js';
import { createFlagDir } from './testing/flag-dir.js';

describe(readFlagMappings.name, () => {
  it('reads envFlags and stages, ignoring the file\'s other keys; nothing when the file is missing', async () => {
    const dir = await createFlagDir();
    const file = await dir.write('cutover.config.json', JSON.stringify({ flags: 'flags', envFlags: { bullmq: { enabled: 'USE_BULLMQ' } }, stages: { bullmq: { true: 'live', false: 'off' } } }));
    expect(readFlagMappings(file)).toEqual({ envFlags: { bullmq: { enabled: 'USE_BULLMQ' } }, stages: { bullmq: { true: 'live', false: 'off' } } });
    expect(readFlagMappings(`${dir.path}/missing.json`)).toEqual({});
    await dir.remove();
  });

  it('names the file and the bad entry', async () => {
    const dir = await createFlagDir();
    const file = await dir.write('cutover.config.json', JSON.stringify({ envFlags: { bullmq: { enabeld: 'USE_BULLMQ' } } }));
    expect(() => readFlagMappings(file)).toThrow(/cutover\.config\.json: "envFlags\.bullmq\.enabeld"/);
    await dir.remove();
  });
});
