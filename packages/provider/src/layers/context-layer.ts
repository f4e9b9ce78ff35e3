import { isDeepStrictEqual } from 'node:util';
import { LogThrottle } from '@cutover/core';
import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { EvaluationContext, FlagValue, Logger } from '@openfeature/server-sdk';
import type { Layer } from '../layer.js';
import type { LayerResolution } from '../layer-resolution.js';
import { staticResolution } from './static-resolution.js';

/** Options of {@link ContextLayer}. */
export interface ContextLayerOptions {
  /** The evaluation-context attribute that carries the overrides. */
  readonly attribute: string;
  /** A flag's variants as the flag files define it; `undefined` for a flag they do not define. */
  readonly variantsOf: (flagKey: string) => Readonly<Record<string, FlagValue>> | undefined;
  /** Where refused overrides are logged (throttled per flag). */
  readonly logger: Logger;
}

/**
 * Per-evaluation overrides carried by the evaluation context:
 * `{ [attribute]: { [flagKey]: variant or value } }`. The application builds
 * the context, so it decides who may set this; contexts built from untrusted
 * input must have the attribute stripped (or the layer switched off).
 *
 * An override must name a variant of the flag, or equal a variant's value: a
 * stage the flag does not have would send the caller down a path nobody
 * rolled out. Anything else is TYPE_MISMATCH (the caller's default) and is
 * logged. A flag the files do not define is checked against the requested
 * type only.
 */
export class ContextLayer implements Layer {
  readonly name = 'context';
  private readonly throttle = new LogThrottle();

  constructor(private readonly options: ContextLayerOptions) {}

  resolve(flagKey: string, context: EvaluationContext): LayerResolution | undefined {
    const overrides = context[this.options.attribute];
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides) || overrides instanceof Date) return undefined;
    if (!Object.hasOwn(overrides, flagKey)) return undefined;
    const value = (overrides as Record<string, FlagValue>)[flagKey]!;
    const variants = this.options.variantsOf(flagKey);
    if (!variants) return staticResolution('context', value, { reason: StandardResolutionReasons.TARGETING_MATCH });
    const variant = variantOf(variants, value);
    if (variant === undefined) return this.refuse(flagKey, value, variants);
    return staticResolution('context', variants[variant]!, { reason: StandardResolutionReasons.TARGETING_MATCH, variant });
  }

  private refuse(flagKey: string, value: unknown, variants: Readonly<Record<string, FlagValue>>): LayerResolution {
    const errorMessage = `${this.options.attribute}.${flagKey} = ${preview(value)} is not a variant of the flag (${Object.keys(variants).join(', ')})`;
    const { count, log } = this.throttle.record(flagKey);
    if (log === 'full') this.options.logger.warn(`cutover: ${errorMessage}; served the caller's default`);
    if (log === 'summary') this.options.logger.warn(`cutover: ${count} overrides of ${flagKey} refused so far, the last: ${errorMessage}`);
    return { value: undefined, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.TYPE_MISMATCH, errorMessage, flagMetadata: { source: 'context' } };
  }
}

/** The variant an override names: the one whose value it equals, else the one it names. */
function variantOf(variants: Readonly<Record<string, FlagValue>>, value: unknown): string | undefined {
  const byValue = Object.keys(variants).find((name) => isDeepStrictEqual(variants[name], value));
  if (byValue !== undefined) return byValue;
  return typeof value === 'string' && Object.hasOwn(variants, value) ? value : undefined;
}

/** The override as it appears in a message: JSON, cut short, since it comes from the caller. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
