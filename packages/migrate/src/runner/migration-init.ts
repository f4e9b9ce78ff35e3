import type { Comparator } from '@cutover/comparators';
import type { Client } from '@openfeature/server-sdk';
import type { ComparisonSink } from '../store/comparison-sink.js';
import type { ErrorComparator, Ignorer } from './experiment.js';
import type { Lock } from './lock.js';
import type { Logger } from '@cutover/core';
import type { MigrationOptions } from './migration-config.js';
import type { MigrationListener } from './migration-events.js';
import type { ItemIdOf } from './item-id-of.js';
import type { Implementation, RunContext } from './run-context.js';

/**
 * The OpenFeature client calls the runner makes: one string evaluation per
 * call, and a boolean one when the read-only switch is a flag.
 */
export type StageClient = Pick<Client, 'getStringDetails'> & Partial<Pick<Client, 'getBooleanDetails'>>;

/** The legacy and the candidate implementation of one operation. */
export interface Implementations<I, O> {
  readonly legacy: Implementation<I, O>;
  readonly candidate: Implementation<I, O>;
}

/** An item lock: the lock and how to name the item an input is about. */
export interface ItemLock<T> {
  readonly lock: Lock;
  /** The item's key, e.g. an issue number; the runner prefixes it with the flag key. */
  readonly key: (input: T) => string;
}

/** Everything a {@link Migration} is made of. Only `flagKey`, `client` and `read` are required. */
export interface MigrationInit<I, O, W = never, R = void> {
  /** The migration flag; its string variants are stages. */
  readonly flagKey: string;
  /** The application's OpenFeature client; the runner evaluates the flag through it with the caller's context. */
  readonly client: StageClient;
  readonly read: Implementations<I, O>;
  /** Write implementations, for domains that write; {@link Migration.write} needs them. */
  readonly write?: Implementations<W, R>;
  /** Compares legacy's and the candidate's read values. @default equalityComparator */
  readonly compare?: Comparator<O>;
  /** @default sameError (name and message) */
  readonly compareErrors?: ErrorComparator;
  /** Mismatches any of these return true for are counted as ignored matches. @default [] */
  readonly ignore?: readonly Ignorer<O>[];
  /** Turns a value into what is published and stored. @default identity */
  readonly clean?: (value: O) => unknown;
  /** Removes secrets from an input before it is stored with a mismatch. @default identity */
  readonly redact?: (input: I) => unknown;
  /**
   * Copies the value the caller receives before it is compared later, off the
   * caller's path; pass `structuredClone` when callers mutate results. @default identity
   */
  readonly snapshot?: (value: O) => O;
  /**
   * Names the item a call is about (a chat, a tenant, an issue), kept with
   * every comparison record, matches included.
   * @default the evaluation context's `targetingKey`, what the flag buckets on
   */
  readonly itemId?: ItemIdOf<I>;
  /**
   * What a write returns in read-only mode, where no write implementation
   * runs; synchronous, contained (a throw is counted and logged, and the write
   * resolves `undefined`). @default resolves `undefined`
   */
  readonly simulateWrite?: (input: W, run: RunContext) => R;
  /** Where comparisons are recorded. */
  readonly store?: ComparisonSink;
  /** Exclusive processing per item, so both systems never work on one item at once: the lock is held around the runs with side effects. */
  readonly lock?: ItemLock<I | W>;
  readonly listeners?: readonly MigrationListener[];
  /** @default CONSOLE_LOGGER */
  readonly logger?: Logger;
  readonly options?: MigrationOptions;
}
