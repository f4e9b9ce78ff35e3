import type { FlagValue } from '@openfeature/server-sdk';
import type { FlagType } from '../flags/compiled-flag.js';

/** Reads an environment variable's text as a value of the requested flag type; undefined when it is not one. */
export function parseEnvValue(text: string, type: FlagType): FlagValue | undefined {
  const trimmed = text.trim();
  switch (type) {
    case 'string':
      return text;
    case 'boolean':
      if (/^(true|1|yes|on)$/i.test(trimmed)) return true;
      if (/^(false|0|no|off)$/i.test(trimmed)) return false;
      return undefined;
    case 'number': {
      const number = trimmed === '' ? NaN : Number(trimmed);
      return Number.isFinite(number) ? number : undefined;
    }
    case 'object':
      try {
        const parsed: unknown = JSON.parse(trimmed);
        return parsed !== null && typeof parsed === 'object' ? (parsed as FlagValue) : undefined;
      } catch {
        return undefined;
      }
  }
}

/** The environment variable for a flag: prefix, then the key upper-cased with every other character as `_`. */
export function envName(prefix: string, flagKey: string): string {
  return prefix + flagKey.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
