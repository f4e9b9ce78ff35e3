// Fixtures of the flagd parity test: a flag file that exercises every flagd
// targeting feature Cutover implements, and deterministic evaluation contexts
// that reach all of its branches, with targeting keys in several scripts.
import type { EvaluationContext } from '@openfeature/server-sdk';
import { seededRandom } from './seeded-random.js';

/** Flags rich in targeting: fractional with several weights and a custom bucketing key, nested rules, sem_ver, string operators, `$ref`. */
export const targetingRichFile = {
  $schema: 'https://flagd.dev/schema/v0/flags.json',
  flags: {
    'parity.weights': {
      state: 'ENABLED',
      variants: { a: 'a', b: 'b', c: 'c', d: 'd' },
      defaultVariant: 'a',
      targeting: { fractional: [['a', 5], ['b', 15], ['c', 30], ['d', 50]] },
    },
    'parity.thirds': {
      state: 'ENABLED',
      variants: { red: 'red', green: 'green', blue: 'blue' },
      defaultVariant: 'red',
      // Unweighted entries (weight 1 each) and a custom bucketing key.
      targeting: { fractional: [{ cat: [{ var: '$flagd.flagKey' }, { var: 'tenantId' }] }, ['red'], ['green'], ['blue']] },
    },
    'parity.nested': {
      state: 'ENABLED',
      variants: { admin: 'admin', partner: 'partner', beta: 'beta', canary: 'canary', stable: 'stable' },
      defaultVariant: 'stable',
      targeting: {
        if: [
          { and: [{ starts_with: [{ var: 'email' }, 'admin'] }, { sem_ver: [{ var: 'appVersion' }, '>=', '2.0.0'] }] },
          'admin',
          { or: [{ ends_with: [{ var: 'email' }, '@partner.example'] }, { in: [{ var: 'tenantId' }, ['tenant-7', 'tenant-11']] }] },
          'partner',
          { $ref: 'beta-users' },
          { if: [{ sem_ver: [{ var: 'appVersion' }, '^', '1.4.0'] }, { fractional: [['canary', 20], ['beta', 80]] }, 'beta'] },
          { sem_ver: [{ var: 'appVersion' }, '~', '1.2.0'] },
          { fractional: [['canary', 1], ['stable', 99]] },
          null,
        ],
      },
    },
    'parity.semver': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: {
        if: [
          { or: [{ sem_ver: [{ var: 'appVersion' }, '=', '1.2.3'] }, { sem_ver: [{ var: 'appVersion' }, '>', '3.0.0'] }, { sem_ver: [{ var: 'appVersion' }, '<', '1.0.0'] }] },
          'on',
          'off',
        ],
      },
    },
    'parity.ratio': {
      state: 'ENABLED',
      variants: { low: 0.25, mid: 1, high: 2.5 },
      defaultVariant: 'mid',
      targeting: { fractional: [['low', 10], ['mid', 60], ['high', 30]] },
    },
    'parity.config': {
      state: 'ENABLED',
      variants: { small: { batch: 10, mode: 'safe' }, large: { batch: 500, mode: 'fast' } },
      defaultVariant: 'small',
      targeting: { if: [{ $ref: 'beta-users' }, { fractional: [['large', 50], ['small', 50]] }, null] },
    },
    'parity.disabled': {
      state: 'DISABLED',
      variants: { on: 'on', off: 'off' },
      defaultVariant: 'on',
    },
  },
  $evaluators: {
    'beta-users': { or: [{ starts_with: [{ var: 'email' }, 'beta'] }, { ends_with: [{ var: 'tenantId' }, '-beta'] }] },
  },
};

const LATIN1 = ['jürgen', 'josé', 'françois', 'søren', 'straße', 'zoë', 'ångström', 'niño'];
const VERSIONS = ['0.9.9', '1.0.0', '1.2.0', '1.2.3', '1.2.9', '1.3.0', '1.4.0', '1.4.7', '1.9.0', '2.0.0', '2.4.0', '2.4.1', '3.0.0', '3.0.1', '10.1.0'];

/** `count` evaluation contexts; a sixth of them without a targeting key or with missing attributes. */
export function parityContexts(count: number, seed = 0x0f1a6d): EvaluationContext[] {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const run = (from: number, span: number, length: number): string => Array.from({ length }, () => String.fromCodePoint(from + int(span))).join('');
  const keys = [
    () => `user-${int(1e9)}`,
    () => `${pick(LATIN1)}-${int(1000)}`,
    () => run(0x4e00, 0x5200, 1 + int(6)),
    () => `${run(0x1f300, 0x700, 1 + int(3))}${int(100)}`,
    () => `${run(0x20, 0x5f, 1 + int(10))}${run(0xa0, 0x60, int(4))}`,
  ];
  const contexts: EvaluationContext[] = [];
  for (let i = 0; i < count; i++) {
    const context: EvaluationContext = {};
    if (i % 6 !== 5) context.targetingKey = pick(keys)();
    if (int(4) > 0) context.email = `${pick(['admin', 'beta', 'user', 'ops'])}${int(100)}@${pick(['partner.example', 'example.com', 'corp.example'])}`;
    if (int(4) > 0) context.appVersion = pick(VERSIONS);
    if (int(4) > 0) context.tenantId = `tenant-${int(20)}${pick(['', '', '-beta', '-staging'])}`;
    // Attributes of the repo's flags (nutribot, clambake, mspbyte).
    context.chatId = `${pick(['beta-', 'chat-', ''])}${int(1000)}`;
    if (int(3) === 0) context.internalChats = [context.chatId as string, 'chat-1'];
    if (int(2) === 0) context.agentVersion = pick(VERSIONS);
    context.issueNumber = String(int(5000));
    if (int(5) === 0) context.tenantId = pick(['tenant-acme', 'tenant-globex', 'tenant-initech']);
    contexts.push(context);
  }
  return contexts;
}
