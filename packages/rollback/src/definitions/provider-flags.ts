import type { CutoverProvider } from '@cutover/provider';
import type { KnownFlags } from './known-flags.js';

/**
 * The flags a provider already holds: the last good definitions of its flag
 * files (without the overlay, whose entries a rollback replaces), read without
 * touching the disk. A file whose last edit it rejected is reported; its last
 * good flags, if it ever had any, are still known.
 */
export function providerFlags(provider: Pick<CutoverProvider, 'flagDefinitions' | 'getFileStatus' | 'config'>): KnownFlags {
  const overlay = provider.config.rollbackOverlay;
  const broken = provider.getFileStatus().broken.filter((file) => file !== overlay);
  return {
    definitions: provider.flagDefinitions({ overlay: false }),
    unreadable: broken.map((file) => ({ file, error: 'the provider rejected its last edit; its last good flags are used' })),
  };
}
