// The Prometheus artefacts in deploy/prometheus, checked with the real
// promtool: rules parse, their unit tests pass, they only use names from
// conventions.ts, and the exposition MetricsHook really produces passes
// `promtool check metrics` (Prometheus' own lint).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { FLAG_LABELS, FLAG_METRICS, MIGRATION_LABELS, MIGRATION_METRICS, MetricsHook, RECORDED_SERIES } from '@cutover/hooks';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { findBinary } from './support/require-binary.js';

const RULES_DIR = fileURLToPath(new URL('../deploy/prometheus/', import.meta.url));
const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.rules.yml')).sort();
const ruleTests = readdirSync(RULES_DIR).filter((f) => f.endsWith('.test.yml')).sort();
const promtool = findBinary('promtool', { envVar: 'PROMTOOL' });

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], input?: string): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: RULES_DIR });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** A registry holding every kind of series MetricsHook writes: successes, errors, overflow, histogram. */
async function populatedRegistry(): Promise<Registry> {
  const registry = new Registry();
  const domain = randomUUID();
  await OpenFeature.setProviderAndWait(
    domain,
    new InMemoryProvider({
      'new-planner': {
        variants: { off: 'off', live: 'live' },
        defaultVariant: 'off',
        disabled: false,
        contextEvaluator: (ctx: { targetingKey?: string }) => (ctx.targetingKey === 'chat-1' ? 'live' : 'off'),
      },
      'retired-flag': { variants: { on: true }, defaultVariant: 'on', disabled: true },
    }),
  );
  const client = OpenFeature.getClient(domain).addHooks(new MetricsHook({ registry, maxFlags: 3 }));
  await client.getStringValue('new-planner', 'off', { targetingKey: 'chat-1' });
  await client.getStringValue('new-planner', 'off', { targetingKey: 'chat-2' });
  await client.getBooleanValue('retired-flag', false);
  await client.getNumberValue('new-planner', 0);
  for (let i = 0; i < 5; i++) await client.getBooleanValue(`missing-${i}`, false);
  return registry;
}

afterAll(async () => {
  await OpenFeature.clearProviders();
});

describe.skipIf(!promtool)('Prometheus artefacts checked by promtool', () => {
  const bin = promtool ?? 'promtool';

  it('finds rule files and their tests', () => {
    expect(ruleFiles).toEqual(['cutover-alerts.rules.yml', 'cutover-recording.rules.yml']);
    expect(ruleTests.length).toBeGreaterThanOrEqual(2);
  });

  it('parses every rule file (promtool check rules)', async () => {
    const result = await run(bin, ['check', 'rules', ...ruleFiles]);
    expect(result.stderr + result.stdout).toMatch(/SUCCESS/);
    expect(result.code, result.stderr + result.stdout).toBe(0);
  });

  it('passes the rules unit tests (promtool test rules)', async () => {
    const result = await run(bin, ['test', 'rules', ...ruleTests]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
  });

  it('accepts the example scrape configuration (promtool check config)', async () => {
    const result = await run(bin, ['check', 'config', 'prometheus.yml']);
    expect(result.code, result.stderr + result.stdout).toBe(0);
  });

  it('lints the real MetricsHook exposition clean (promtool check metrics)', async () => {
    const exposition = await (await populatedRegistry()).metrics();
    expect(exposition).toContain(`${FLAG_METRICS.error}{`);
    expect(exposition).toContain(`${FLAG_METRICS.duration}_bucket{`);

    const result = await run(bin, ['check', 'metrics'], exposition);

    expect(result.stdout + result.stderr, exposition).toBe('');
    expect(result.code).toBe(0);
  });

  it('reports a lint problem when there is one, so the check above is not vacuous', async () => {
    const result = await run(bin, ['check', 'metrics'], '# HELP bad_count a gauge\n# TYPE bad_count gauge\nbad_count 1\n');
    expect(result.stdout + result.stderr).toMatch(/_count/);
  });
});

describe('names in deploy/prometheus', () => {
  const text = ruleFiles.map((f) => readFileSync(join(RULES_DIR, f), 'utf8')).join('\n');
  const histograms = [FLAG_METRICS.duration, MIGRATION_METRICS.duration];
  const known = new Set<string>([
    ...Object.values(FLAG_METRICS),
    ...Object.values(MIGRATION_METRICS),
    ...histograms.flatMap((h) => [`${h}_bucket`, `${h}_sum`, `${h}_count`]),
    ...Object.values(FLAG_LABELS),
    ...Object.values(MIGRATION_LABELS),
  ]);

  it('uses only metric and label names from conventions.ts', () => {
    // Identifiers outside recording-rule names (those contain colons).
    const used = new Set(text.match(/(?<![:\w])(?:cutover|feature_flag)_\w+(?![:\w])/g));
    expect([...used].filter((name) => !known.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(5);
  });

  it('records exactly the series listed in RECORDED_SERIES', () => {
    const recorded = [...text.matchAll(/^\s*- record: (\S+)$/gm)].map((m) => m[1]);
    expect(recorded.sort()).toEqual(Object.values(RECORDED_SERIES).sort());
  });
});

describe(findBinary.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'find-binary-'));
  const tool = join(dir, 'fake-tool');
  writeFileSync(tool, '#!/bin/sh\n');
  chmodSync(tool, 0o755);
  const notExecutable = join(dir, 'plain-file');
  writeFileSync(notExecutable, '');

  it('finds an executable on PATH', () => {
    expect(findBinary('fake-tool', { env: { PATH: `/nonexistent:${dir}` } })).toBe(tool);
  });

  it('prefers the path in the named environment variable', () => {
    expect(findBinary('other-name', { envVar: 'FAKE_TOOL', env: { PATH: '', FAKE_TOOL: tool } })).toBe(tool);
  });

  it('rejects an environment variable that names no executable, everywhere', () => {
    expect(() => findBinary('fake-tool', { envVar: 'FAKE_TOOL', env: { PATH: dir, FAKE_TOOL: notExecutable } })).toThrow(/FAKE_TOOL/);
  });

  it('returns undefined locally when the binary is missing, so the suite is skipped', () => {
    expect(findBinary('plain-file', { env: { PATH: dir } })).toBeUndefined();
  });

  it('fails in CI when the binary is missing', () => {
    expect(() => findBinary('no-such-tool', { envVar: 'NO_SUCH_TOOL', env: { PATH: dir, CI: 'true' } })).toThrow(/no-such-tool.*NO_SUCH_TOOL/);
  });
});
