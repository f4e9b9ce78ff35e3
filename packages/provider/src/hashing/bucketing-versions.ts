import type { Bucketing, BucketingVersion } from './bucketing.js';
import { bucketingV1 } from './bucketing-v1.js';
import { bucketingV2 } from './bucketing-v2.js';

/** Every bucketing version by name. */
export const BUCKETINGS: Readonly<Record<BucketingVersion, Bucketing>> = { v1: bucketingV1, v2: bucketingV2 };
