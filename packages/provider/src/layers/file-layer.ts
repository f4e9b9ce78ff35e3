import type { EvaluationContext } from '@openfeature/server-sdk';
import type { CompiledFlag } from '../flags/compiled-flag.js';
import type { Layer } from '../layer.js';
import type { LayerResolution } from '../layer-resolution.js';

/** Flags from flagd JSON files, merged in order (a later file wins on a key). */
export class FileLayer implements Layer {
  readonly name = 'file';
  private flags: ReadonlyMap<string, CompiledFlag> = new Map();

  update(flags: ReadonlyMap<string, CompiledFlag>): void {
    this.flags = flags;
  }

  get(flagKey: string): CompiledFlag | undefined {
    return this.flags.get(flagKey);
  }

  all(): ReadonlyMap<string, CompiledFlag> {
    return this.flags;
  }

  resolve(flagKey: string, context: EvaluationContext): LayerResolution | undefined {
    return this.flags.get(flagKey)?.evaluate(context);
  }
}
