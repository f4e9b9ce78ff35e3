import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_CONFIG, resolveChatConfig } from './chat-config.js';

describe(resolveChatConfig.name, () => {
  it('defaults to exact text and full button comparison', () => {
    expect(resolveChatConfig()).toEqual({ minTextSimilarity: 1, compareButtonLabels: true, compareButtonActions: true });
    expect(resolveChatConfig({})).toEqual(DEFAULT_CHAT_CONFIG);
  });

  it('names the bad option', () => {
    expect(() => resolveChatConfig({ minTextSimilarity: 2 })).toThrow(/"minTextSimilarity"/);
  });
});
