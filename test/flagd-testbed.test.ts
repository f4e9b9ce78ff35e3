// Conformance with flagd: every scenario of the OpenFeature flagd-testbed
// evaluator suite (read from ../shared/flagd-testbed, beside the repository)
// runs through the real OpenFeature client against the embedded provider (the
// suite's flag file as a flag file) and against the in-process sync layer fed
// the same file by a gRPC flagd sync server. Scenarios tagged
// @fractional-v1 run with `bucketing: 'v1'`, the others with the default
// `v2`; a bucketing the provider does not have (@fractional-v3) is skipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Client, Logger } from '@openfeature/server-sdk';
import { CutoverProvider, FlagdSyncLayer } from '@cutover/provider';
import type { BucketingVersion } from '@cutover/provider';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FakeFlagdSync } from '../packages/provider/src/testing/fake-flagd-sync.js';
import { sharedDir } from './support/shared-dir.js';
import { loadTestbedScenarios } from './support/testbed-scenarios.js';
import type { TestbedScenario } from './support/testbed-scenarios.js';
import { runTestbedScenario } from './support/testbed-steps.js';

const SUITE = join(sharedDir('flagd-testbed/evaluator'), 'flagd-testbed');
const VERSION = readFileSync(join(SUITE, 'version.txt'), 'utf8').trim();
const FLAG_FILE = join(SUITE, 'evaluator/flags/testkit-flags.json');
const SCENARIOS = loadTestbedScenarios(join(SUITE, 'evaluator/gherkin'));
const BUCKETINGS: readonly BucketingVersion[] = ['v2', 'v1'];
const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

/** The bucketing a scenario names, undefined when the provider has none of that version. */
function bucketingOf(scenario: TestbedScenario): BucketingVersion | undefined {
  const named = scenario.tags.map((tag) => /^@fractional-(v\d+)$/.exec(tag)?.[1]).find((version) => version !== undefined && version !== 'v2');
  if (named === undefined) return 'v2';
  return BUCKETINGS.includes(named as BucketingVersion) ? (named as BucketingVersion) : undefined;
}

interface TestbedPath {
  readonly name: string;
  /** `flagMetadata.source` of its answers. */
  readonly source: string;
  start(bucketing: BucketingVersion): Promise<CutoverProvider>;
}

let flagd: FakeFlagdSync;
const PATHS: readonly TestbedPath[] = [
  {
    name: 'embedded file layer',
    source: 'file',
    start: async (bucketing) => new CutoverProvider({ files: [FLAG_FILE], watch: false, env: {}, rollbackOverlay: false, bucketing, logger: silent }),
  },
  {
    name: 'in-process sync layer',
    source: 'remote',
    start: async (bucketing) => {
      const remote = new FlagdSyncLayer({ host: '127.0.0.1', port: flagd.port, env: {}, logger: silent, deadlineMs: 5_000 });
      return new CutoverProvider({ files: [], watch: false, env: {}, rollbackOverlay: false, bucketing, logger: silent, remote });
    },
  },
];

beforeAll(async () => {
  flagd = new FakeFlagdSync(readFileSync(FLAG_FILE, 'utf8'));
  await flagd.start();
});

afterAll(async () => {
  await OpenFeature.clearProviders();
  flagd.stop();
});

for (const path of PATHS) {
  describe(`flagd-testbed ${VERSION} evaluator suite, ${path.name}`, () => {
    const clients = new Map<BucketingVersion, Client>();
    const tally = new Map<BucketingVersion, { passed: number; failed: number }>();

    beforeAll(async () => {
      for (const bucketing of BUCKETINGS) {
        const domain = `testbed-${path.source}-${bucketing}`;
        await OpenFeature.setProviderAndWait(domain, await path.start(bucketing));
        clients.set(bucketing, OpenFeature.getClient(domain));
        tally.set(bucketing, { passed: 0, failed: 0 });
      }
    });

    afterAll(() => {
      for (const [bucketing, { passed, failed }] of tally) {
        console.log(`flagd-testbed ${VERSION}, ${path.name}, ${bucketing} bucketing: ${passed}/${passed + failed} scenarios passed, ${failed} failed`);
      }
    });

    for (const scenario of SCENARIOS) {
      const bucketing = bucketingOf(scenario);
      if (bucketing === undefined) continue;
      it(`${scenario.name} (${bucketing})`, async () => {
        const counts = tally.get(bucketing)!;
        try {
          await runTestbedScenario(clients.get(bucketing)!, scenario, { source: path.source });
          counts.passed++;
        } catch (error) {
          counts.failed++;
          throw error;
        }
      });
    }
  });
}
