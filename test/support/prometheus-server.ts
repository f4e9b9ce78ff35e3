// A real Prometheus server for a test: temporary config and TSDB, loopback
// only, a free port; `stop()` kills it and removes its files.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running Prometheus. */
export interface PrometheusServer {
  readonly url: string;
  /** Instant query; the vector's samples. */
  query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** How {@link startPrometheus} runs Prometheus. */
export interface PrometheusServerOptions {
  /** Seconds between scrapes (and rule evaluations). @default 1 */
  readonly scrapeSeconds?: number;
  /**
   * Also scrape `/metrics/native` (the protobuf exposition of native
   * histograms) as a second job, with `--enable-feature=native-histograms`.
   * @default false
   */
  readonly nativeHistograms?: boolean;
}

/** Starts `binary` scraping `targets` (host:port) every `scrapeSeconds`; resolves once it is ready. */
export async function startPrometheus(binary: string, targets: readonly string[], options: PrometheusServerOptions = {}): Promise<PrometheusServer> {
  const { scrapeSeconds = 1, nativeHistograms = false } = options;
  const targetList = `[${targets.map((t) => `'${t}'`).join(', ')}]`;
  const dir = await mkdtemp(join(tmpdir(), 'cutover-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  await writeFile(
    config,
    [
      'global:',
      `  scrape_interval: ${scrapeSeconds}s`,
      `  evaluation_interval: ${scrapeSeconds}s`,
      'scrape_configs:',
      '  - job_name: fleet',
      '    static_configs:',
      `      - targets: ${targetList}`,
      ...(nativeHistograms ? ['  - job_name: fleet-native', '    metrics_path: /metrics/native', '    static_configs:', `      - targets: ${targetList}`] : []),
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(binary, [
    `--config.file=${config}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
    ...(nativeHistograms ? ['--enable-feature=native-histograms'] : []),
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Should the test process end without afterAll, Prometheus must not outlive it.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => process.removeListener('exit', killOnExit));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Prometheus did not become ready on ${url}; stderr: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const query = async (promql: string) => {
    const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: promql })}`);
    const body = (await response.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    return body.data.result;
  };
  return { url, query, stop };
}
