import type { EvaluationContext, Logger, TrackingEventDetails } from '@openfeature/server-sdk';

/** One `client.track(...)` call as the provider received it. */
export interface TrackEvent {
  readonly name: string;
  readonly context: EvaluationContext;
  readonly details: TrackingEventDetails;
}

/** Receives tracking events. */
export type TrackListener = (event: TrackEvent) => void;

/** The provider's tracking listeners; a throwing listener is logged, never propagated to the application. */
export class TrackListeners {
  private readonly listeners = new Set<TrackListener>();

  constructor(private readonly logger: Logger) {}

  /** Subscribes a listener; returns the unsubscribe function. */
  add(listener: TrackListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands one tracking call to every listener. */
  deliver(name: string, context: EvaluationContext, details: TrackingEventDetails): void {
    for (const listener of this.listeners) {
      try {
        listener({ name, context, details });
      } catch (error) {
        this.logger.error(`cutover: a tracking listener threw: ${(error as Error).message}`);
      }
    }
  }
}
