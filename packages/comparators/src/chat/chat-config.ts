import { z } from 'zod';
import { resolveOptions } from '@cutover/core';

/** What the chat comparator holds two messages to. */
export interface ChatConfig {
  /**
   * Least `textSimilarity` between the texts. At 1 the texts must be equal
   * once whitespace is trimmed and collapsed; lower it for generated wording.
   * @default 1
   */
  readonly minTextSimilarity: number;
  /** Button labels must be equal (after trimming). @default true */
  readonly compareButtonLabels: boolean;
  /**
   * Button callback data and URLs must be equal. On by default because,
   * during a canary, a button sent by one path is pressed and handled by
   * either path, so callbacks are a protocol both must speak.
   * @default true
   */
  readonly compareButtonActions: boolean;
}

/** Options of the chat comparator; every field defaults. */
export type ChatOptions = Partial<ChatConfig>;

/** The defaults of {@link ChatConfig}. */
export const DEFAULT_CHAT_CONFIG: ChatConfig = {
  minTextSimilarity: 1,
  compareButtonLabels: true,
  compareButtonActions: true,
};

const schema = z.strictObject({
  minTextSimilarity: z.number().min(0).max(1),
  compareButtonLabels: z.boolean(),
  compareButtonActions: z.boolean(),
});

/** Merges options over the defaults; throws `InvalidOptionError` naming a bad option. */
export function resolveChatConfig(options?: ChatOptions): ChatConfig {
  return resolveOptions({ component: 'chat comparator', schema, defaults: DEFAULT_CHAT_CONFIG }, options);
}
