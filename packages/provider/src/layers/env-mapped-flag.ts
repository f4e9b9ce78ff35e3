import { StandardResolutionReasons } from '@openfeature/server-sdk';
import type { EvaluationContext } from '@openfeature/server-sdk';
import { CutoverProviderOptionError } from '../cutover-provider-option-error.js';
import type { Bucketing } from '../hashing/bucketing.js';
import type { LayerResolution } from '../layer-resolution.js';
import type { EnvFlagMapping } from './env-flag-mapping.js';
import { parseEnvValue } from './env-value.js';
import { staticResolution } from './static-resolution.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * One flag read from a team's own variables (see {@link EnvFlagMapping} for
 * the precedence). The variables are read and checked once, when the provider
 * starts: a process's environment does not change under it, and a malformed
 * value must stop the start, not serve a guess.
 */
export class EnvMappedFlag {
  private readonly disabled: boolean;
  private readonly ids: ReadonlySet<string> | undefined;
  private readonly percentage: number | undefined;
  /** False when none of the flag's variables is set. */
  readonly declared: boolean;
  /** The declared variables and their values (undefined: unset), in role order. */
  readonly variables: Readonly<Record<string, string | undefined>>;
  // Every answer is one of these, built once: an evaluation allocates nothing.
  private readonly answers: Readonly<Record<'everyone' | 'nobody' | 'listed' | 'unlisted' | 'splitIn' | 'splitOut', LayerResolution>>;

  /** @throws {CutoverProviderOptionError} naming the variable whose value cannot be read */
  constructor(
    readonly flagKey: string,
    readonly mapping: EnvFlagMapping,
    env: Env,
    private readonly bucketing: Bucketing,
  ) {
    this.variables = Object.fromEntries([mapping.enabled, mapping.ids, mapping.percentage].filter((v) => v !== undefined).map((v) => [v, env[v]]));
    const enabled = valueOf(env, mapping.enabled);
    const ids = valueOf(env, mapping.ids);
    const percentage = valueOf(env, mapping.percentage);
    this.declared = enabled !== undefined || ids !== undefined || percentage !== undefined;
    const switchValue = enabled === undefined ? undefined : parseEnvValue(enabled, 'boolean');
    if (enabled !== undefined && switchValue === undefined) {
      throw this.error('enabled', mapping.enabled!, `"${enabled}" is not a boolean (true/false, 1/0, yes/no, on/off)`);
    }
    this.disabled = mapping.enabled !== undefined && switchValue !== true;
    const list = ids?.split(',').map((id) => id.trim()).filter(Boolean);
    this.ids = list && list.length > 0 ? new Set(list) : undefined;
    if (percentage !== undefined) {
      const share = Number(percentage.trim());
      if (!(share >= 0 && share <= 100)) throw this.error('percentage', mapping.percentage!, `"${percentage}" is not a number from 0 to 100`);
      this.percentage = share;
    }
    const metadata = { variable: [mapping.enabled, mapping.ids, mapping.percentage].filter(Boolean).join(',') };
    const { STATIC, TARGETING_MATCH, DEFAULT, SPLIT } = StandardResolutionReasons;
    const answer = (value: boolean, reason: string) => staticResolution('env', value, { reason, metadata });
    this.answers = {
      everyone: answer(true, STATIC),
      nobody: answer(false, STATIC),
      listed: answer(true, TARGETING_MATCH),
      unlisted: answer(false, DEFAULT),
      splitIn: answer(true, SPLIT),
      splitOut: answer(false, SPLIT),
    };
  }

  /** What the variables decide, in words, for `cutover status`. */
  get summary(): string {
    const { mapping } = this;
    if (!this.declared) return 'no variable set: the layers below answer';
    if (this.disabled) return `off for everyone (${mapping.enabled} is not true)`;
    if (this.ids) {
      const ignored = this.percentage === undefined ? '' : `; ${mapping.percentage} is ignored while ${mapping.ids} lists ids`;
      return `on for ${this.ids.size} listed id(s) (${[...this.ids].join(', ')}), off for the others${ignored}`;
    }
    if (this.percentage !== undefined) return `on for ${this.percentage} % of ids (hashed as flagd's fractional on the flag key), off for the others`;
    return 'on for everyone (no id list, no percentage)';
  }

  /** The flag's value for one evaluation; undefined when none of its variables is set. */
  resolve(context: EvaluationContext): LayerResolution | undefined {
    if (!this.declared) return undefined;
    const { answers } = this;
    if (this.disabled) return answers.nobody;
    const key = context.targetingKey;
    if (this.ids) return key !== undefined && this.ids.has(key) ? answers.listed : answers.unlisted;
    if (this.percentage === undefined) return answers.everyone;
    if (key === undefined) return answers.unlisted;
    // The flag key seeds the hash as in flagd's `fractional`, so an id keeps its side when the rollout moves into a file.
    return this.bucketing.inPercent(this.flagKey + key, this.percentage) ? answers.splitIn : answers.splitOut;
  }

  private error(role: keyof EnvFlagMapping, variable: string, reason: string): CutoverProviderOptionError {
    return new CutoverProviderOptionError(`envFlags.${this.flagKey}.${role}`, reason, { envVariable: variable });
  }
}

function valueOf(env: Env, variable: string | undefined): string | undefined {
  const value = variable === undefined ? undefined : env[variable];
  return value === undefined || value.trim() === '' ? undefined : value;
}
