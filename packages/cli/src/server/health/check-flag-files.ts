import { basename } from 'node:path';
import type { DashboardContext } from '../dashboard-context.js';
import type { CheckFinding } from './health-report.js';

/**
 * The flag sources: with a provider, the files it reads and those whose last
 * edit it rejected (it keeps serving their last good version, so that is a
 * warning); without one, whether the files parse now.
 */
export async function checkFlagFiles(context: Pick<DashboardContext, 'provider' | 'definitions'>): Promise<CheckFinding> {
  if (context.provider) {
    const { files, broken } = context.provider.getFileStatus();
    if (files.length === 0) return { status: 'fail', message: 'the provider reads no flag file' };
    if (broken.length > 0) return { status: 'warn', message: `serving the last good version of ${names(broken)}: the latest edit is invalid` };
    return { status: 'pass', message: `${files.length} file(s) loaded: ${names(files)}` };
  }
  const { files, problems } = await context.definitions.read();
  if (files.length === 0) return { status: 'fail', message: problems[0]?.message ?? 'no flag file found' };
  if (problems.length === files.length) return { status: 'fail', message: `no flag file is valid: ${problems[0]!.message}` };
  if (problems.length > 0) return { status: 'warn', message: `invalid: ${problems.map((p) => p.message).join('; ')}` };
  return { status: 'pass', message: `${files.length} file(s) valid: ${names(files)}` };
}

function names(files: readonly string[]): string {
  return files.map((file) => basename(file)).join(', ');
}
