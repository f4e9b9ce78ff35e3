import { StandardResolutionReasons } from '@openfeature/server-sdk';
import type { FlagMetadata, FlagValue } from '@openfeature/server-sdk';
import type { LayerName, LayerResolution } from '../layer-resolution.js';

/** A fixed answer from a layer: the variant is the value itself when it is a primitive. */
export function staticResolution(
  source: LayerName,
  value: FlagValue,
  options: { reason?: string; variant?: string; metadata?: FlagMetadata } = {},
): LayerResolution {
  const variant = options.variant ?? (typeof value === 'object' ? undefined : String(value));
  return Object.freeze({
    value,
    ...(variant === undefined ? {} : { variant }),
    reason: options.reason ?? StandardResolutionReasons.STATIC,
    flagMetadata: Object.freeze({ ...options.metadata, source }),
  });
}
