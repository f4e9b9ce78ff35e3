import { isMigrationStage, READ_PLAN } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import { InvalidOptionError } from '@cutover/core';
import type { Path } from '@cutover/migrate';
import type { EvaluationDetails, FlagValue, Hook, HookContext } from '@openfeature/server-sdk';

/** Options of {@link OutcomeAttribution}. */
export interface OutcomeAttributionOptions {
  /**
   * Targeting keys remembered at most; the least recently evaluated is
   * forgotten first, so memory stays bounded whatever the traffic.
   * @default 10000
   */
  readonly maxContexts?: number;
}

/**
 * Remembers which stage a migration flag served to each targeting key, so a
 * business outcome reported later for that key (`client.track('pr_accepted',
 * { targetingKey })`) is counted for the path that did the work: the
 * candidate where it answered the caller (`live`, `rampdown`, `complete`),
 * legacy elsewhere. An OpenFeature hook: add it with the application's hooks,
 * and it sees every evaluation, the runner's included. Only string values
 * that are stages are kept; contexts without a targeting key are not.
 */
export class OutcomeAttribution implements Hook {
  private readonly maxContexts: number;
  // Insertion order is recency order: a key seen again is moved to the end.
  private readonly served = new Map<string, Map<string, MigrationStage>>();

  /** @throws {InvalidOptionError} when `maxContexts` is not a positive integer */
  constructor(options: OutcomeAttributionOptions = {}) {
    this.maxContexts = options.maxContexts ?? 10_000;
    if (!(Number.isInteger(this.maxContexts) && this.maxContexts > 0)) {
      throw new InvalidOptionError({ component: 'OutcomeAttribution', option: 'maxContexts', reason: `expected a positive integer, got ${this.maxContexts}` });
    }
  }

  /** Records the stage served; part of the OpenFeature `Hook` interface. */
  after(hookContext: Readonly<HookContext>, details: EvaluationDetails<FlagValue>): void {
    const key = hookContext.context.targetingKey;
    if (typeof key !== 'string' || !isMigrationStage(details.value)) return;
    this.remember(key, hookContext.flagKey, details.value);
  }

  /** Remembers that `flagKey` served `stage` to `targetingKey`. */
  remember(targetingKey: string, flagKey: string, stage: MigrationStage): void {
    let flags = this.served.get(targetingKey);
    if (flags) this.served.delete(targetingKey);
    else flags = new Map();
    flags.set(flagKey, stage);
    this.served.set(targetingKey, flags);
    if (this.served.size > this.maxContexts) this.served.delete(this.served.keys().next().value!);
  }

  /** The path whose answer the targeting key last got from the migration, if remembered. */
  pathOf(flagKey: string, targetingKey: string): Path | undefined {
    const stage = this.served.get(targetingKey)?.get(flagKey);
    return stage === undefined ? undefined : READ_PLAN[stage].authoritative;
  }

  /** The migration flags remembered for a targeting key. */
  flagsOf(targetingKey: string): readonly string[] {
    return [...(this.served.get(targetingKey)?.keys() ?? [])];
  }

  /** Targeting keys remembered now. */
  get size(): number {
    return this.served.size;
  }
}
