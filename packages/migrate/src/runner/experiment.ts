import type { Comparator, Comparison } from '@cutover/comparators';
import type { ComparisonFailure } from '../comparison-outcome.js';
import { describeError } from '../describe-error.js';
import type { MigrationStage } from '@cutover/flag-model';
import type { CallbackContainment } from './callback-containment.js';
import { checkPhase } from './check-phase.js';
import { checkedComparison } from './checked-comparison.js';
import type { ComparisonVerdict } from './comparison-verdict.js';
import { exceedsSize } from '../exceeds-size.js';
import { isoNow } from '../iso-now.js';
import type { NoiseFilter } from './noise-filter.js';
import type { Observation } from './observation.js';
import type { PathResult, RunResult } from './run-result.js';

/** Decides whether two errors are the same outcome (Scientist's `compareErrors`). */
export type ErrorComparator = (legacy: unknown, candidate: unknown) => boolean;

/** Returns true to ignore a mismatch (Scientist's `ignore`): it is then counted as a match, flagged `ignored`. */
export type Ignorer<O> = (legacy: Observation<O>, candidate: Observation<O>) => boolean;

/** What an {@link Experiment} uses; the callbacks are the user's, contained here. */
export interface ExperimentSetup<I, O> {
  readonly flagKey: string;
  readonly compare: Comparator<O>;
  readonly compareErrors: ErrorComparator;
  readonly ignore: readonly Ignorer<O>[];
  readonly clean: (value: O) => unknown;
  readonly redact: (input: I) => unknown;
  /** Values larger than this (approximate bytes of JSON) are not compared. */
  readonly maxComparedBytes: number;
  /** Keep values and input of matches too. @default false */
  readonly keepMatchValues?: boolean;
  readonly containment: CallbackContainment;
  readonly noise: NoiseFilter;
}

/** The observations of one call to compare; promises because the other path may still run. */
export interface Trial<I, O> {
  readonly stage: MigrationStage;
  readonly input: I;
  /** The item the call is about. */
  readonly itemId?: string;
  readonly legacy: Observation<O> | Promise<Observation<O>>;
  readonly candidate: Observation<O> | Promise<Observation<O>>;
  /** Legacy run a second time, for noise. */
  readonly secondLegacy?: Promise<Observation<O>>;
}

/** What the comparator (or the budget) said, before noise and ignorers. */
type Verdict = Comparison | { readonly failure: ComparisonFailure };

const MATCH: Comparison = Object.freeze({ match: true, differences: Object.freeze([]) });
const NONE: readonly never[] = Object.freeze([]);
const NO_ANSWER = Symbol('no answer');
const MATCHED: ComparisonVerdict = Object.freeze({ outcome: 'match', ignored: false, differences: NONE, noisy: NONE });

/**
 * Concludes one call into its {@link RunResult}: compares within the size
 * budget, cancels noise, applies ignorers, cleans values and redacts the
 * input, every user callback contained. Runs off the caller's path.
 */
export class Experiment<I, O> {
  constructor(private readonly setup: ExperimentSetup<I, O>) {}

  /** Waits for the trial's runs and concludes it; rejects only on a fault of the runner itself. */
  async conclude(trial: Trial<I, O>): Promise<RunResult> {
    // Awaited one by one: observations never reject, and Promise.all would allocate per call.
    const legacy = await trial.legacy;
    const candidate = await trial.candidate;
    const second = trial.secondLegacy === undefined ? undefined : await trial.secondLegacy;
    // Compare in the check phase: a candidate finishing in the same timers phase
    // as a caller's legacy run must not delay that caller's continuation.
    await checkPhase();
    const shown = new Shown(this.setup);
    if (second) {
      const noise = this.verdict(legacy, second, shown);
      if ('differences' in noise) this.setup.noise.learn(noise.differences);
    }
    const { outcome, failure, ignored, differences, noisy } = this.decide(legacy, candidate, this.verdict(legacy, candidate, shown));
    const detailed = outcome !== 'match' || this.setup.keepMatchValues === true;
    const { containment, redact, flagKey } = this.setup;
    // Assigned rather than spread: this runs for every compared call.
    const result: { -readonly [K in keyof RunResult]: RunResult[K] } = {
      flagKey,
      stage: trial.stage,
      timestamp: isoNow(),
      outcome,
      ignored,
      differences,
      noisy,
      legacy: pathResult(legacy, detailed, shown),
      candidate: pathResult(candidate, detailed, shown),
    };
    if (failure) result.failure = failure;
    if (trial.itemId !== undefined) result.itemId = trial.itemId;
    if (detailed) result.input = containment.run('redact', () => redact(trial.input), '[redact failed]');
    return Object.freeze(result);
  }

  private verdict(a: Observation<O>, b: Observation<O>, shown: Shown<O>): Verdict {
    const { containment, compare, compareErrors, maxComparedBytes } = this.setup;
    if (a.status === 'ok' && b.status === 'ok') {
      // A comparator's time grows with the values; past the budget it would stall the process.
      // A value that cannot even be walked is left to the comparator, contained.
      if (exceedsSize(a.value, maxComparedBytes) === true || exceedsSize(b.value, maxComparedBytes) === true) return { failure: 'over-budget' };
      // Two steps, so that a comparator's promise is reported as such by the containment.
      const answer = containment.run('compare', (): unknown => compare(a.value, b.value), NO_ANSWER);
      if (answer === NO_ANSWER) return { failure: 'compare' };
      return containment.run('compare', () => checkedComparison(answer), undefined) ?? { failure: 'compare' };
    }
    if (a.status !== 'ok' && b.status !== 'ok') {
      const same = containment.run('compareErrors', () => compareErrors(a.error, b.error), undefined);
      if (same === undefined) return { failure: 'compareErrors' };
      return same ? MATCH : { match: false, differences: [{ path: '$', legacy: shown.of(a), candidate: shown.of(b), reason: 'different errors' }] };
    }
    const failed = a.status === 'ok' ? b : a;
    const reason = `${failed.path} ${failed.status === 'timeout' ? 'timed out' : 'threw'}`;
    return { match: false, differences: [{ path: '$', legacy: shown.of(a), candidate: shown.of(b), reason }] };
  }

  private decide(legacy: Observation<O>, candidate: Observation<O>, verdict: Verdict): ComparisonVerdict {
    if ('failure' in verdict) return { outcome: 'error', failure: verdict.failure, ignored: false, differences: NONE, noisy: NONE };
    // The common case, decided without splitting anything.
    if (verdict.match && verdict.differences.length === 0) return MATCHED;
    const { kept, noisy } = this.setup.noise.split(verdict.differences);
    // Recompute the verdict only when noise removed something; otherwise the comparator's word stands.
    let match = noisy.length > 0 ? !kept.some((d) => (d.severity ?? 'error') === 'error') : verdict.match;
    let ignored = false;
    if (!match && this.ignored(legacy, candidate)) match = ignored = true;
    return { outcome: match ? 'match' : 'mismatch', ignored, differences: frozen(kept), noisy: frozen(noisy) };
  }

  private ignored(legacy: Observation<O>, candidate: Observation<O>): boolean {
    return this.setup.ignore.some((ignorer) => this.setup.containment.run('ignore', () => ignorer(legacy, candidate), false));
  }
}

/** What is published and stored of each observation: its cleaned value (cleaned once) or its described error. */
class Shown<O> {
  // Created on first use: a match shows nothing.
  private cleaned: Map<Observation<O>, unknown> | undefined;

  constructor(private readonly setup: Pick<ExperimentSetup<unknown, O>, 'clean' | 'containment'>) {}

  of(observation: Observation<O>): unknown {
    if (observation.status !== 'ok') return { error: describeError(observation.error) };
    this.cleaned ??= new Map();
    if (!this.cleaned.has(observation)) {
      const { clean, containment } = this.setup;
      this.cleaned.set(observation, containment.run('clean', () => clean(observation.value), '[clean failed]'));
    }
    return this.cleaned.get(observation);
  }
}

function pathResult<O>(observation: Observation<O>, detailed: boolean, shown: Shown<O>): PathResult {
  const { path, status, durationMs } = observation;
  if (status !== 'ok') return Object.freeze({ path, status, durationMs, error: describeError(observation.error) });
  if (!detailed) return Object.freeze({ path, status, durationMs });
  return Object.freeze({ path, status, durationMs, value: shown.of(observation) });
}

function frozen<T>(items: T[]): readonly T[] {
  return items.length === 0 ? NONE : Object.freeze(items);
}
