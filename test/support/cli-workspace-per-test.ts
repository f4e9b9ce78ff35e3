import { OpenFeature } from '@openfeature/server-sdk';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { cliWorkspace } from './cli-run.js';
import type { CliWorkspace } from './cli-run.js';

/** A logger that says nothing, for providers a test starts. */
export const SILENT = { error() {}, warn() {}, info() {}, debug() {} };

/**
 * A fresh copy of the shipped flag files for each test, removed after it, and
 * OpenFeature closed after the file's tests (they set providers on it). Call at
 * the top of a test file; the returned function gives the current workspace.
 */
export function cliWorkspacePerTest(): () => CliWorkspace {
  let ws: CliWorkspace;
  beforeEach(async () => {
    ws = await cliWorkspace();
  });
  afterEach(() => ws.remove());
  afterAll(() => OpenFeature.close());
  return () => ws;
}
