import type { Comparison } from '@cutover/comparators';
import { vi } from 'vitest';
import type { Logger } from '../logger.js';
import { Migration } from '../runner/migration.js';
import type { ComparisonEvent, MigrationEvent, PathEvent } from '../runner/migration-events.js';
import type { Implementations, MigrationInit } from '../runner/migration-init.js';
import { MemorySink } from './memory-sink.js';
import { stageFlag } from './stage-client.js';

/** The flag every harness migration reads. */
export const FLAG = 'search-migration';

/** The result type of harness migrations. */
export interface Result {
  readonly items: number;
  readonly at?: number;
}

/** A promise the test opens when it wants. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** A logger whose calls specs can inspect. */
export function quietLogger(): Logger {
  return { warn: vi.fn(), error: vi.fn() };
}

/** A field-level comparator over flat objects, enough to exercise noise paths. */
export function fieldComparator(legacy: Result, candidate: Result): Comparison {
  const keys = new Set([...Object.keys(legacy), ...Object.keys(candidate)]) as Set<keyof Result>;
  const differences = [...keys].filter((k) => legacy[k] !== candidate[k]).map((k) => ({ path: `$.${k}`, legacy: legacy[k], candidate: candidate[k] }));
  return { match: differences.length === 0, differences };
}

/** Implementations that agree. */
export const same: Implementations<number, Result> = { legacy: (n) => ({ items: n }), candidate: async (n) => ({ items: n }) };

/** A migration serving `stage`, recording into a memory sink and collecting its events. */
export async function setup<O = Result>(stage: string, read: Implementations<number, O>, extra: Partial<MigrationInit<number, O>> = {}) {
  const flag = await stageFlag(FLAG, stage);
  const events: MigrationEvent[] = [];
  const sink = new MemorySink();
  const logger = quietLogger();
  const migration = new Migration<number, O>({ flagKey: FLAG, client: flag.client, read, store: sink, logger, listeners: [(e) => events.push(e)], ...extra });
  const comparisons = (): ComparisonEvent[] => events.filter((e): e is ComparisonEvent => e.type === 'comparison');
  const paths = (): PathEvent[] => events.filter((e): e is PathEvent => e.type === 'path');
  return { flag, events, sink, logger, migration, comparisons, paths };
}
