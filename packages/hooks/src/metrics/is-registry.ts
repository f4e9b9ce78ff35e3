import type { Registry } from 'prom-client';

/**
 * Whether `value` is a prom-client `Registry`. Duck-typed rather than
 * `instanceof Registry`: an application may load its own copy of prom-client,
 * and its registry is just as good.
 */
export function isRegistry(value: unknown): value is Registry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Registry>).registerMetric === 'function' &&
    typeof (value as Partial<Registry>).getSingleMetric === 'function'
  );
}
