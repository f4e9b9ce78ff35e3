import type { AcquireOptions, Lock, LockLease } from './lock.js';

interface Holder {
  readonly token: symbol;
  readonly expiry: NodeJS.Timeout;
}

/** A {@link Lock} for one process: leases with a TTL; waiters are woken in arrival order when the key frees. */
export class InMemoryLock implements Lock {
  private readonly holders = new Map<string, Holder>();
  private readonly waiters = new Map<string, Array<() => void>>();
  private fencing = 0;

  /** {@inheritDoc Lock.acquire} */
  async acquire(key: string, options: AcquireOptions): Promise<LockLease | undefined> {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      const lease = this.tryTake(key, options.ttlMs);
      if (lease) return lease;
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await this.waitForRelease(key, left);
    }
  }

  /** True while some lease holds `key`. */
  isHeld(key: string): boolean {
    return this.holders.has(key);
  }

  private tryTake(key: string, ttlMs: number): LockLease | undefined {
    if (this.holders.has(key)) return undefined;
    const token = Symbol(key);
    // The TTL timer must not keep the process alive on its own.
    const expiry = setTimeout(() => this.free(key, token), ttlMs).unref();
    this.holders.set(key, { token, expiry });
    return { key, fencingToken: ++this.fencing, release: async () => this.free(key, token) };
  }

  private free(key: string, token: symbol): void {
    const holder = this.holders.get(key);
    if (holder?.token !== token) return;
    clearTimeout(holder.expiry);
    this.holders.delete(key);
    const queue = this.waiters.get(key);
    const next = queue?.shift();
    if (queue?.length === 0) this.waiters.delete(key);
    next?.();
  }

  private waitForRelease(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const queue = this.waiters.get(key) ?? [];
      this.waiters.set(key, queue);
      const wake = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = queue.indexOf(wake);
        if (i >= 0) queue.splice(i, 1);
        if (queue.length === 0 && this.waiters.get(key) === queue) this.waiters.delete(key);
        resolve();
      }, ms);
      queue.push(wake);
    });
  }
}
