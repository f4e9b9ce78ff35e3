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
import type { RollbackLayer } from './layers/rollback-layer.js';

/** The layers of a provider, by name, in order of precedence. */
export interface Layers {
  readonly override: OverrideLayer;
  readonly rollback: RollbackLayer;
  readonly context: ContextLayer;
  readonly env: EnvLayer;
  readonly remote: Layer | undefined;
  readonly file: FileLayer;
}

/** Layers whose answer a flag's `dependsOn` may still override; the layers above are explicit human decisions. */
const GATED: ReadonlySet<unknown> = new Set(['env', 'remote', 'file']);

/**
 * Asks the layers in order; the first answer wins. A migration flag whose
 * `metadata.dependsOn` names a flag that is off (`"off"` or `false`) serves its
 * rollback variant instead: a service cannot move ahead of what it depends on.
 *
 * The local layers are called one by one through their own fields rather than
 * through a loop over an array: each call site then sees one class and V8
 * inlines it, which keeps a static flag's evaluation free of dispatch.
 */
export class LayerChain {
  constructor(private readonly layers: Layers) {}

  resolve(flagKey: string, type: FlagType, context: EvaluationContext, visiting?: readonly string[]): LayerResolution | Promise<LayerResolution> {
    const { override, rollback, env, remote, file } = this.layers;
    const explicit = override.resolve(flagKey) ?? rollback.resolve(flagKey) ?? this.layers.context.resolve(flagKey, context);
    if (explicit) return explicit;
    // Looked up once: the file layer's flag answers last, and its dependsOn gates the layers below the explicit ones.
    const flag = file.get(flagKey);
    const fromEnv = env.resolve(flagKey, context, type);
    if (fromEnv) return this.gate(fromEnv, flag, context, visiting);
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
