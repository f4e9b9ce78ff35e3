import { describe, expect, it, vi } from 'vitest';
import { setup } from '../testing/migration-harness.js';
import { equalityComparator } from './equality-comparator.js';
import { Migration } from './migration.js';

/** A row that counts how often serialisation touched it. */
class Row {
  static touched = 0;

  constructor(readonly id: number) {}

  toJSON(): unknown {
    Row.touched++;
    return { id: this.id };
  }
}

/** CPU time, in ms, the process spent while `work` ran: unlike wall time, not inflated by other processes on the machine. */
async function cpuTime(work: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

describe(Migration.name, () => {
  describe('comparison budget', () => {
    it('records results larger than maxComparedBytes as an over-budget comparison error, without comparing or serialising them in full', async () => {
      const rows = 1_000_000;
      // Built before the call: building them is the application's work, not the runner's.
      const legacyRows = Array.from({ length: rows }, (_, i) => new Row(i));
      const candidateRows = Array.from({ length: rows }, (_, i) => new Row(i + 1));
      const compare = vi.fn(equalityComparator<Row[]>);
      const { migration, sink, comparisons } = await setup<Row[]>('shadow', { legacy: () => legacyRows, candidate: () => candidateRows }, {
        compare,
        options: { maxComparedBytes: 1 << 20, maxStoredBytes: 1024 },
      });
      Row.touched = 0;
      const spent = await cpuTime(async () => {
        await migration.read(1);
        await vi.waitFor(() => expect(sink.records).toHaveLength(1), { timeout: 30_000 });
      });
      expect(compare).not.toHaveBeenCalled();
      expect(sink.records[0]).toMatchObject({ outcome: 'error', failure: 'over-budget', candidate: { status: 'ok', value: { $truncated: true } } });
      expect(comparisons()[0]).toMatchObject({ outcome: 'error', failure: 'over-budget' });
      expect(migration.stats().overBudgetComparisons).toBe(1);
      // Serialising both results in full would touch every row at least twice.
      expect(Row.touched).toBeLessThan(rows / 4);
      // Comparing and serialising both in full takes seconds.
      expect(spent).toBeLessThan(500);
    }, 60_000);

    it('compares results within the budget as before', async () => {
      const { migration, sink } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate: (n) => ({ items: n + 1 }) }, { options: { maxComparedBytes: 1024 } });
      await migration.read(1);
      await vi.waitFor(() => expect(sink.records).toHaveLength(1));
      expect(sink.records[0]).toMatchObject({ outcome: 'mismatch' });
      expect(migration.stats().overBudgetComparisons).toBe(0);
    });
  });
});
