import { CutoverProvider } from '@cutover/provider';
import type { EnvFlagStatus, FlagMappings } from '@cutover/provider';

/** A migration flag whose stage a `stages` mapping reads from boolean flags, as `cutover status` shows it. */
export interface StageMappingStatus {
  readonly flagKey: string;
  /** The stage served to a call without a targeting key (a split shows in `stageFrom` of each id). */
  readonly stage: string;
  /** The boolean flags read and their values, e.g. `PARALLEL_MODE=true,USE_NEW_NUTRIBOT=false`. */
  readonly stageFrom: string;
  /** The layer that answered the deciding flag. */
  readonly source: string;
}

/** What `cutover status` reports about flags that come from the environment. */
export interface EnvStatus {
  readonly envFlags: readonly EnvFlagStatus[];
  readonly stageMappings: readonly StageMappingStatus[];
}

/**
 * The declared env flags and stage mappings as this process's environment
 * and the flag files make them: the same provider the application builds,
 * so a malformed variable fails here as it fails the application's start.
 */
export async function collectEnvStatus(mappings: FlagMappings, files: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Promise<EnvStatus> {
  if (Object.keys(mappings.envFlags ?? {}).length === 0 && Object.keys(mappings.stages ?? {}).length === 0) return { envFlags: [], stageMappings: [] };
  const quiet = { error() {}, warn() {}, info() {}, debug() {} };
  const provider = new CutoverProvider({ ...mappings, files: [...files], rollbackOverlay: false, watch: false, env, logger: quiet });
  try {
    await provider.initialize().catch(() => undefined);
    const stageMappings: StageMappingStatus[] = [];
    for (const flagKey of Object.keys(mappings.stages ?? {})) {
      const answer = await provider.evaluate('string', flagKey, 'off', {});
      const stageFrom = answer.flagMetadata?.stageFrom;
      stageMappings.push({ flagKey, stage: answer.value, stageFrom: typeof stageFrom === 'string' ? stageFrom : (answer.errorMessage ?? ''), source: String(answer.flagMetadata?.source ?? 'default') });
    }
    return { envFlags: provider.envFlagStatus(), stageMappings };
  } finally {
    await provider.onClose();
  }
}
