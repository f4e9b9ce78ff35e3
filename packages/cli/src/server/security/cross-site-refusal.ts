import type { IncomingMessage } from 'node:http';

/**
 * Why a state-changing request must be refused as cross-site, or undefined
 * when it may proceed. A browser always sends `Origin` on a POST and
 * `Sec-Fetch-Site` when it supports Fetch Metadata; both must name this very
 * origin. Clients that send neither (curl, scripts) are not browsers and
 * cannot be driven by another site; the token still applies to them.
 */
export function crossSiteRefusal(request: IncomingMessage): string | undefined {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return `Sec-Fetch-Site is "${site}", not "same-origin"`;
  const origin = request.headers.origin;
  // The Host header has been checked against the allowlist, so it names this server;
  // https is this same origin as a TLS-terminating proxy in front of it presents it.
  const host = request.headers.host ?? '';
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) return `Origin ${origin} is not this dashboard's origin`;
  return undefined;
}

/** Whether the request body is declared as JSON, which an HTML form cannot send across sites without a CORS preflight. */
export function isJsonRequest(request: IncomingMessage): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}
