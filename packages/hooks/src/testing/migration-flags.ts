import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CutoverProvider } from '@cutover/provider';
import type { CutoverProviderOptions } from '@cutover/provider';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Client, Logger } from '@openfeature/server-sdk';

/** A migration flag definition with stages off/shadow/live, serving `stage`, rolled back to `off`. */
export function migrationFlag(stage: string, metadata: Record<string, string> = {}): Record<string, unknown> {
  return {
    state: 'ENABLED',
    variants: { off: 'off', shadow: 'shadow', live: 'live' },
    defaultVariant: stage,
    metadata: { kind: 'migration', rollbackVariant: 'off', ...metadata },
  };
}

/** Temporary flag files, an overlay and audit path beside them, and providers connected to unique domains. */
export interface MigrationFlags {
  readonly dir: string;
  readonly file: string;
  readonly overlay: string;
  readonly auditPath: string;
  /** A started provider on the files and the client of its own domain. */
  connect(options?: CutoverProviderOptions): Promise<{ provider: CutoverProvider; client: Client }>;
  /** Closes the providers and removes the directory. */
  remove(): Promise<void>;
}

/** A logger that keeps lines instead of printing them. */
export function memoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (...args: unknown[]) => void lines.push(`${level} ${args.map(String).join(' ')}`);
  return { lines, error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') };
}

/** Writes `flags` into a fresh temporary flag file. */
export async function createMigrationFlags(flags: Record<string, unknown>): Promise<MigrationFlags> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-hooks-'));
  const file = join(dir, 'app.flagd.json');
  await writeFile(file, JSON.stringify({ flags }, null, 2));
  const providers: CutoverProvider[] = [];
  return {
    dir,
    file,
    overlay: join(dir, 'rollbacks.flagd.json'),
    auditPath: join(dir, 'audit.jsonl'),
    async connect(options = {}) {
      const provider = new CutoverProvider({ files: [file], watch: false, env: {}, logger: memoryLogger(), ...options });
      const domain = `hooks-spec-${randomUUID()}`;
      providers.push(provider);
      await OpenFeature.setProviderAndWait(domain, provider);
      return { provider, client: OpenFeature.getClient(domain) };
    },
    async remove() {
      for (const provider of providers) await provider.onClose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
