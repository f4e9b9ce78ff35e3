import type { FlagValue } from '@openfeature/server-sdk';
import type { Layer } from '../layer.js';
import type { LayerResolution } from '../layer-resolution.js';
import { staticResolution } from './static-resolution.js';

/** Programmatic overrides (tests, emergencies): the highest layer. */
export class OverrideLayer implements Layer {
  readonly name = 'override';
  private readonly answers = new Map<string, LayerResolution>();
  private readonly values = new Map<string, FlagValue>();

  set(flagKey: string, value: FlagValue): void {
    this.values.set(flagKey, value);
    this.answers.set(flagKey, staticResolution('override', value));
  }

  delete(flagKey: string): boolean {
    this.answers.delete(flagKey);
    return this.values.delete(flagKey);
  }

  /** Removes every override; returns the keys that had one. */
  clear(): string[] {
    const keys = [...this.values.keys()];
    this.values.clear();
    this.answers.clear();
    return keys;
  }

  entries(): Record<string, FlagValue> {
    return Object.fromEntries(this.values);
  }

  resolve(flagKey: string): LayerResolution | undefined {
    return this.answers.get(flagKey);
  }
}
