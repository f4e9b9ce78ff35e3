import type { Difference } from '@cutover/comparators';

// Paths come from comparators and may carry indices or keys without bound;
// past this many the filter stops learning rather than grow.
const MAX_PATHS = 1024;

/**
 * Diffy's noise cancellation: paths where legacy disagreed with itself are
 * noise. Learned paths stay for the migration's lifetime, so the sampled
 * second runs clean every comparison, not only their own.
 */
export class NoiseFilter {
  private readonly paths = new Set<string>();

  /** Remembers the paths of differences between two legacy runs. */
  learn(differences: readonly Difference[]): void {
    for (const { path } of differences) {
      if (this.paths.size >= MAX_PATHS) return;
      this.paths.add(path);
    }
  }

  /** Splits differences into those that count and those at (or under) a noisy path. */
  split(differences: readonly Difference[]): { kept: Difference[]; noisy: string[] } {
    const kept: Difference[] = [];
    const noisy: string[] = [];
    for (const difference of differences) {
      if (this.paths.size > 0 && this.isNoisy(difference.path)) noisy.push(difference.path);
      else kept.push(difference);
    }
    return { kept, noisy };
  }

  /** The paths learned so far. */
  noisyPaths(): string[] {
    return [...this.paths];
  }

  private isNoisy(path: string): boolean {
    if (this.paths.has(path)) return true;
    // `$.meta` being noisy makes `$.meta.at` and `$.meta[0]` noisy too.
    for (let i = path.length - 1; i > 0; i--) {
      const c = path[i];
      if ((c === '.' || c === '[') && this.paths.has(path.slice(0, i))) return true;
    }
    return false;
  }
}
