import { StandardResolutionReasons } from '@openfeature/server-sdk';
import type { EvaluationContext, FlagValue } from '@openfeature/server-sdk';
import type { Layer } from '../layer.js';
import type { LayerResolution } from '../layer-resolution.js';
import { staticResolution } from './static-resolution.js';

/**
 * Per-evaluation overrides carried by the evaluation context (seed 000: "check
 * override in context"): `{ [attribute]: { [flagKey]: value } }`. The
 * application builds the context, so it decides who may set this.
 */
export class ContextLayer implements Layer {
  readonly name = 'context';

  constructor(private readonly attribute: string) {}

  resolve(flagKey: string, context: EvaluationContext): LayerResolution | undefined {
    const overrides = context[this.attribute];
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides) || overrides instanceof Date) return undefined;
    if (!Object.hasOwn(overrides, flagKey)) return undefined;
    const value = (overrides as Record<string, FlagValue>)[flagKey]!;
    return staticResolution('context', value, { reason: StandardResolutionReasons.TARGETING_MATCH });
  }
}
