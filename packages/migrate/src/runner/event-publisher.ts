import type { CallbackContainment } from './callback-containment.js';
import type { MigrationEvent, MigrationListener } from './migration-events.js';

/** A list of listeners; a throwing listener is contained and the others still run. */
export class EventPublisher {
  private listeners: readonly MigrationListener[] = [];

  constructor(private readonly containment: CallbackContainment) {}

  /** True when someone listens; callers skip building events otherwise (hot path). */
  get active(): boolean {
    return this.listeners.length > 0;
  }

  /** Adds a listener and returns a function that removes it. */
  subscribe(listener: MigrationListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Delivers `event` to every listener, synchronously, in subscription order. */
  emit(event: MigrationEvent): void {
    for (const listener of this.listeners) {
      this.containment.run('listener', () => listener(event), undefined);
    }
  }
}
