import type { FlagValue } from '@openfeature/server-sdk';

/** Metadata values flagd allows on a flag or a flag set. */
export type MetadataValue = string | number | boolean;

/** One flag as written in a flagd JSON file. */
export interface FlagDefinition {
  readonly state: 'ENABLED' | 'DISABLED';
  readonly defaultVariant?: string | null;
  readonly variants: Readonly<Record<string, FlagValue>>;
  readonly targeting?: unknown;
  readonly metadata?: Readonly<Record<string, MetadataValue>>;
}

/** A flagd JSON file: flags, shared `$evaluators`, flag-set metadata. */
export interface FlagFileDocument {
  readonly $schema?: string;
  readonly flags: Readonly<Record<string, FlagDefinition>>;
  readonly $evaluators?: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, MetadataValue>>;
}
