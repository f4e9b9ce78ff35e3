import { describe, expect, it, vi } from 'vitest';
import { setup } from '../testing/migration-harness.js';
import { Migration } from './migration.js';

/** Things a candidate can throw that break a naive `String(error)` or `error.message`. */
function hostileThrows(): Array<[string, () => unknown]> {
  const throwing = (): never => {
    throw new Error('trap');
  };
  const proxy = new Proxy({}, { get: throwing, getPrototypeOf: throwing, has: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing });
  const badMessage = new Error('hidden');
  Object.defineProperty(badMessage, 'message', { get: throwing });
  return [
    ['a null-prototype object', () => Object.create(null)],
    ['a proxy whose traps throw', () => proxy],
    ['an object whose toString throws', () => ({ toString: throwing })],
    ['an error whose message getter throws', () => badMessage],
  ];
}

describe(Migration.name, () => {
  describe('recording', () => {
    it('records every call whose candidate threw, whatever it threw', async () => {
      const thrown = hostileThrows();
      let call = 0;
      const { migration, sink, comparisons } = await setup('shadow', {
        legacy: (n) => ({ items: n }),
        candidate: () => {
          throw (thrown[call++ % thrown.length] as [string, () => unknown])[1]();
        },
      });
      for (let i = 0; i < 20; i++) await expect(migration.read(i)).resolves.toEqual({ items: i });
      await vi.waitFor(() => expect(sink.records).toHaveLength(20));
      expect(comparisons()).toHaveLength(20);
      for (const record of sink.records) {
        expect(record).toMatchObject({ outcome: 'mismatch', candidate: { status: 'error', error: expect.any(String) } });
      }
      expect(migration.stats().droppedComparisons).toEqual({});
    });

    it('records two hostile errors compared with each other', async () => {
      const [[, nullPrototype], [, proxy]] = hostileThrows() as [[string, () => unknown], [string, () => unknown]];
      const { migration, sink } = await setup('shadow', {
        legacy: () => {
          throw nullPrototype();
        },
        candidate: () => {
          throw proxy();
        },
      });
      await expect(migration.read(1)).rejects.toBeDefined();
      await vi.waitFor(() => expect(sink.records).toHaveLength(1));
      expect(sink.records[0]?.legacy).toMatchObject({ status: 'error', error: expect.any(String) });
    });

    it('records a comparator that returns a promise as a comparison error, counted, with no unhandled rejection', async () => {
      // What a JavaScript caller can pass; the types forbid it.
      const compare = (() => Promise.reject(new Error('async comparator'))) as never;
      const { migration, sink, logger } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate: (n) => ({ items: n }) }, { compare });
      for (let i = 0; i < 10; i++) await migration.read(i);
      await vi.waitFor(() => expect(sink.records).toHaveLength(10));
      expect(sink.records.every((r) => r.outcome === 'error' && r.failure === 'compare')).toBe(true);
      expect(migration.stats().callbackFailures.compare).toBe(10);
      expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('compare'), expect.objectContaining({ message: expect.stringContaining('Promise') }));
    });

    it('records a comparator that returns something other than a comparison as a comparison error', async () => {
      const answers: unknown[] = [undefined, { match: true }, { match: false, differences: [null] }, 'yes'];
      let call = 0;
      const compare = (() => answers[call++ % answers.length]) as never;
      const { migration, sink } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate: (n) => ({ items: n }) }, { compare });
      for (let i = 0; i < answers.length; i++) await migration.read(i);
      await vi.waitFor(() => expect(sink.records).toHaveLength(answers.length));
      expect(sink.records.map((r) => r.outcome)).toEqual(answers.map(() => 'error'));
      expect(migration.stats().callbackFailures.compare).toBe(answers.length);
    });

    it('counts a record the store rejected as dropped, with its reason', async () => {
      const { migration, comparisons } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate: (n) => ({ items: n }) }, {
        store: { record: () => Promise.reject(new Error('disk full')) },
      });
      await migration.read(1);
      await vi.waitFor(() => expect(migration.stats().droppedComparisons).toEqual({ 'store-rejected': 1 }));
      expect(comparisons()).toHaveLength(1);
    });
  });
});
