import { readFile } from 'node:fs/promises';
import { dependenciesOf } from '@cutover/flag-model';
import { flagEntries, FlagFileError, parseFlagFile } from '@cutover/provider';
import type { FlagDefinition, FlagEntry, FlagFileProblem } from '@cutover/provider';
import { findDependencyCycles } from './find-dependency-cycles.js';
import type { ValidationProblem } from './flag-file-problem.js';
import { checkSplitWeights } from './check-split-weights.js';
import { locateJsonPath } from './locate-json-path.js';
import { phaseProblems } from './phase-problems.js';
import type { MergedFlag } from './phase-problems.js';

/** What {@link validateFlagFiles} checks. */
export interface ValidationRequest {
  /** The files to validate; problems are reported in these only. */
  readonly files: readonly string[];
  /**
   * Every flag file of the deployment in flagd order (the later wins a key),
   * so a hook validating only changed files still sees the flags they depend on.
   * @default `files`
   */
  readonly context?: readonly string[];
  /**
   * Treat warnings as errors: what flagd would serve despite its schemas, and a
   * key defined twice, fail validation too. For CI and pre-commit hooks.
   * @default false
   */
  readonly strict?: boolean;
}

/** The outcome of a validation. */
export interface ValidationReport {
  readonly files: readonly string[];
  readonly problems: readonly ValidationProblem[];
  readonly errors: number;
  readonly warnings: number;
  /** Flags defined in the validated files. */
  readonly flags: number;
}

interface LoadedFile {
  readonly file: string;
  readonly text: string;
  readonly entries: readonly FlagEntry[];
  readonly evaluators: Readonly<Record<string, unknown>>;
  /** What the parser found flagd would serve despite its schemas. */
  readonly warnings: readonly FlagFileProblem[];
}

/**
 * Validates flag files as the provider and flagd will read them: each file
 * through `parseFlagFile` (what flagd cannot serve and Cutover's conventions
 * are errors; deviations from flagd's schemas that flagd serves are warnings),
 * then the rules that span files: fractional weights, `dependsOn` naming
 * existing flags without a cycle, phase flags naming members and stages that
 * exist, and the same key in two files (a warning: flagd serves the later
 * file's). With `strict`, every warning is an error.
 */
export async function validateFlagFiles(request: ValidationRequest): Promise<ValidationReport> {
  const targets = new Set(request.files);
  const ordered = [...new Set([...(request.context ?? []), ...request.files])];
  const problems: ValidationProblem[] = [];
  const loaded: LoadedFile[] = [];
  for (const file of ordered) {
    const result = await load(file);
    if ('problem' in result) {
      if (targets.has(file)) problems.push(result.problem);
    } else loaded.push(result);
  }
  const reported = loaded.filter((entry) => targets.has(entry.file));
  for (const entry of reported) {
    const errors = checkSplitWeights(entry.file, entry.text, entry.entries, entry.evaluators);
    // A weight the schema rejects and that never chooses is reported once, as the error.
    const covered = new Set(errors.map((problem) => problem.jsonPath));
    problems.push(...entry.warnings.filter((warning) => !covered.has(warning.jsonPath)).map((warning) => toProblem('warning', warning)), ...errors);
  }
  problems.push(...duplicateKeys(loaded, targets), ...dependencyProblems(loaded, targets), ...phaseRules(loaded, targets));
  const judged = request.strict ? problems.map((problem) => ({ ...problem, severity: 'error' as const })) : problems;
  const errors = judged.filter((p) => p.severity === 'error').length;
  const flags = reported.reduce((sum, entry) => sum + entry.entries.length, 0);
  return { files: request.files, problems: judged, errors, warnings: judged.length - errors, flags };
}

async function load(file: string): Promise<LoadedFile | { problem: ValidationProblem }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { problem: { severity: 'error', file, jsonPath: '', reason: `cannot read: ${(error as Error).message}` } };
  }
  let warnings: readonly FlagFileProblem[];
  try {
    warnings = parseFlagFile(text, file).warnings;
  } catch (error) {
    // Whatever goes wrong is this file's problem, named as such: it must not stop the other files' validation.
    if (!(error instanceof FlagFileError)) return { problem: { severity: 'error', file, jsonPath: '', reason: `cannot validate: ${(error as Error).message}` } };
    return { problem: toProblem('error', error) };
  }
  const document = JSON.parse(text) as { $evaluators?: Record<string, unknown> | null };
  return { file, text, entries: flagEntries(document), evaluators: document.$evaluators ?? {}, warnings };
}

function toProblem(severity: ValidationProblem['severity'], { file, jsonPath, line, column, reason }: FlagFileProblem): ValidationProblem {
  return { severity, file, jsonPath, reason, ...(line === undefined ? {} : { line, column: column ?? 1 }) };
}

function duplicateKeys(loaded: readonly LoadedFile[], targets: ReadonlySet<string>): ValidationProblem[] {
  const firstSeen = new Map<string, LoadedFile>();
  const problems: ValidationProblem[] = [];
  for (const entry of loaded) {
    for (const { key, path } of entry.entries) {
      const earlier = firstSeen.get(key);
      if (earlier && (targets.has(entry.file) || targets.has(earlier.file))) {
        const there = locateJsonPath(earlier.text, [...earlier.entries.find((e) => e.key === key)!.path]);
        problems.push({
          severity: 'warning',
          file: entry.file,
          ...locateJsonPath(entry.text, [...path]),
          reason: `flag "${key}" is also defined in ${earlier.file}:${there.line ?? 1}; flagd and the provider serve this later definition`,
        });
      }
      firstSeen.set(key, entry);
    }
  }
  return problems;
}

function dependencyProblems(loaded: readonly LoadedFile[], targets: ReadonlySet<string>): ValidationProblem[] {
  const merged = new Map<string, { flag: FlagDefinition; entry: LoadedFile; path: readonly (string | number)[] }>();
  for (const entry of loaded) for (const { key, definition, path } of entry.entries) merged.set(key, { flag: definition as FlagDefinition, entry, path });
  const problems: ValidationProblem[] = [];
  const at = (key: string) => {
    const { entry, path } = merged.get(key)!;
    return { file: entry.file, ...locateJsonPath(entry.text, [...path, 'metadata', 'dependsOn']) };
  };
  for (const [key, { flag, entry }] of merged) {
    if (!targets.has(entry.file)) continue;
    for (const dependency of dependenciesOf(flag)) {
      if (!merged.has(dependency)) problems.push({ severity: 'error', ...at(key), reason: `dependsOn names "${dependency}", which no flag file defines` });
    }
  }
  const graph = new Map([...merged].map(([key, { flag }]) => [key, dependenciesOf(flag).filter((d) => merged.has(d))]));
  for (const cycle of findDependencyCycles(graph)) {
    const reportAt = cycle.find((key) => targets.has(merged.get(key)!.entry.file));
    if (reportAt) problems.push({ severity: 'error', ...at(reportAt), reason: `dependsOn cycle: ${[...cycle, cycle[0]].join(' → ')}` });
  }
  return problems;
}

function phaseRules(loaded: readonly LoadedFile[], targets: ReadonlySet<string>): ValidationProblem[] {
  const merged = new Map<string, MergedFlag>();
  for (const entry of loaded) {
    for (const { key, definition, path } of entry.entries) {
      merged.set(key, { flag: definition as FlagDefinition, file: entry.file, locate: (inner) => locateJsonPath(entry.text, [...path, ...inner]) });
    }
  }
  return phaseProblems(merged, (key) => targets.has(merged.get(key)!.file));
}
