import type { FoodDetection } from '@cutover/comparators/nutrition';
import { foodDetectionComparator } from '@cutover/comparators/nutrition';
import type { MigrationStage } from '@cutover/flag-model';
import type { Cutover } from 'cutover';
import { candidateDetector } from '../food-detection/candidate-detector.js';
import type { CandidateFaults } from '../food-detection/candidate-detector.js';
import { legacyDetector } from '../food-detection/legacy-detector.js';
import type { MealPhoto } from '../food-detection/meal-photo.js';

/** The flag of the demo's migration (in flags/nutribot.flagd.json). */
export const FOOD_FLAG = 'nutribot.food-detection';

/** The demo's service: Nutribot's food detection, migrating from the legacy pipeline to the new one. */
export interface FoodService {
  /** Detects the foods on a photo, taking the path the flag's stage says for this chat. */
  detect(photo: MealPhoto): Promise<FoodDetection>;
  /** What the demo breaks in the new pipeline. */
  readonly faults: CandidateFaults;
  /** Calls per stage served since the last `resetCounts()`. */
  readonly stages: Map<MigrationStage, number>;
  resetCounts(): void;
}

/** Wires the runner: the flag through the OpenFeature client, the nutrition comparator, the store, the metrics. */
export function createFoodService(cutover: Pick<Cutover, 'migration'>): FoodService {
  const faults: CandidateFaults = { errorRate: 0, slowdown: 1 };
  const stages = new Map<MigrationStage, number>();
  const quiet = { error() {}, warn() {}, info() {}, debug() {} };
  const migration = cutover.migration<MealPhoto, FoodDetection>({
    flagKey: FOOD_FLAG,
    read: { legacy: legacyDetector, candidate: candidateDetector(faults) },
    compare: foodDetectionComparator(),
    redact: (photo) => ({ chatId: photo.chatId, photoId: photo.photoId, plate: photo.plate }),
    logger: quiet,
    // A failing new path degrades to the legacy answer instead of failing the chat.
    options: { fallbackToLegacy: true, candidateTimeoutMs: 250 },
    listeners: [
      (event) => {
        if (event.type === 'stage') stages.set(event.stage, (stages.get(event.stage) ?? 0) + 1);
      },
    ],
  });
  return {
    detect: (photo) => migration.read(photo, { targetingKey: photo.chatId, chatId: photo.chatId }),
    faults,
    stages,
    resetCounts: () => stages.clear(),
  };
}
