/** The outcome of a stage or rollout change: the file before and after, and the diff between them. */
export interface FlagEdit {
  /** The flag file edited (or that would be, on a dry run). */
  readonly file: string;
  readonly flagKey: string;
  /** `stage`, `rollout` or `phase`, as the audit log names the action. */
  readonly action: 'stage' | 'rollout' | 'phase';
  /** The flag's targeting before and after, in words (`shadow`, `live 10 % / shadow 90 %`). */
  readonly from: string;
  readonly to: string;
  /** The whole file before and after. */
  readonly before: string;
  readonly after: string;
  /** Unified diff of the file; empty when nothing changed. */
  readonly diff: string;
  /** Whether the file was written (false on a dry run or when nothing changed). */
  readonly written: boolean;
  /** The numbers behind the change, for the audit record. */
  readonly details: Readonly<Record<string, unknown>>;
  /** Things the operator should know: targeting rules removed, a forced transition. */
  readonly warnings: readonly string[];
}
