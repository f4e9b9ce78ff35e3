import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleLogger } from './console-logger.js';

describe(consoleLogger.name, () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes each level to the console behind the prefix', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    consoleLogger('[cutover/x]').warn('slow', 3);
    expect(warn).toHaveBeenCalledWith('[cutover/x]', 'slow', 3);
  });
});
