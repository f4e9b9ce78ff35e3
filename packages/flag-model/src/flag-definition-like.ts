/**
 * The parts of a flagd flag definition the model reads. Any flag definition
 * (the provider's `FlagDefinition`, a parsed JSON object) fits, so the model
 * needs no flag-file parser of its own.
 */
export interface FlagDefinitionLike {
  readonly variants: Readonly<Record<string, unknown>>;
  readonly defaultVariant?: string | null;
  readonly targeting?: unknown;
  readonly metadata?: Readonly<Record<string, unknown>>;
}
