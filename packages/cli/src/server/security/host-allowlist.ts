import { isIP } from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const WILDCARD = new Set(['0.0.0.0', '::']);

/**
 * The `Host` header values the server answers to. A page on another name that
 * resolves to this address (DNS rebinding) names its own host and is refused,
 * so it can neither read the API nor pass the same-origin check of actions.
 */
export class HostAllowlist {
  private readonly hosts: ReadonlySet<string> | undefined;

  constructor(options: { host: string; port: number; allowedHosts: readonly string[] }) {
    const { host, port, allowedHosts } = options;
    const names = new Set<string>();
    const add = (name: string): void => {
      const bare = name.toLowerCase();
      if (/:\d+$/.test(bare) && isIP(bare) !== 6) return void names.add(bare);
      names.add(`${formatHost(bare)}:${port}`);
      // Browsers leave the default port out of the Host header.
      if (port === 80) names.add(formatHost(bare));
    };
    for (const name of allowedHosts) {
      add(name);
      // A name allowed for a reverse proxy also comes without a port (https on 443).
      if (!/:\d+$/.test(name)) names.add(formatHost(name.toLowerCase()));
    }
    if (WILDCARD.has(host)) {
      this.hosts = allowedHosts.length === 0 ? undefined : names;
      return;
    }
    add(host);
    if (LOOPBACK.has(host)) for (const name of LOOPBACK) add(name);
    this.hosts = names;
  }

  /** Whether a request's `Host` header names this server. */
  allows(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    return this.hosts === undefined || this.hosts.has(hostHeader.toLowerCase());
  }
}

/** `::1` → `[::1]`, as it appears in a Host header or URL. */
export function formatHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}
