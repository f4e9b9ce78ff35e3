import { envNumberList, unlessBlank } from '@cutover/core';
import type { EnvReader } from '@cutover/core';
import { z } from 'zod';

/** Histogram bucket bounds, in seconds: at least one, positive, strictly increasing. */
export const durationBoundsSchema = z
  .array(z.number().positive().finite())
  .min(1)
  .refine((b) => b.every((v, i) => i === 0 || v > (b[i - 1] ?? 0)), { message: 'bounds must increase strictly' });

/** Reads bucket bounds from a comma-separated variable; blank leaves the default. */
export const readDurationBounds: EnvReader = unlessBlank(envNumberList);
