import { randomUUID } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CutoverProvider } from '@cutover/provider';
import type { CutoverProviderOptions } from '@cutover/provider';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Client, Logger } from '@openfeature/server-sdk';
import type { RollbackCounter } from '../rollback-init.js';
import type { RollbackReason, RollbackStatus } from '../rollback-reasons.js';

/** A migration flag definition with stages off/shadow/live, serving `stage`, rolled back to `off`. */
export function migrationFlag(stage: string, metadata: Record<string, string> = {}): Record<string, unknown> {
  return {
    state: 'ENABLED',
    variants: { off: 'off', shadow: 'shadow', live: 'live' },
    defaultVariant: stage,
    metadata: { kind: 'migration', rollbackVariant: 'off', ...metadata },
  };
}

/** A logger that keeps lines instead of printing them. */
export function memoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (...args: unknown[]) => void lines.push(`${level} ${args.map(String).join(' ')}`);
  return { lines, error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') };
}

/** A counter that keeps what it was told. */
export function recordingCounter(): RollbackCounter & { readonly counted: [string, RollbackReason, RollbackStatus][] } {
  const counted: [string, RollbackReason, RollbackStatus][] = [];
  return { counted, recordRollback: (flagKey, reason, status) => void counted.push([flagKey, reason, status]) };
}

/** A temporary flag directory: files, the overlay and audit log beside them, and providers on unique domains. */
export interface RollbackWorkspace {
  readonly dir: string;
  readonly overlay: string;
  readonly auditPath: string;
  /** Writes a flag file (an object is written as a flagd document with these flags) by rename, and returns its path. */
  write(name: string, content: string | Record<string, unknown>): Promise<string>;
  /** A started provider on `files` (and the overlay beside them) with the client of its own domain. */
  connect(files: readonly string[], options?: CutoverProviderOptions): Promise<{ provider: CutoverProvider; client: Client }>;
  /** Closes the providers and removes the directory. */
  remove(): Promise<void>;
}

/** Creates a {@link RollbackWorkspace}. */
export async function rollbackWorkspace(): Promise<RollbackWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-rollback-'));
  const providers: CutoverProvider[] = [];
  return {
    dir,
    overlay: join(dir, 'rollbacks.flagd.json'),
    auditPath: join(dir, 'audit.jsonl'),
    async write(name, content) {
      const file = join(dir, name);
      // Written aside and renamed into place, as editors and git do.
      const temp = join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(temp, typeof content === 'string' ? content : JSON.stringify({ flags: content }, null, 2));
      await rename(temp, file);
      return file;
    },
    async connect(files, options = {}) {
      const provider = new CutoverProvider({ files: [...files], watch: false, env: {}, logger: memoryLogger(), ...options });
      providers.push(provider);
      const domain = `rollback-spec-${randomUUID()}`;
      await OpenFeature.setProviderAndWait(domain, provider);
      return { provider, client: OpenFeature.getClient(domain) };
    },
    async remove() {
      for (const provider of providers) await provider.onClose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
