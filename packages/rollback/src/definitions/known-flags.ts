import type { FlagDefinition } from '@cutover/provider';

/** A flag file a rollback could not use, and why. */
export interface UnreadableFile {
  readonly file: string;
  readonly error: string;
}

/** The flag definitions a rollback chooses from, and the flag files it could not read. */
export interface KnownFlags {
  readonly definitions: ReadonlyMap<string, Readonly<FlagDefinition>>;
  readonly unreadable: readonly UnreadableFile[];
}
