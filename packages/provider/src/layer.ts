import type { EvaluationContext } from '@openfeature/server-sdk';
import type { FlagType } from './flags/compiled-flag.js';
import type { LayerName, LayerResolution } from './layer-resolution.js';

/**
 * One source of flag values. The provider asks its layers in order of
 * precedence; the first that answers wins, `undefined` passes to the next.
 * Local layers answer synchronously; a remote one may return a promise.
 */
export interface Layer {
  readonly name: LayerName;
  resolve(flagKey: string, context: EvaluationContext, type: FlagType): LayerResolution | undefined | Promise<LayerResolution | undefined>;
}
