import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { LayerResolution } from './layer-resolution.js';
import { nearestKeys } from './nearest-keys.js';

// Keys come from code, so few; the bound keeps a caller that invents keys from growing the map.
const MAX_CACHED = 256;

/**
 * The answers for keys no layer defines. A missing flag is most often a typo,
 * so each names the nearest keys the layers know; computed once per key until
 * the flags change ({@link clear}).
 */
export class NotFoundAnswers {
  private readonly answers = new Map<string, LayerResolution>();

  /** @param known every key the layers know now */
  constructor(private readonly known: () => Iterable<string>) {}

  get(flagKey: string): LayerResolution {
    const cached = this.answers.get(flagKey);
    if (cached) return cached;
    const nearest = nearestKeys(flagKey, this.known());
    const hint = nearest.length === 0 ? '' : `; did you mean ${nearest.map((key) => `"${key}"`).join(', ')}?`;
    const answer: LayerResolution = Object.freeze({
      value: undefined,
      reason: StandardResolutionReasons.ERROR,
      errorCode: ErrorCode.FLAG_NOT_FOUND,
      errorMessage: `flag "${flagKey}" is defined by no layer${hint}`,
      flagMetadata: Object.freeze({ source: 'default', ...(nearest.length === 0 ? {} : { nearest: nearest.join(',') }) }),
    });
    if (this.answers.size < MAX_CACHED) this.answers.set(flagKey, answer);
    return answer;
  }

  /** Forgets every answer: the known keys changed. */
  clear(): void {
    this.answers.clear();
  }
}
