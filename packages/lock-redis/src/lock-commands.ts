import { ACQUIRE_SCRIPT, RELEASE_SCRIPT, RENEW_SCRIPT } from './lock-scripts.js';
import type { RedisEvalClient } from './redis-eval-client.js';

/** The lock's three scripts on a client, each bounded by a timeout so a hung Redis reads as unavailable. */
export class LockCommands {
  constructor(
    private readonly client: RedisEvalClient,
    private readonly fencingKey: string,
    private readonly timeoutMs: number,
  ) {}

  /** The new fencing token, or `undefined` when another holder has the key. */
  async acquire(key: string, holder: string, ttlMs: number): Promise<number | undefined> {
    const token = await this.run(ACQUIRE_SCRIPT, [key, this.fencingKey], [holder, Math.ceil(ttlMs)]);
    return token === null || token === undefined ? undefined : Number(token);
  }

  /** True when `holder` still held `key` and its TTL was reset. */
  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    return Number(await this.run(RENEW_SCRIPT, [key], [holder, Math.ceil(ttlMs)])) === 1;
  }

  /** True when `holder` still held `key` and freed it. */
  async release(key: string, holder: string): Promise<boolean> {
    return Number(await this.run(RELEASE_SCRIPT, [key], [holder])) === 1;
  }

  private run(script: string, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([this.client.eval(script, keys.length, ...keys, ...args), timeout]).finally(() => clearTimeout(timer));
  }
}
