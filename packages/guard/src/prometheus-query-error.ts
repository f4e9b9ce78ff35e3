import { HooksError } from '@cutover/hooks';

/** Prometheus could not be queried: unreachable, too slow, an HTTP error or a PromQL error. */
export class PrometheusQueryError extends HooksError {
  /**
   * @param message what failed, naming the server and the query
   * @param options the underlying error, if any
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super('PROMETHEUS_QUERY', message, options);
  }
}
