import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, isJsonRequest } from './cross-site-refusal.js';

function request(headers: Record<string, string>): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.headers = { host: '127.0.0.1:8420', ...headers };
  return message;
}

describe(crossSiteRefusal.name, () => {
  it('lets a same-origin browser request through', () => {
    expect(crossSiteRefusal(request({ origin: 'http://127.0.0.1:8420', 'sec-fetch-site': 'same-origin' }))).toBeUndefined();
  });

  it('lets the same host through https, as a TLS-terminating proxy presents it', () => {
    expect(crossSiteRefusal(request({ host: 'dash.example', origin: 'https://dash.example', 'sec-fetch-site': 'same-origin' }))).toBeUndefined();
    expect(crossSiteRefusal(request({ host: 'dash.example', origin: 'https://evil.example' }))).toMatch(/evil\.example/);
  });

  it('lets a client that is not a browser through (no Origin, no Fetch Metadata): the token still applies', () => {
    expect(crossSiteRefusal(request({}))).toBeUndefined();
  });

  it('refuses another site, a sibling port and a same-site subdomain', () => {
    expect(crossSiteRefusal(request({ 'sec-fetch-site': 'cross-site' }))).toMatch(/cross-site/);
    expect(crossSiteRefusal(request({ 'sec-fetch-site': 'same-site' }))).toMatch(/same-site/);
    expect(crossSiteRefusal(request({ origin: 'http://127.0.0.1:3000' }))).toMatch(/not this dashboard's origin/);
    expect(crossSiteRefusal(request({ origin: 'https://evil.example' }))).toMatch(/evil\.example/);
    expect(crossSiteRefusal(request({ origin: 'null' }))).toMatch(/null/);
  });
});

describe(isJsonRequest.name, () => {
  it('accepts application/json with parameters and refuses what a form can send', () => {
    expect(isJsonRequest(request({ 'content-type': 'application/json; charset=utf-8' }))).toBe(true);
    expect(isJsonRequest(request({ 'content-type': 'text/plain' }))).toBe(false);
    expect(isJsonRequest(request({ 'content-type': 'application/x-www-form-urlencoded' }))).toBe(false);
    expect(isJsonRequest(request({}))).toBe(false);
  });
});
