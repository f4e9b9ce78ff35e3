/** One flag declared in `envFlags`, as `cutover status` shows it. */
export interface EnvFlagStatus {
  readonly flagKey: string;
  /** Each declared variable and its value; undefined when unset. */
  readonly variables: Readonly<Record<string, string | undefined>>;
  /** What the variables decide, in words. */
  readonly summary: string;
}
