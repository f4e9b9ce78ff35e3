import type { FlagMetadata, FlagValue, ResolutionDetails } from '@openfeature/server-sdk';

/** The names of the layers, as reported in `flagMetadata.source`. */
export type LayerName = 'override' | 'rollback' | 'context' | 'env' | 'remote' | 'file' | 'default';

/**
 * What a layer answers for a flag. `value: undefined` means "serve the caller's
 * default" (a DISABLED flag, a null `defaultVariant`), as flagd does.
 * `flagMetadata.source` names the layer.
 */
export type LayerResolution = ResolutionDetails<FlagValue | undefined> & { readonly flagMetadata: FlagMetadata };
