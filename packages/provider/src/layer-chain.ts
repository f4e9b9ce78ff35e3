import { holdsBackDependents, rollbackVariantOf } from '@cutover/flag-model';
import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { EvaluationContext } from '@openfeature/server-sdk';
import type { CompiledFlag, FlagType } from './flags/compiled-flag.js';
import type { Layer } from './layer.js';
import type { LayerResolution } from './layer-resolution.js';
import type { ContextLayer } from './layers/context-layer.js';
import type { EnvLayer } from './layers/env-layer.js';
import type { FileLayer } from './layers/file-layer.js';
import type { OverrideLayer } from './layers/override-layer.js';
import { isRolledBack } from './layers/rollback-layer.js';
import type { RollbackLayer } from './layers/rollback-layer.js';

/** The layers of a provider, by name, in order of precedence. */
export interface Layers {
  readonly override: OverrideLayer;
  readonly rollback: RollbackLayer;
  /** Absent when the provider's `contextOverrides` is off. */
  readonly context: ContextLayer | undefined;
  readonly env: EnvLayer;
  readonly remote: Layer | undefined;
  readonly file: FileLayer;
}

/** Layers whose answer a flag's `dependsOn` may still override; the layers above are explicit human decisions. */
const GATED: ReadonlySet<unknown> = new Set(['env', 'remote', 'file']);

/**
 * Asks the layers in order; the first answer wins, except that a remote
 * answer marked as a rollback also wins over the context and environment. A
 * migration flag whose `metadata.dependsOn` names a flag that is off (`"off"`
 * or `false`) serves its rollback variant instead: a service cannot move
 * ahead of what it depends on.
 *
 * The local layers are called one by one through their own fields rather than
 * through a loop over an array: each call site then sees one class and V8
 * inlines it, which keeps a static flag's evaluation free of dispatch.
 */
export class LayerChain {
  constructor(private readonly layers: Layers) {}

  /** The override or rollback of a flag, when one is in force: explicit decisions that no other layer changes. */
  fixed(flagKey: string): LayerResolution | undefined {
    return this.layers.override.resolve(flagKey) ?? this.layers.rollback.resolve(flagKey);
  }

  resolve(flagKey: string, type: FlagType, context: EvaluationContext, visiting?: readonly string[]): LayerResolution | Promise<LayerResolution> {
    const { override, rollback, env, remote, file } = this.layers;
    const fixed = override.resolve(flagKey) ?? rollback.resolve(flagKey);
    if (fixed) return fixed;
    // Looked up once: the file layer's flag answers last, and its dependsOn gates the layers below the explicit ones.
    const flag = file.get(flagKey);
    const fromContext = this.layers.context?.resolve(flagKey, context);
    const local = fromContext ?? env.resolve(flagKey, context, type);
    if (local) {
      const answer = (): LayerResolution | Promise<LayerResolution> => (fromContext ?? this.gate(local, flag, context, visiting));
      return remote ? this.unlessRolledBack(remote.resolve(flagKey, context, type), answer) : answer();
    }
    if (remote) {
      const fromRemote = remote.resolve(flagKey, context, type);
      if (fromRemote instanceof Promise) {
        return fromRemote.then((answer) => this.gate(answer ?? flag?.evaluate(context) ?? notFound(flagKey), flag, context, visiting));
      }
      if (fromRemote) return this.gate(fromRemote, flag, context, visiting);
    }
    if (!flag) return notFound(flagKey);
    const fromFile = flag.evaluate(context);
    return flag.dependsOn.length === 0 ? fromFile : this.gate(fromFile, flag, context, visiting);
  }

  /**
   * A rollback flagd serves (its copy of the overlay, marked `rolledBack`) wins
   * over the context and environment, as the local overlay's does: otherwise a
   * request or an instance could undo a fleet rollback.
   */
  private unlessRolledBack(
    fromRemote: LayerResolution | undefined | Promise<LayerResolution | undefined>,
    otherwise: () => LayerResolution | Promise<LayerResolution>,
  ): LayerResolution | Promise<LayerResolution> {
    const decide = (answer: LayerResolution | undefined) => (answer && isRolledBack(answer.flagMetadata) ? answer : otherwise());
    return fromRemote instanceof Promise ? fromRemote.then(decide) : decide(fromRemote);
  }

  private gate(answer: LayerResolution, flag: CompiledFlag | undefined, context: EvaluationContext, visiting: readonly string[] | undefined): LayerResolution | Promise<LayerResolution> {
    if (!flag || flag.dependsOn.length === 0 || !GATED.has(answer.flagMetadata.source) || visiting?.includes(flag.key)) return answer;
    const dependencies = flag.dependsOn;
    const rollbackVariant = rollbackVariantOf(flag);
    const path = [...(visiting ?? []), flag.key];
    const states = dependencies.map((dependency) => this.resolve(dependency, this.layers.file.get(dependency)?.type ?? 'string', context, path));
    const decide = (resolved: LayerResolution[]): LayerResolution => {
      const blocker = resolved.findIndex((r) => holdsBackDependents(r.value));
      if (blocker < 0) return answer;
      return Object.freeze({
        value: rollbackVariant === undefined ? undefined : flag.definition.variants[rollbackVariant],
        variant: rollbackVariant,
        reason: StandardResolutionReasons.TARGETING_MATCH,
        flagMetadata: Object.freeze({ ...answer.flagMetadata, blockedBy: dependencies[blocker]! }),
      });
    };
    return states.some((s) => s instanceof Promise) ? Promise.all(states).then(decide) : decide(states as LayerResolution[]);
  }
}

function notFound(flagKey: string): LayerResolution {
  return {
    value: undefined,
    reason: StandardResolutionReasons.ERROR,
    errorCode: ErrorCode.FLAG_NOT_FOUND,
    errorMessage: `flag "${flagKey}" is defined by no layer`,
    flagMetadata: { source: 'default' },
  };
}
