// The Lua scripts of the lock. Each runs atomically in Redis, so a check and
// the change it guards can never interleave with another client's.

/** KEYS: lock, fencing counter. ARGV: holder, ttl ms. The new fencing token, or nil when the key is held. */
export const ACQUIRE_SCRIPT = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
return false`;

/** KEYS: lock. ARGV: holder, ttl ms. 1 when the holder still held the key and its TTL was reset, else 0. */
export const RENEW_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** KEYS: lock. ARGV: holder. 1 when the holder still held the key and deleted it, else 0: never frees another holder's lease. */
export const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;
