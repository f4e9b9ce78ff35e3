import { ACQUIRE_SCRIPT, RELEASE_SCRIPT, RENEW_SCRIPT } from '../lock-scripts.js';
import type { RedisEvalClient } from '../redis-eval-client.js';

/** What the fake does with a command. */
export type FakeRedisMode = 'up' | 'down' | 'hung';

/** An in-memory Redis that knows the lock's three scripts; it can be down (rejects) or hung (never answers). */
export class FakeRedis implements RedisEvalClient {
  mode: FakeRedisMode = 'up';
  readonly values = new Map<string, { value: string; expiresAt: number }>();
  private counters = new Map<string, number>();

  async eval(script: string, _numberOfKeys: number, ...args: Array<string | number>): Promise<unknown> {
    if (this.mode === 'down') throw new Error('connect ECONNREFUSED');
    if (this.mode === 'hung') return new Promise(() => undefined);
    const [key = '', second = '', third = ''] = args.map(String);
    if (script === ACQUIRE_SCRIPT) {
      if (this.get(key) !== undefined) return null;
      this.values.set(key, { value: third, expiresAt: Date.now() + Number(args[3]) });
      const next = (this.counters.get(second) ?? 0) + 1;
      this.counters.set(second, next);
      return next;
    }
    if (script === RENEW_SCRIPT) {
      if (this.get(key) !== second) return 0;
      this.values.set(key, { value: second, expiresAt: Date.now() + Number(third) });
      return 1;
    }
    if (script === RELEASE_SCRIPT) {
      if (this.get(key) !== second) return 0;
      this.values.delete(key);
      return 1;
    }
    throw new Error('unknown script');
  }

  /** The value of `key`, honouring its expiry. */
  get(key: string): string | undefined {
    const entry = this.values.get(key);
    if (entry && entry.expiresAt <= Date.now()) this.values.delete(key);
    return this.values.get(key)?.value;
  }
}
