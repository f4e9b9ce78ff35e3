/**
 * The one Redis command the lock sends: EVAL. An ioredis `Redis` instance is
 * one; so is any client wrapped to this shape.
 */
export interface RedisEvalClient {
  eval(script: string, numberOfKeys: number, ...args: Array<string | number>): Promise<unknown>;
}
