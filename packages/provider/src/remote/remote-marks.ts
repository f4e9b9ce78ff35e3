import type { LayerResolution } from '../layer-resolution.js';

/**
 * Marks the answers of flags synced from flagd as the remote layer's
 * (`source: 'remote'`), and `stale: true` while the stream is down. A
 * compiled flag returns the same frozen object for the same outcome, so each
 * marked copy is made once and reused: a synced flag's evaluation allocates
 * no more than a file flag's.
 */
export class RemoteMarks {
  private readonly fresh = new WeakMap<LayerResolution, LayerResolution>();
  private readonly stale = new WeakMap<LayerResolution, LayerResolution>();

  /** The answer as flagd's current configuration gives it. */
  current(answer: LayerResolution): LayerResolution {
    return this.mark(this.fresh, answer, { source: 'remote' });
  }

  /** The answer from the last configuration flagd sent, while the stream is down. */
  lastSynced(answer: LayerResolution): LayerResolution {
    return this.mark(this.stale, answer, { source: 'remote', stale: true });
  }

  private mark(cache: WeakMap<LayerResolution, LayerResolution>, answer: LayerResolution, metadata: Record<string, string | boolean>): LayerResolution {
    let marked = cache.get(answer);
    if (!marked) {
      marked = Object.freeze({ ...answer, flagMetadata: Object.freeze({ ...answer.flagMetadata, ...metadata }) });
      cache.set(answer, marked);
    }
    return marked;
  }
}
