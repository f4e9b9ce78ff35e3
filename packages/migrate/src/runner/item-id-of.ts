import type { EvaluationContext } from '@openfeature/server-sdk';
import type { CallbackContainment } from './callback-containment.js';

/** Longest item id kept: an id names an item, it is not a payload. */
export const MAX_ITEM_ID_LENGTH = 256;

/** Names the item a call is about, from its input and the caller's evaluation context. */
export type ItemIdOf<I> = (input: I, context: EvaluationContext | undefined) => string | number | undefined;

/** What {@link itemIdOf} reads. */
export interface ItemIdRequest<I> {
  readonly input: I;
  readonly context: EvaluationContext | undefined;
  /** The migration's own naming; without it, the context's targeting key (what a flag buckets on). */
  readonly itemId: ItemIdOf<I> | undefined;
  readonly containment: CallbackContainment;
}

/** The id of the item a compared call is about, cut to {@link MAX_ITEM_ID_LENGTH}; `undefined` when there is none. */
export function itemIdOf<I>({ input, context, itemId, containment }: ItemIdRequest<I>): string | undefined {
  const id = itemId ? containment.run('itemId', () => itemId(input, context), undefined) : context?.targetingKey;
  if (id === undefined || id === '') return undefined;
  const text = String(id);
  return text.length > MAX_ITEM_ID_LENGTH ? text.slice(0, MAX_ITEM_ID_LENGTH) : text;
}
