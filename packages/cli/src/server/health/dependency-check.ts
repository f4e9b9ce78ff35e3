import type { CheckStatus } from './health-report.js';

/** What a dependency check may answer: nothing (it passed), or a status and a line an operator can act on. */
export interface DependencyFinding {
  /** @default 'pass' */
  readonly status?: Exclude<CheckStatus, 'skipped'>;
  readonly message?: string;
}

/**
 * A check of one of the application's own dependencies (a chat API, a model
 * API, its storage), reported by `/health` beside Cutover's own checks. A
 * check that throws, rejects or outlasts its timeout fails, alone: the other
 * checks still answer.
 */
export interface DependencyCheck {
  /** Its key in `/health` (`telegram`, `openai`, `storage`): unique, and none of Cutover's own check names. */
  readonly name: string;
  /** Resolves when the dependency is usable; `signal` is aborted at the timeout. */
  readonly check: (signal: AbortSignal) => Promise<void | DependencyFinding> | void | DependencyFinding;
  /** How long it may take, in ms. @default 2000 */
  readonly timeoutMs?: number;
  /** A failing critical check makes `/health` unhealthy (503); any other failure degrades it. @default false */
  readonly critical?: boolean;
}
