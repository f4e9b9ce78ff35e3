import type { FoodDetection } from '@cutover/comparators/nutrition';
import { FOOD_CATALOG } from './food-catalog.js';
import { macrosOf } from './legacy-detector.js';
import type { MealPhoto } from './meal-photo.js';
import { seededRandom } from './meal-photo.js';

/** What the demo can break in the new pipeline, to show the guard at work. */
export interface CandidateFaults {
  /** Share of calls that fail (the model endpoint errors out). */
  errorRate: number;
  /** Latency multiplier. */
  slowdown: number;
}

/**
 * The new food-detection pipeline: faster (4–7 ms), writes names its own way,
 * estimates portions within a few percent (acceptable variance), and on about
 * one photo in forty misjudges a portion badly (a true difference the
 * comparator must catch). `faults` lets the demo inject a regression.
 */
export function candidateDetector(faults: CandidateFaults) {
  return async (photo: MealPhoto, run?: { signal?: AbortSignal }): Promise<FoodDetection> => {
    const random = seededRandom(hashOf(photo.photoId));
    await new Promise((resolve) => setTimeout(resolve, (4 + random() * 3) * faults.slowdown));
    if (run?.signal?.aborted) throw new Error('aborted');
    if (random() < faults.errorRate) throw new Error('vision model: 503 upstream overloaded');
    const misjudged = random() < 1 / 40;
    return {
      items: photo.plate.map(({ food, grams }, index) => {
        const estimate = Math.round(grams * (misjudged && index === 0 ? 1.3 : 1 + (random() - 0.5) * 0.04));
        return { name: FOOD_CATALOG[food]!.modelName, amount: estimate, unit: 'grams', ...macrosOf(food, estimate) };
      }),
    };
  };
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
