import { isMigrationStage } from '@cutover/flag-model';
import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { EvaluationContext, FlagValue } from '@openfeature/server-sdk';
import type { FlagType } from '../flags/compiled-flag.js';
import type { LayerResolution } from '../layer-resolution.js';
import { parseEnvValue } from '../layers/env-value.js';
import { inputsOf, isCombined } from './stage-mapping.js';
import type { StageMapping } from './stage-mapping.js';

/** What a mapping reads its flags through: the provider's layer chain. */
export interface StageSource {
  /** An override or rollback of the migration flag itself, which wins over its mapping. */
  fixed(flagKey: string): LayerResolution | undefined;
  resolve(flagKey: string, type: FlagType, context: EvaluationContext): LayerResolution | Promise<LayerResolution>;
}

/** One input flag read as a truth value, or the error that stops the mapping. */
type Truth = { readonly value: boolean; readonly answer: LayerResolution } | { readonly error: LayerResolution };

/**
 * Serves a migration flag's stage from boolean flags (env, files, overrides,
 * remote flagd): each input is resolved through the layers as a boolean, an
 * unset one counts as false, and the mapping turns the values into a stage.
 * An override or rollback of the migration flag itself wins; a stage served
 * by the input (a rollback of a boolean flag's own overlay entry) passes as is.
 */
export class StageMapper {
  /** The boolean flags read. */
  readonly inputs: readonly string[];

  constructor(
    readonly flagKey: string,
    readonly mapping: StageMapping,
    private readonly source: StageSource,
  ) {
    this.inputs = inputsOf(flagKey, mapping);
  }

  resolve(context: EvaluationContext): LayerResolution | Promise<LayerResolution> {
    const fixed = this.source.fixed(this.flagKey);
    if (fixed) return this.fixedStage(fixed);
    const answers = this.inputs.map((input) => this.source.resolve(input, 'boolean', context));
    return answers.some((a) => a instanceof Promise) ? Promise.all(answers).then((all) => this.decide(all)) : this.decide(answers as LayerResolution[]);
  }

  private decide(answers: readonly LayerResolution[]): LayerResolution {
    const { mapping } = this;
    if (!isCombined(mapping)) {
      const answer = answers[0]!;
      if (isStage(answer.value)) return answer;
      const truth = truthOf(this.inputs[0]!, answer, this.flagKey);
      if ('error' in truth) return truth.error;
      return this.stage(truth.value ? mapping.true : mapping.false, truth.answer, `${this.inputs[0]}=${truth.value}`);
    }
    const values = new Map<string, boolean>();
    let decisive: LayerResolution | undefined;
    for (const [index, input] of this.inputs.entries()) {
      const truth = truthOf(input, answers[index]!, this.flagKey);
      if ('error' in truth) return truth.error;
      values.set(input, truth.value);
      if (decisive === undefined && truth.answer.errorCode === undefined) decisive = truth.answer;
    }
    const from = [...values].map(([input, value]) => `${input}=${value}`).join(',');
    const rule = mapping.rules.find((r) => Object.entries(r.when).every(([input, value]) => values.get(input) === value));
    const base = decisive ?? answers[0]!;
    return this.stage(rule ? rule.stage : mapping.otherwise, { ...base, reason: rule ? StandardResolutionReasons.TARGETING_MATCH : StandardResolutionReasons.DEFAULT }, from);
  }

  /** An override or rollback of the flag: a stage passes as is, a boolean of a one-flag mapping is mapped, anything else the runner reports. */
  private fixedStage(answer: LayerResolution): LayerResolution {
    const { mapping } = this;
    if (isStage(answer.value) || isCombined(mapping) || typeof answer.value !== 'boolean') return answer;
    return this.stage(answer.value ? mapping.true : mapping.false, answer, `${this.flagKey}=${answer.value}`);
  }

  private stage(stage: string, from: LayerResolution, stageFrom: string): LayerResolution {
    const source = from.errorCode === undefined ? from.flagMetadata.source : 'default';
    return Object.freeze({
      value: stage,
      variant: stage,
      reason: from.errorCode === undefined ? (from.reason ?? StandardResolutionReasons.STATIC) : StandardResolutionReasons.DEFAULT,
      flagMetadata: Object.freeze({ ...(from.errorCode === undefined ? from.flagMetadata : {}), source: source ?? 'default', stageFrom }),
    });
  }
}

/** An input flag as true or false: unset is false; `"true"`, `"1"`, `"yes"`, `"on"` are true. */
function truthOf(input: string, answer: LayerResolution, flagKey: string): Truth {
  if (answer.errorCode === ErrorCode.FLAG_NOT_FOUND) return { value: false, answer };
  if (answer.errorCode !== undefined) return { error: failed(answer.errorCode, `stage of "${flagKey}" reads "${input}": ${answer.errorMessage ?? answer.errorCode}`, answer) };
  const value: FlagValue | undefined = answer.value;
  if (value === undefined) return { value: false, answer };
  if (typeof value === 'boolean') return { value, answer };
  const parsed = typeof value === 'string' ? parseEnvValue(value, 'boolean') : undefined;
  if (typeof parsed === 'boolean') return { value: parsed, answer };
  return { error: failed(ErrorCode.TYPE_MISMATCH, `stage of "${flagKey}" reads "${input}", which served ${JSON.stringify(value)}, not a boolean`, answer) };
}

function isStage(value: FlagValue | undefined): boolean {
  return typeof value === 'string' && isMigrationStage(value);
}

function failed(errorCode: ErrorCode, errorMessage: string, answer: LayerResolution): LayerResolution {
  return { value: undefined, reason: StandardResolutionReasons.ERROR, errorCode, errorMessage, flagMetadata: answer.flagMetadata };
}
