import { describe, expect, it } from 'vitest';
import { HostAllowlist } from './host-allowlist.js';

describe(HostAllowlist.name, () => {
  it('on loopback answers to 127.0.0.1, localhost and [::1] on its port only', () => {
    const hosts = new HostAllowlist({ host: '127.0.0.1', port: 8420, allowedHosts: [] });
    for (const host of ['127.0.0.1:8420', 'localhost:8420', 'LOCALHOST:8420', '[::1]:8420']) expect(hosts.allows(host)).toBe(true);
    for (const host of ['127.0.0.1:8421', 'evil.example:8420', 'localhost', undefined]) expect(hosts.allows(host)).toBe(false);
  });

  it('adds the allowed hosts, with the server port unless they name one', () => {
    const hosts = new HostAllowlist({ host: '10.0.0.5', port: 8420, allowedHosts: ['dash.internal', 'proxy.internal:443'] });
    expect(hosts.allows('10.0.0.5:8420')).toBe(true);
    expect(hosts.allows('dash.internal:8420')).toBe(true);
    expect(hosts.allows('proxy.internal:443')).toBe(true);
    expect(hosts.allows('localhost:8420')).toBe(false);
  });

  it('answers to an allowed name without a port, as a browser names an https reverse proxy', () => {
    const hosts = new HostAllowlist({ host: '127.0.0.1', port: 8420, allowedHosts: ['dash.example'] });
    expect(hosts.allows('dash.example')).toBe(true);
    expect(hosts.allows('dash.example:8420')).toBe(true);
    expect(hosts.allows('127.0.0.1')).toBe(false);
  });

  it('on a wildcard address answers to any host unless hosts are listed', () => {
    expect(new HostAllowlist({ host: '0.0.0.0', port: 80, allowedHosts: [] }).allows('anything')).toBe(true);
    const listed = new HostAllowlist({ host: '0.0.0.0', port: 80, allowedHosts: ['dash.internal'] });
    expect(listed.allows('dash.internal')).toBe(true);
    expect(listed.allows('evil.example')).toBe(false);
  });
});
