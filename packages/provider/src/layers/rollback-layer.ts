import { DEFAULT_PATHS } from '@cutover/core';
import type { FlagMetadata } from '@openfeature/server-sdk';
import type { Layer } from '../layer.js';
import type { LayerResolution } from '../layer-resolution.js';
import type { FlagSet } from '../flags/flag-set.js';
import { staticResolution } from './static-resolution.js';

/** The metadata key that marks a flag in the rollback overlay as rolled back. */
export const ROLLED_BACK = 'rolledBack';

/** The overlay's file name when none is configured: beside the first flag file. */
export const ROLLBACK_OVERLAY_FILE = DEFAULT_PATHS.overlayFile;

/**
 * Whether flag metadata marks a rollback. The overlay writes the mark into each
 * entry's `metadata`; flagd passes flag metadata through its sync stream and its
 * evaluation answers, so a remote answer carries the mark too.
 */
export function isRolledBack(metadata: FlagMetadata | undefined): boolean {
  return metadata?.[ROLLED_BACK] === true;
}

/**
 * Rollbacks from the durable overlay file. A rolled-back flag serves its
 * overlay `defaultVariant` (the rollback variant) to everyone, above context
 * and environment overrides, so nothing a request carries can undo it. (A
 * rollback flagd serves from its copy of the overlay is the remote layer's
 * answer; the layer chain puts it above context and environment too.)
 */
export class RollbackLayer implements Layer {
  readonly name = 'rollback';
  private answers = new Map<string, LayerResolution>();

  /** Replaces the rollbacks with those in the overlay's flag set. */
  update(overlay: FlagSet | undefined): void {
    const answers = new Map<string, LayerResolution>();
    for (const [key, flag] of overlay?.flags ?? []) {
      const variant = flag.defaultVariant;
      if (!isRolledBack(flag.metadata) || variant === null) continue;
      const value = flag.definition.variants[variant]!;
      answers.set(key, staticResolution('rollback', value, { variant, metadata: flag.metadata }));
    }
    this.answers = answers;
  }

  /** The keys rolled back now. */
  keys(): string[] {
    return [...this.answers.keys()];
  }

  resolve(flagKey: string): LayerResolution | undefined {
    return this.answers.get(flagKey);
  }
}
