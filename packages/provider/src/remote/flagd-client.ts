import type { Provider } from '@openfeature/server-sdk';

/**
 * The part of `FlagdProvider` (from `@openfeature/flagd-provider`) the remote
 * layer uses: its lifecycle, its connection events and its four resolvers.
 * Tests hand the layer a typed fake of it.
 */
export type FlagdClient = Required<Pick<Provider, 'initialize' | 'onClose' | 'events'>> &
  Pick<Provider, 'resolveBooleanEvaluation' | 'resolveStringEvaluation' | 'resolveNumberEvaluation' | 'resolveObjectEvaluation'>;
