import { describe, expect, it } from 'vitest';
import { Migration } from './migration.js';
import { stageFlag } from '../testing/stage-client.js';

const quiet = { warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Migration fallback to legacy (live)', () => {
  it("answers with legacy's result even when legacy takes longer than the candidate timeout", async () => {
    const flag = await stageFlag('slow-legacy', 'live');
    for (const sampleRatio of [1, 0]) {
      const seen: boolean[] = [];
      const migration = new Migration<number, number>({
        flagKey: 'slow-legacy',
        client: flag.client,
        read: {
          legacy: async (n, run) => {
            seen.push(run.readonly);
            await sleep(60);
            return n * 2;
          },
          candidate: () => Promise.reject(new Error('candidate bug')),
        },
        logger: quiet,
        options: { fallbackToLegacy: true, candidateTimeoutMs: 20, sampleRatio },
      });
      await expect(migration.read(21)).resolves.toBe(42);
      // The answer came from a run the caller owns: not read-only.
      expect(seen.at(-1)).toBe(false);
    }
  });
});
