import { describe, expect, it, vi } from 'vitest';
import { fieldComparator, same, setup } from '../testing/migration-harness.js';
import { Migration } from './migration.js';
import { MAX_ITEM_ID_LENGTH } from './item-id-of.js';

describe(Migration.name, () => {
  describe('item ids', () => {
    it('keeps the targeting key the flag bucketed on with every record, matches included, and in the event', async () => {
      const { migration, sink, comparisons } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate: (n) => ({ items: n === 2 ? 0 : n }) }, { compare: fieldComparator });
      for (const chat of [1, 2]) await migration.read(chat, { targetingKey: `chat-${chat}` });
      await vi.waitFor(() => expect(sink.records).toHaveLength(2));
      const byId = Object.fromEntries(sink.records.map((r) => [r.itemId, r]));
      expect(byId['chat-1']).toMatchObject({ outcome: 'match', legacy: { status: 'ok' } });
      expect(byId['chat-1']!.legacy).not.toHaveProperty('value');
      expect(byId['chat-2']).toMatchObject({ outcome: 'mismatch', input: 2, legacy: { value: { items: 2 } }, candidate: { value: { items: 0 } } });
      expect(comparisons().map((c) => c.itemId).sort()).toEqual(['chat-1', 'chat-2']);
    });

    it('names the item with the migration’s own itemId, contained and cut to a bounded length', async () => {
      const long = 'x'.repeat(MAX_ITEM_ID_LENGTH + 10);
      const { migration, sink } = await setup('shadow', same, { itemId: (n) => (n === 3 ? long : n === 4 ? thrower() : `tenant-${n}`) });
      for (const n of [1, 3, 4]) await migration.read(n);
      await vi.waitFor(() => expect(sink.records).toHaveLength(3));
      expect(sink.records.map((r) => r.itemId ?? 'none').sort()).toEqual(['none', 'tenant-1', 'x'.repeat(MAX_ITEM_ID_LENGTH)]);
      expect(migration.stats().callbackFailures).toEqual({ itemId: 1 });
    });

    it('stores the values and redacted input of matches with keepMatchValues', async () => {
      const { migration, sink } = await setup('shadow', same, { redact: (n) => ({ chat: n }), options: { keepMatchValues: true } });
      await migration.read(5, { targetingKey: 'chat-5' });
      await vi.waitFor(() => expect(sink.records).toHaveLength(1));
      expect(sink.records[0]).toMatchObject({ itemId: 'chat-5', outcome: 'match', input: { chat: 5 }, legacy: { value: { items: 5 } }, candidate: { value: { items: 5 } } });
    });
  });
});

function thrower(): never {
  throw new Error('no id');
}
