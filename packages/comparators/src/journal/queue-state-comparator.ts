import { at } from '../at.js';
import type { Comparator } from '../comparison.js';
import { deepEqual } from '../deep-equal.js';
import { elementwise } from '../elementwise.js';

/** One pending entry of a journal's queue; its content (AI text) is not compared. */
export interface QueuedItem {
  /** What kind of entry this is (`question`, `reminder`, `summary` …). */
  readonly type: string;
}

/**
 * Journal queue states: the same length and the same type at each
 * position, since the queue's order is the order the user will be asked in.
 * Differences sit at `$.length` and `$[i].type`.
 */
export function queueStateComparator(): Comparator<readonly QueuedItem[] | null | undefined> {
  const types = elementwise(at('$.type', (item: QueuedItem) => item.type, deepEqual()));
  return (legacy, candidate) => types(legacy ?? [], candidate ?? []);
}
