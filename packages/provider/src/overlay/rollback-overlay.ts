import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { FlagDefinition, FlagFileDocument } from '../flags/flag-definition.js';
import { mergeFlagSets } from '../flags/flag-set.js';
import { isMigrationFlag } from '../flags/migration-conventions.js';
import { parseFlagFile } from '../flags/parse-flag-file.js';
import { ROLLED_BACK } from '../layers/rollback-layer.js';
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
 * Writes rollbacks into the overlay file: a flagd file read last, by the
 * provider (rollback layer) and by flagd (last `--uri`), so one write reaches
 * this process, its restarts and a fleet. An entry copies the flag's variants
 * from git with `defaultVariant` set to the rollback variant and no targeting.
 * Writes are atomic (rename) and serialised by a lock file, so concurrent
 * guards on several instances never lose each other's entries.
 */
export class RollbackOverlay {
  constructor(private readonly options: RollbackOverlayOptions) {}

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
    await this.update((flags) => {
      for (const entry of entries) flags[entry.flagKey] = overlayFlag(definitions.get(entry.flagKey)!, entry);
    });
    return entries;
  }

  /** Lifts the rollback of the flags in `scope`; returns the keys cleared. */
  async clear(scope: RollbackScope): Promise<string[]> {
    const definitions = await this.definitions().catch(() => new Map<string, FlagDefinition>());
    let cleared: string[] = [];
    await this.update((flags) => {
      cleared = Object.keys(flags).filter((key) => flags[key]!.metadata?.[ROLLED_BACK] === true && inScope(key, flags[key]!, definitions, scope));
      for (const key of cleared) delete flags[key];
    });
    return cleared;
  }

  /** The rollbacks in force. */
  async list(): Promise<RollbackEntry[]> {
    const flags = (await this.read()).flags;
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

  private async read(): Promise<FlagFileDocument> {
    try {
      return JSON.parse(await readFile(this.options.path, 'utf8')) as FlagFileDocument;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { flags: {} };
      throw error;
    }
  }

  private async update(change: (flags: Record<string, FlagDefinition>) => void): Promise<void> {
    await mkdir(dirname(this.options.path), { recursive: true });
    // proper-lockfile locks an existing path; the directory always exists.
    const release = await lockfile.lock(dirname(this.options.path), {
      lockfilePath: `${this.options.path}.lock`,
      retries: { retries: 50, minTimeout: 10, maxTimeout: 100 },
      stale: 10_000,
    });
    try {
      const document = await this.read();
      const flags = { ...document.flags };
      change(flags);
      const next = { $schema: 'https://flagd.dev/schema/v0/flags.json', ...document, flags };
      await writeFileAtomic(this.options.path, `${JSON.stringify(next, null, 2)}\n`);
    } finally {
      await release();
    }
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
