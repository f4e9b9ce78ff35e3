import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileComparisonStore } from '@cutover/migrate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkComparisonStore } from './check-comparison-store.js';

/** A store with a server behind it, whose round trip the test decides. */
class ServedStore extends FileComparisonStore {
  constructor(
    directory: string,
    readonly ping: () => Promise<void>,
  ) {
    super({ directory });
  }
}

describe(checkComparisonStore.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-store-check-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes with the round trip\'s latency when the database answers, and probes no directory', async () => {
    const finding = await checkComparisonStore({ store: new ServedStore(dir, () => Promise.resolve()), storeDirectory: undefined });
    expect(finding).toEqual({ status: 'pass', message: expect.stringMatching(/^database answered in \d+\.\d ms; 0 record\(s\) written by this process$/) });
  });

  it('fails with the reason when the database is unreachable', async () => {
    const refused = new AggregateError([new Error('connect ECONNREFUSED 127.0.0.1:5432'), new Error('connect ECONNREFUSED ::1:5432')]);
    const finding = await checkComparisonStore({ store: new ServedStore(dir, () => Promise.reject(refused)), storeDirectory: undefined });
    expect(finding).toEqual({ status: 'fail', message: 'database unreachable: connect ECONNREFUSED 127.0.0.1:5432; connect ECONNREFUSED ::1:5432' });
  });

  it('probes a file store\'s directory', async () => {
    const finding = await checkComparisonStore({ store: new FileComparisonStore({ directory: dir }), storeDirectory: dir });
    expect(finding).toEqual({ status: 'pass', message: `${dir} readable and writable; 0 record(s) written by this process` });
  });
});
