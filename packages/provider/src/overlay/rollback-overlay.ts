import { readFile } from 'node:fs/promises';
import { isMigrationFlag } from '@cutover/flag-model';
import type { FlagDefinition } from '../flags/flag-definition.js';
import { mergeFlagSets } from '../flags/flag-set.js';
import { parseFlagFile } from '../flags/parse-flag-file.js';
import { ROLLED_BACK } from '../layers/rollback-layer.js';
import { OverlayFile } from './overlay-file.js';
import { describeScope } from './rollback-scope.js';
import type { RollbackScope } from './rollback-scope.js';

/** One rolled-back flag as the overlay records it. */
export interface RollbackEntry {
  readonly flagKey: string;
  readonly variant: string;
  readonly reason: string;
  readonly at: string;
  readonly by: string;
}

/** Options of {@link RollbackOverlay}. */
export interface RollbackOverlayOptions {
  /** The overlay file. */
  readonly path: string;
  /** The flag files in git, whose definitions a rollback copies. */
  readonly files: readonly string[];
}

/** Asking to roll back something that cannot be: an unknown flag, a flag without `rollbackVariant`, an empty scope. */
export class RollbackError extends Error {
  readonly code = 'ROLLBACK_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'RollbackError';
  }
}

/**
 * Writes rollbacks into the overlay file (see {@link OverlayFile}), so one
 * write reaches this process, its restarts and a fleet. An entry copies the
 * flag's variants from git with `defaultVariant` set to the rollback variant
 * and no targeting, marked `rolledBack`.
 */
export class RollbackOverlay {
  private readonly file: OverlayFile;

  constructor(private readonly options: RollbackOverlayOptions) {
    this.file = new OverlayFile(options.path);
  }

  /** Rolls back every migration flag in `scope`; returns the entries written. */
  async rollback(scope: RollbackScope, details: { reason: string; by: string; at?: Date }): Promise<RollbackEntry[]> {
    const definitions = await this.definitions();
    const keys = selectKeys(definitions, scope);
    if ('flag' in scope && !definitions.has(scope.flag)) throw new RollbackError(`flag "${scope.flag}" is in none of the flag files`);
    if (keys.length === 0) throw new RollbackError(`no migration flag (metadata.kind = "migration") in ${describeScope(scope)}`);
    const at = (details.at ?? new Date()).toISOString();
    const entries = keys.map((flagKey) => {
      const variant = definitions.get(flagKey)!.metadata?.rollbackVariant;
      if (typeof variant !== 'string') throw new RollbackError(`flag "${flagKey}" has no metadata.rollbackVariant`);
      return { flagKey, variant, reason: details.reason, at, by: details.by };
    });
    await this.file.update((flags) => {
      for (const entry of entries) flags[entry.flagKey] = overlayFlag(definitions.get(entry.flagKey)!, entry);
    });
    return entries;
  }

  /** Lifts the rollback of the flags in `scope`; returns the keys cleared. */
  async clear(scope: RollbackScope): Promise<string[]> {
    const definitions = await this.definitions().catch(() => new Map<string, FlagDefinition>());
    return this.file.update((flags) => {
      const cleared = Object.keys(flags).filter((key) => flags[key]!.metadata?.[ROLLED_BACK] === true && inScope(key, flags[key]!, definitions, scope));
      for (const key of cleared) delete flags[key];
      return cleared;
    });
  }

  /** The rollbacks in force. */
  async list(): Promise<RollbackEntry[]> {
    const flags = (await this.file.read()).flags;
    return Object.entries(flags)
      .filter(([, flag]) => flag.metadata?.[ROLLED_BACK] === true)
      .map(([flagKey, flag]) => ({
        flagKey,
        variant: String(flag.defaultVariant),
        reason: String(flag.metadata?.rollbackReason ?? ''),
        at: String(flag.metadata?.rolledBackAt ?? ''),
        by: String(flag.metadata?.rolledBackBy ?? ''),
      }));
  }

  /** The merged definitions of the git flag files. */
  private async definitions(): Promise<Map<string, FlagDefinition>> {
    const sets = await Promise.all(this.options.files.map(async (file) => parseFlagFile(await readFile(file, 'utf8'), file)));
    return new Map([...mergeFlagSets(sets)].map(([key, flag]) => [key, flag.definition]));
  }
}

function overlayFlag(definition: FlagDefinition, entry: RollbackEntry): FlagDefinition {
  return {
    state: 'ENABLED',
    variants: definition.variants,
    defaultVariant: entry.variant,
    metadata: { ...definition.metadata, [ROLLED_BACK]: true, rollbackReason: entry.reason, rolledBackAt: entry.at, rolledBackBy: entry.by },
  };
}

function selectKeys(definitions: ReadonlyMap<string, FlagDefinition>, scope: RollbackScope): string[] {
  return [...definitions].filter(([key, flag]) => inScope(key, flag, definitions, scope) && isMigrationFlag(flag)).map(([key]) => key);
}

function inScope(key: string, flag: FlagDefinition, definitions: ReadonlyMap<string, FlagDefinition>, scope: RollbackScope): boolean {
  if ('all' in scope) return true;
  if ('flag' in scope) return key === scope.flag;
  return (definitions.get(key) ?? flag).metadata?.group === scope.group;
}
