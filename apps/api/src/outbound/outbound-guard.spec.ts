import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app.config.js';
import { parseOutboundAllowList } from '../config/outbound-allow.js';
import { OutboundGuard } from './outbound-guard.js';

describe(OutboundGuard.name, () => {
  const closed = OutboundGuard.fromSetting(undefined);

  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.8.9.10', 'a loopback address'],
    ['10.1.2.3', 'a private (RFC 1918) address'],
    ['172.16.0.1', 'a private (RFC 1918) address'],
    ['192.168.1.20', 'a private (RFC 1918) address'],
    ['169.254.169.254', 'a link-local address (where cloud metadata services answer)'],
    ['100.64.0.1', 'a carrier-grade NAT (shared) address'],
    ['0.0.0.0', 'an unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'the broadcast address'],
    ['192.0.2.1', 'a special-purpose address (reserved)'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fe80::1', 'a link-local address (where cloud metadata services answer)'],
    ['fd00:ec2::254', 'a unique-local (private IPv6) address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:10.0.0.1', 'a private (RFC 1918) address'],
    ['64:ff9b::a00:1', 'a special-purpose address (rfc6052)'],
    ['::7f00:1', 'an IPv6 address outside global unicast (2000::/3)'],
  ])('refuses %s: %s', (address, kind) => {
    expect(closed.refusal('hooks.example', address)).toBe(
      `hooks.example resolves to ${address}, ${kind}: Roundhouse sends webhooks only to public addresses unless ROUNDHOUSE_OUTBOUND_ALLOW names the host or its range`,
    );
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('lets %s (public) through', (address) => {
    expect(closed.refusal('hooks.example', address)).toBeUndefined();
  });

  it('lets through what the allow-list names: a range, an address, a host name', () => {
    const guard = OutboundGuard.fromSetting(' 10.20.0.0/16, [fd00::1], hooks.internal.example ,::ffff:192.168.0.0/112');
    expect(guard.refusal('a.example', '10.20.3.4')).toBeUndefined();
    expect(guard.refusal('a.example', '::ffff:10.20.3.4')).toBeUndefined();
    expect(guard.refusal('a.example', '10.21.0.1')).toMatch(/a private \(RFC 1918\) address/);
    expect(guard.refusal('a.example', 'fd00::1')).toBeUndefined();
    expect(guard.refusal('a.example', 'fd00::2')).toMatch(/unique-local/);
    expect(guard.refusal('Hooks.Internal.Example', '10.99.0.1')).toBeUndefined();
    expect(guard.refusal('a.example', '192.168.7.7')).toBeUndefined();
  });

  it('judges URLs whose host is an address or a localhost name without resolving anything', () => {
    expect(closed.literalProblem(new URL('http://[::1]:8080/x'))).toBe('::1, a loopback address');
    expect(closed.literalProblem(new URL('http://0x7f.1/x'))).toBe('127.0.0.1, a loopback address');
    expect(closed.literalProblem(new URL('http://api.localhost/x'))).toBe('api.localhost resolves to 127.0.0.1, a loopback address');
    expect(closed.literalProblem(new URL('https://hooks.example/x'))).toBeUndefined();
    expect(OutboundGuard.fromSetting('localhost').literalProblem(new URL('http://localhost:3000/'))).toBeUndefined();
  });

  it('stops start-up on an entry that is neither a host, an address nor a range', () => {
    expect(parseOutboundAllowList('10.0.0.0/33, hooks_internal')).toEqual({
      ok: false,
      problems: [
        '"10.0.0.0/33" is neither a host name, an IP address nor a CIDR range such as 10.20.0.0/16',
        '"hooks_internal" is neither a host name, an IP address nor a CIDR range such as 10.20.0.0/16',
      ],
    });
    expect(() => loadConfig({ ROUNDHOUSE_OUTBOUND_ALLOW: '10.0.0.0/8,http://hooks' })).toThrow(
      'Invalid configuration. ROUNDHOUSE_OUTBOUND_ALLOW: "http://hooks" is neither a host name, an IP address nor a CIDR range such as 10.20.0.0/16.',
    );
  });
});
