/** What a chat sends to be analysed: the demo stands a described photo in for a real one. */
export interface MealPhoto {
  readonly chatId: string;
  readonly photoId: string;
  /** Indexes into the food catalogue, with portion sizes in grams: what is really on the plate. */
  readonly plate: ReadonlyArray<{ readonly food: number; readonly grams: number }>;
}

/** A small deterministic PRNG (mulberry32), so every run of the demo tells the same story. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates meal photos from `chats` chats, each with one to three foods. */
export function* mealPhotos(options: { readonly count: number; readonly chats: number; readonly foods: number; readonly seed: number }): Generator<MealPhoto> {
  const random = seededRandom(options.seed);
  for (let i = 0; i < options.count; i++) {
    const chat = Math.floor(random() * options.chats);
    const size = 1 + Math.floor(random() * 3);
    const plate = Array.from({ length: size }, () => ({ food: Math.floor(random() * options.foods), grams: 50 + Math.round(random() * 25) * 10 }));
    yield { chatId: `chat-${1000 + chat}`, photoId: `photo-${options.seed}-${i}`, plate };
  }
}
