// CVPlus's cache migration with `readPreference: 'fastest'`, end to end:
// createCutover on the team's flag file and the real OpenFeature client. The
// caller gets the first cache to answer; a miss in the package cache is
// answered by the legacy cache; both are compared off the caller's path once
// the slower one arrives, each with its own duration in the record.
import { randomUUID } from 'node:crypto';
import type { FileComparisonStore } from '@cutover/migrate';
import { OpenFeature } from '@openfeature/server-sdk';
import { createCutover } from 'cutover';
import type { Cutover } from 'cutover';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cvplusFlags } from './support/cvplus-flags.js';
import type { CvplusFlags } from './support/cvplus-flags.js';

const quiet = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
const FLAG = 'cache-package-enabled';
const LEGACY_MS = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("read preference 'fastest' (cvplus cache)", () => {
  let flags: CvplusFlags;
  let cutover: Cutover<FileComparisonStore>;
  const answers: { userId: string; ms: number; value: string }[] = [];

  beforeAll(async () => {
    flags = await cvplusFlags('shadow');
    const domain = `cvplus-${randomUUID()}`;
    cutover = createCutover({ files: [flags.file], domain, registry: new Registry(), store: flags.store, audit: flags.audit, guard: false, logger: quiet, provider: { env: {}, watch: false } }) as Cutover<FileComparisonStore>;
    await OpenFeature.setProviderAndWait(domain, cutover.provider);
    const cache = cutover.migration({
      flagKey: FLAG,
      read: {
        // The legacy distributed cache: always there, never quick.
        legacy: async (userId: string) => {
          await sleep(LEGACY_MS);
          return `recommendations:${userId}`;
        },
        // The package cache: quick, but cold for the users it has not seen.
        candidate: async (userId: string) => {
          await sleep(2);
          if (userId.endsWith('7')) throw new Error(`cache miss: ${userId}`);
          return `recommendations:${userId}`;
        },
      },
      options: { readPreference: 'fastest' },
    });
    let compared = 0;
    const all = new Promise<void>((resolve) => cache.subscribe((event) => event.type === 'comparison' && ++compared === 20 && resolve()));
    for (let n = 0; n < 20; n++) {
      const userId = `user-${n}`;
      const started = performance.now();
      const value = await cache.read(userId, { targetingKey: userId });
      answers.push({ userId, ms: performance.now() - started, value });
    }
    await all;
    await cutover.store!.flush();
  });

  afterAll(async () => {
    await cutover?.close();
    await flags?.remove();
  });

  it('answers with the quicker cache, and with the legacy cache on a package-cache miss', () => {
    for (const answer of answers) expect(answer.value).toBe(`recommendations:${answer.userId}`);
    const hits = answers.filter((a) => !a.userId.endsWith('7'));
    const misses = answers.filter((a) => a.userId.endsWith('7'));
    expect(misses.map((a) => a.userId)).toEqual(['user-7', 'user-17']);
    // A hit does not wait for the legacy cache; a miss does.
    for (const hit of hits) expect(hit.ms).toBeLessThan(LEGACY_MS / 2);
    for (const miss of misses) expect(miss.ms).toBeGreaterThanOrEqual(LEGACY_MS - 5);
  });

  it('compares both caches for every call, each with its own duration', async () => {
    const records = [];
    for await (const record of cutover.store!.records()) records.push(record);
    expect(records).toHaveLength(20);
    for (const record of records) {
      expect(record.legacy.durationMs).toBeGreaterThanOrEqual(LEGACY_MS - 5);
      expect(record.candidate.durationMs).toBeLessThan(LEGACY_MS / 2);
    }
    const mismatches = records.filter((r) => r.outcome === 'mismatch');
    expect(mismatches.map((r) => r.itemId).sort()).toEqual(['user-17', 'user-7']);
    expect(mismatches[0]!.candidate).toMatchObject({ status: 'error', error: expect.stringMatching(/cache miss/) });
  });
});
