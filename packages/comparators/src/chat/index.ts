export { chatMessageComparator } from './chat-message-comparator.js';
export type { ChatButton, ChatMessage } from './chat-message.js';
export { DEFAULT_CHAT_CONFIG, resolveChatConfig } from './chat-config.js';
export type { ChatConfig, ChatOptions } from './chat-config.js';
