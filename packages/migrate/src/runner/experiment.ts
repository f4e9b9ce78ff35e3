import type { Comparator, Comparison, Difference } from '@cutover/comparators';
import { boundedJson } from '../store/bounded-json.js';
import type { CallbackContainment } from './callback-containment.js';
import type { ComparisonRecord, RecordedPath } from '../store/comparison-record.js';
import type { ComparisonSink } from '../store/comparison-sink.js';
import type { EventPublisher } from './event-publisher.js';
import type { ComparisonOutcome } from '../comparison-outcome.js';
import type { NoiseFilter } from './noise-filter.js';
import type { Observation } from './observation.js';
import type { Stage } from '../stage.js';

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
  readonly maxStoredBytes: number;
  readonly store: ComparisonSink | undefined;
  readonly publisher: EventPublisher;
  readonly containment: CallbackContainment;
  readonly noise: NoiseFilter;
}

/** The observations of one call to compare; promises because the other path may still run. */
export interface Trial<I, O> {
  readonly stage: Stage;
  readonly input: I;
  readonly legacy: Observation<O> | Promise<Observation<O>>;
  readonly candidate: Observation<O> | Promise<Observation<O>>;
  /** Legacy run a second time, for noise. */
  readonly secondLegacy?: Promise<Observation<O>>;
}

const MATCH: Comparison = Object.freeze({ match: true, differences: [] });
// A record lists this many differences at most; values inside them are cut at a fraction of maxStoredBytes.
const MAX_DIFFERENCES = 32;

/** Compares, cancels noise, applies ignorers, publishes and stores: everything done off the caller's path. */
export class Experiment<I, O> {
  constructor(private readonly setup: ExperimentSetup<I, O>) {}

  /** Concludes one trial; never rejects. */
  async conclude(trial: Trial<I, O>): Promise<void> {
    const [legacy, candidate, second] = await Promise.all([trial.legacy, trial.candidate, trial.secondLegacy]);
    // Compare in the check phase: a candidate finishing in the same timers phase
    // as a caller's legacy run must not delay that caller's continuation.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (second) {
      const noise = this.comparison(legacy, second);
      if (noise) this.setup.noise.learn(noise.differences);
    }
    const comparison = this.comparison(legacy, candidate);
    let outcome: ComparisonOutcome = 'error';
    let differences: readonly Difference[] = [];
    let noisy: string[] = [];
    let ignored = false;
    if (comparison) {
      const split = this.setup.noise.split(comparison.differences);
      differences = split.kept;
      noisy = split.noisy;
      // Recompute the verdict only when noise removed something; otherwise the comparator's word stands.
      let match = noisy.length > 0 ? !split.kept.some((d) => (d.severity ?? 'error') === 'error') : comparison.match;
      if (!match && this.ignored(legacy, candidate)) match = ignored = true;
      outcome = match ? 'match' : 'mismatch';
    }
    const { publisher, flagKey, store } = this.setup;
    if (publisher.active) {
      publisher.emit({ type: 'comparison', flagKey, stage: trial.stage, outcome, ignored, differences, noisy, legacyMs: legacy.durationMs, candidateMs: candidate.durationMs });
    }
    if (!store) return;
    try {
      await store.record(this.toRecord({ trial, outcome, ignored, differences, noisy, legacy, candidate }));
    } catch (error) {
      this.setup.containment.failed('store', error);
    }
  }

  private comparison(a: Observation<O>, b: Observation<O>): Comparison | undefined {
    const { containment, compare, compareErrors } = this.setup;
    if (a.status === 'ok' && b.status === 'ok') return containment.run('compare', () => compare(a.value, b.value), undefined);
    if (a.status !== 'ok' && b.status !== 'ok') {
      const same = containment.run('compareErrors', () => compareErrors(a.error, b.error), undefined);
      if (same === undefined) return undefined;
      return same ? MATCH : { match: false, differences: [{ path: '$', legacy: errorOf(a), candidate: errorOf(b), reason: 'different errors' }] };
    }
    const failed = a.status === 'ok' ? b : a;
    const reason = `${failed.path} ${failed.status === 'timeout' ? 'timed out' : 'threw'}`;
    return { match: false, differences: [{ path: '$', legacy: this.shown(a), candidate: this.shown(b), reason }] };
  }

  private ignored(legacy: Observation<O>, candidate: Observation<O>): boolean {
    return this.setup.ignore.some((ignorer) => this.setup.containment.run('ignore', () => ignorer(legacy, candidate), false));
  }

  private shown(observation: Observation<O>): unknown {
    if (observation.status !== 'ok') return errorOf(observation);
    return this.setup.containment.run('clean', () => this.setup.clean(observation.value), '[clean failed]');
  }

  private toRecord(parts: {
    trial: Trial<I, O>;
    outcome: ComparisonOutcome;
    ignored: boolean;
    differences: readonly Difference[];
    noisy: string[];
    legacy: Observation<O>;
    candidate: Observation<O>;
  }): ComparisonRecord {
    const { maxStoredBytes, flagKey, containment, redact } = this.setup;
    // Matches stay small: summaries read every line, and a match needs no replay.
    const detailed = parts.outcome !== 'match';
    const cut = Math.max(64, maxStoredBytes >> 4);
    return {
      timestamp: new Date().toISOString(),
      flagKey,
      stage: parts.trial.stage,
      outcome: parts.outcome,
      ...(parts.ignored && { ignored: true }),
      legacy: this.recorded(parts.legacy, detailed),
      candidate: this.recorded(parts.candidate, detailed),
      differences: parts.differences.slice(0, MAX_DIFFERENCES).map((d) => ({ ...d, legacy: boundedJson(d.legacy, cut), candidate: boundedJson(d.candidate, cut) })),
      ...(parts.noisy.length > 0 && { noisy: parts.noisy }),
      ...(detailed && { input: boundedJson(containment.run('redact', () => redact(parts.trial.input), '[redact failed]'), maxStoredBytes) }),
    };
  }

  private recorded(observation: Observation<O>, detailed: boolean): RecordedPath {
    const { status, durationMs } = observation;
    if (status !== 'ok') return { status, durationMs, error: errorOf(observation).error };
    if (!detailed) return { status, durationMs };
    return { status, durationMs, value: boundedJson(this.shown(observation), this.setup.maxStoredBytes) };
  }
}

function errorOf(observation: Observation<unknown>): { error: string } {
  if (observation.status === 'ok') return { error: '' };
  const { error } = observation;
  return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
