import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { EvaluationContext } from '@openfeature/server-sdk';
import type { FlagType } from './flags/compiled-flag.js';
import { dependenciesOf } from './flags/migration-conventions.js';
import type { Layer } from './layer.js';
import type { LayerResolution } from './layer-resolution.js';
import type { FileLayer } from './layers/file-layer.js';

/** Layers whose answer a flag's `dependsOn` may still override; the layers above are explicit human decisions. */
const GATED: ReadonlySet<string> = new Set(['env', 'remote', 'file']);

/**
 * Asks the layers in order; the first answer wins. A migration flag whose
 * `metadata.dependsOn` names a flag that is off (`"off"` or `false`) serves its
 * rollback variant instead (seed 003: a service cannot move ahead of what it
 * depends on).
 */
export class LayerChain {
  constructor(
    private readonly layers: readonly Layer[],
    private readonly files: FileLayer,
  ) {}

  resolve(flagKey: string, type: FlagType, context: EvaluationContext, visiting: readonly string[] = []): LayerResolution | Promise<LayerResolution> {
    for (let i = 0; i < this.layers.length; i++) {
      const answer = this.layers[i]!.resolve(flagKey, context, type);
      if (answer instanceof Promise) return this.resolveAsync(answer, i, flagKey, type, context, visiting);
      if (answer) return this.gate(answer, flagKey, context, visiting);
    }
    return notFound(flagKey);
  }

  private async resolveAsync(
    pending: Promise<LayerResolution | undefined>,
    index: number,
    flagKey: string,
    type: FlagType,
    context: EvaluationContext,
    visiting: readonly string[],
  ): Promise<LayerResolution> {
    let answer = await pending;
    for (let i = index + 1; !answer && i < this.layers.length; i++) answer = await this.layers[i]!.resolve(flagKey, context, type);
    return answer ? this.gate(answer, flagKey, context, visiting) : notFound(flagKey);
  }

  private gate(answer: LayerResolution, flagKey: string, context: EvaluationContext, visiting: readonly string[]): LayerResolution | Promise<LayerResolution> {
    if (!GATED.has(answer.flagMetadata.source as string)) return answer;
    const flag = this.files.get(flagKey);
    const dependencies = flag ? dependenciesOf(flag.definition) : [];
    if (dependencies.length === 0 || visiting.includes(flagKey)) return answer;
    const rollbackVariant = flag!.metadata.rollbackVariant as string;
    const states = dependencies.map((dependency) => {
      const type = this.files.get(dependency)?.type ?? 'string';
      return this.resolve(dependency, type, context, [...visiting, flagKey]);
    });
    const decide = (resolved: LayerResolution[]): LayerResolution => {
      const blocker = resolved.findIndex((r) => r.value === 'off' || r.value === false);
      if (blocker < 0) return answer;
      return Object.freeze({
        value: flag!.definition.variants[rollbackVariant],
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
