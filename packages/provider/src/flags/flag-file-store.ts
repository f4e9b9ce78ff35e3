import type * as Crypto from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { changedFlagKeys } from './changed-flag-keys.js';
import type { CompiledFlag } from './compiled-flag.js';
import { FlagFileError } from './flag-file-error.js';
import type { FlagFileProblem } from './flag-file-error.js';
import { mergeFlagSets } from './flag-set.js';
import type { FlagSet } from './flag-set.js';
import { flagdSchemaWarnings, parseFlagFile } from './parse-flag-file.js';

/** What the store tells its owner. */
export interface FlagFileStoreListener {
  /** A valid change was applied; `flagsChanged` lists the keys whose definition changed. */
  changed(flagsChanged: string[]): void;
  /** A file could not be used; the last good configuration stays in force. */
  failed(error: FlagFileError): void;
  /** Every file is valid again after a failure. */
  recovered(): void;
  /** A file was applied although flagd's schemas would have it differ (see `parseFlagFile`); its flags serve. */
  warned(warnings: readonly FlagFileProblem[]): void;
}

/** Options of {@link FlagFileStore}. */
export interface FlagFileStoreOptions {
  readonly files: readonly string[];
  /** The rollback overlay, read last; a missing overlay is an empty one. */
  readonly overlay?: string | undefined;
  readonly watch: boolean;
  readonly debounceMs: number;
  /** How `fractional` buckets. */
  readonly bucketing?: BucketingVersion;
  /** Reject a file with warnings instead of serving it. @default false */
  readonly strict?: boolean;
  readonly listener: FlagFileStoreListener;
}

/**
 * Holds the last good flag set of each file and keeps it current. A change is
 * parsed and validated in full before it replaces anything; a broken edit is
 * reported and leaves the previous flags in force.
 */
export class FlagFileStore {
  private readonly sets = new Map<string, FlagSet>();
  /** A digest of each file's last good text: a save that changed nothing is not parsed again, and the text itself is not kept. */
  private readonly digests = new Map<string, string>();
  private readonly broken = new Set<string>();
  private readonly watchers: FSWatcher[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per file, the tail of its reads: each waits for the one before. */
  private readonly queues = new Map<string, Promise<void>>();
  private merged = new Map<string, CompiledFlag>();
  /** Schema checks scheduled after a file's flags were applied and not yet done. */
  private readonly schemaChecks = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: FlagFileStoreOptions) {}

  /** Every file in order, the overlay last. */
  get files(): string[] {
    return this.options.overlay ? [...this.options.files, this.options.overlay] : [...this.options.files];
  }

  /** Loads every file, starts watching, and throws the first problem found (the other files still load). */
  async load(): Promise<void> {
    if (this.options.watch) this.watch();
    const errors: FlagFileError[] = [];
    for (const file of this.files) {
      const error = await this.inOrder(file, () => this.read(file));
      if (error) errors.push(error);
    }
    this.merged = mergeFlagSets(this.orderedSets());
    if (errors[0]) throw errors[0];
  }

  /** The merged flags of every file, overlay included. */
  flags(): ReadonlyMap<string, CompiledFlag> {
    return this.merged;
  }

  /** The merged last good flags of the flag files, without the overlay. */
  fileFlags(): ReadonlyMap<string, CompiledFlag> {
    return mergeFlagSets(this.options.files.flatMap((file) => this.sets.get(file) ?? []));
  }

  /** The overlay's flags, if an overlay is configured and present. */
  overlaySet(): FlagSet | undefined {
    return this.options.overlay ? this.sets.get(this.options.overlay) : undefined;
  }

  /** Files that failed their last load, with nothing newer to replace them. */
  brokenFiles(): string[] {
    return [...this.broken];
  }

  /**
   * Resolves once every file read so far has also been checked against
   * flagd's schemas. Without `strict` that check runs after the file's flags
   * serve, in a later turn, and its warnings join `warnings()` then.
   */
  async schemaChecked(): Promise<void> {
    while (this.schemaChecks.size > 0) await Promise.all(this.schemaChecks);
  }

  /** The warnings of the flag sets in force, file by file in order. */
  warnings(): FlagFileProblem[] {
    return this.orderedSets().flatMap((set) => set.warnings);
  }

  /**
   * Re-reads one file (the watcher calls this; tests and the CLI may too), after
   * any reload of it still under way: a slow read of an older save must never be
   * applied after a newer one, so the last write wins.
   */
  reload(file: string): Promise<void> {
    return this.inOrder(file, () => this.reloadNow(file));
  }

  private async reloadNow(file: string): Promise<void> {
    const wasBroken = this.broken.size > 0;
    const error = await this.read(file);
    if (error) return this.options.listener.failed(error);
    const before = this.merged;
    this.merged = mergeFlagSets(this.orderedSets());
    const changed = changedFlagKeys(before, this.merged);
    if (wasBroken && this.broken.size === 0) this.options.listener.recovered();
    if (changed.length > 0) this.options.listener.changed(changed);
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers) watcher.close();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.watchers.length = 0;
    this.timers.clear();
  }

  private async read(file: string): Promise<FlagFileError | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      if (file === this.options.overlay && (cause as NodeJS.ErrnoException).code === 'ENOENT') {
        this.sets.delete(file);
        this.digests.delete(file);
        this.broken.delete(file);
        return undefined;
      }
      return this.fail(new FlagFileError({ file, jsonPath: '', reason: `cannot read: ${(cause as Error).message}` }, { cause }));
    }
    const digest = digestOf(text);
    if (this.digests.get(file) === digest && !this.broken.has(file)) return undefined;
    try {
      const strict = this.options.strict ?? false;
      // Strict mode must refuse a deviation before serving; otherwise the schema waits for a later turn.
      const set = parseFlagFile(text, file, { bucketing: this.options.bucketing, strict, schemaWarnings: strict });
      this.sets.set(file, set);
      this.digests.set(file, digest);
      this.broken.delete(file);
      if (set.warnings.length > 0) this.options.listener.warned(set.warnings);
      if (!strict) this.checkSchemaLater(file, text, set);
      return undefined;
    } catch (error) {
      // Anything the parser throws (a bug, a rule nested past the stack) is a rejected
      // edit too: the last good flags stay, and a watcher's reload never rejects.
      if (error instanceof FlagFileError) return this.fail(error);
      return this.fail(new FlagFileError({ file, jsonPath: '', reason: `cannot be used: ${describe(error)}` }, { cause: error }));
    }
  }

  /** Adds the schema's warnings to `set` in a later turn, if `set` is still the file's by then. */
  private checkSchemaLater(file: string, text: string, set: FlagSet): void {
    const check = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      if (this.closed || this.sets.get(file) !== set) return;
      let warnings: FlagFileProblem[];
      try {
        warnings = flagdSchemaWarnings(text, file);
      } catch (error) {
        warnings = [{ file, jsonPath: '', reason: `could not be checked against flagd's schemas: ${describe(error)}` }];
      }
      if (warnings.length === 0) return;
      this.sets.set(file, { ...set, warnings: Object.freeze([...warnings, ...set.warnings]) });
      // Nothing awaits this turn but schemaChecked(): a listener's own bug must not become an unhandled rejection.
      try {
        this.options.listener.warned(warnings);
      } catch (error) {
        console.error(`cutover: reporting the schema warnings of ${file} failed: ${describe(error)}`);
      }
    });
    this.schemaChecks.add(check);
    void check.finally(() => this.schemaChecks.delete(check));
  }

  /** Runs `task` once every earlier task on `file` has settled, whatever their outcome. */
  private inOrder<T>(file: string, task: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(file) ?? Promise.resolve()).then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(file, settled);
    void settled.then(() => {
      if (this.queues.get(file) === settled) this.queues.delete(file);
    });
    return run;
  }

  private fail(error: FlagFileError): FlagFileError {
    this.broken.add(error.file);
    return error;
  }

  private orderedSets(): FlagSet[] {
    return this.files.flatMap((file) => this.sets.get(file) ?? []);
  }

  /**
   * Watches each file's directory rather than the file: editors and `git
   * checkout` replace files by rename, which ends a watch on the file itself.
   */
  private watch(): void {
    const byDir = new Map<string, Map<string, string>>();
    for (const file of this.files) {
      const dir = dirname(resolve(file));
      if (!byDir.has(dir)) byDir.set(dir, new Map());
      byDir.get(dir)!.set(basename(file), file);
    }
    for (const [dir, names] of byDir) {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        const file = name ? names.get(name.toString()) : undefined;
        if (file) this.schedule(file);
      });
      watcher.on('error', () => undefined);
      this.watchers.push(watcher);
    }
  }

  /** Coalesces the several events one save produces into one reload. */
  private schedule(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        // reload() reports every problem to the listener; this only keeps a listener's own bug from becoming an unhandled rejection.
        this.reload(file).catch((error: unknown) => console.error(`cutover: reloading ${file} failed: ${describe(error)}`));
      }, this.options.debounceMs),
    );
  }
}

/** node:crypto, loaded with the first file read: loading it costs a process start-up tens of milliseconds. */
let crypto: typeof Crypto | undefined;

/** A digest of a file's text, to tell a save that changed nothing without keeping the text. */
function digestOf(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return crypto.createHash('sha256').update(text).digest('base64');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
