import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * ROUNDHOUSE_OUTBOUND_ALLOW as written: the hosts and ranges the outbound guard (outbound/) lets
 * webhooks reach besides public addresses. Parsed here so that a wrong value stops start-up.
 */
export const OUTBOUND_ALLOW_SETTING = 'ROUNDHOUSE_OUTBOUND_ALLOW';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** What ROUNDHOUSE_OUTBOUND_ALLOW names: host names, and addresses or CIDR ranges. */
export interface OutboundAllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly [Address, number][];
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The setting's entries (comma-separated), or sentences naming the ones that are neither a host name, an address nor a CIDR range. */
export function parseOutboundAllowList(value: string | undefined): { ok: true; allow: OutboundAllowList } | { ok: false; problems: string[] } {
  const hosts = new Set<string>();
  const ranges: [Address, number][] = [];
  const problems: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1');
    if (entry === '') {
      continue;
    }
    if (isIP(entry) !== 0) {
      const address = ipaddr.process(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (entry.includes('/') && ipaddr.isValidCIDR(entry)) {
      const [network, bits] = ipaddr.parseCIDR(entry);
      // An IPv4-mapped range (::ffff:10.0.0.0/104) is the IPv4 range it maps.
      ranges.push(network instanceof ipaddr.IPv6 && network.isIPv4MappedAddress() && bits >= 96 ? [network.toIPv4Address(), bits - 96] : [network, bits]);
    } else if (HOST_NAME.test(entry)) {
      hosts.add(entry);
    } else {
      problems.push(`${JSON.stringify(raw.trim())} is neither a host name, an IP address nor a CIDR range such as 10.20.0.0/16`);
    }
  }
  return problems.length === 0 ? { ok: true, allow: { hosts, ranges } } : { ok: false, problems };
}
