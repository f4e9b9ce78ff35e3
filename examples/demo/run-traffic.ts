import { FOOD_CATALOG } from '../food-detection/food-catalog.js';
import { mealPhotos } from '../food-detection/meal-photo.js';
import type { FoodService } from './food-service.js';
import type { Narrator } from './narrator.js';

/** Options of {@link runTraffic}. */
export interface TrafficOptions {
  readonly label: string;
  readonly count: number;
  readonly seed: number;
  /** Requests in flight at once, as concurrent chats would send them. @default 8 */
  readonly concurrency?: number;
  /** Stops early when this returns true (checked between requests). */
  readonly until?: () => boolean;
}

/** Sends meal photos from 200 chats through the service; returns how many were sent and how many failed. */
export async function runTraffic(service: FoodService, narrator: Narrator, options: TrafficOptions): Promise<{ sent: number; failed: number }> {
  const photos = mealPhotos({ count: options.count, chats: 200, foods: FOOD_CATALOG.length, seed: options.seed });
  let sent = 0;
  let failed = 0;
  const worker = async () => {
    for (let next = photos.next(); !next.done; next = photos.next()) {
      if (options.until?.()) return;
      await service.detect(next.value).catch(() => failed++);
      sent++;
      narrator.progress(options.label, sent, options.count, failed > 0 ? `(${failed} failed)` : '');
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  if (sent < options.count) narrator.progress(options.label, options.count, options.count, `stopped after ${sent}`);
  return { sent, failed };
}
