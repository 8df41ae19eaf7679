import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { OUTBOUND_ALLOW_SETTING, parseOutboundAllowList, type OutboundAllowList } from '../config/outbound-allow.js';

/**
 * Where Roundhouse may send webhooks (reprocess commands, alert notifications): public addresses
 * only, unless ROUNDHOUSE_OUTBOUND_ALLOW names the host or a range holding its address. A URL in a
 * catalog is written by automation owners; without this guard it could make the api POST, signed,
 * to its own loopback listeners, the cloud's metadata service (169.254.169.254) or anything on the
 * private network. The check is made on the addresses the host resolves to when the request is
 * sent, and the connection goes to the very addresses checked (the guard is the connection's DNS
 * lookup), so an answer that changes between a check and a connect (DNS rebinding) cannot slip by.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all of its addresses: the system's resolver (getaddrinfo), or a test's. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  uniqueLocal: 'a unique-local (private IPv6) address',
  unspecified: 'an unspecified address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/** What kind of non-public address `address` is, in words; undefined for a public (global unicast) one. */
function nonPublic(address: Address): string | undefined {
  const range = address.range();
  if (range === 'unicast') {
    if (address.kind() === 'ipv6' && !address.match(GLOBAL_UNICAST_V6)) {
      return 'an IPv6 address outside global unicast (2000::/3)';
    }
    return undefined;
  }
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

/** Refused by the outbound guard: the message is a sentence without the URL's path, query or credentials. */
export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export class OutboundGuard {
  constructor(
    private readonly allow: OutboundAllowList,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  /** From the setting's value (validated at start-up: a wrong one never gets here). */
  static fromSetting(value: string | undefined, resolve?: Resolver): OutboundGuard {
    const parsed = parseOutboundAllowList(value);
    if (!parsed.ok) {
      throw new Error(`${OUTBOUND_ALLOW_SETTING}: ${parsed.problems.join('; ')}`);
    }
    return new OutboundGuard(parsed.allow, resolve);
  }

  /** Why `host`, at `address`, may not be sent to (a sentence), or undefined when it may. */
  refusal(host: string, address: string): string | undefined {
    const problem = this.problem(host, address);
    return problem === undefined ? undefined : `${problem}: Roundhouse sends webhooks only to public addresses unless ${OUTBOUND_ALLOW_SETTING} names the host or its range`;
  }

  /**
   * Without resolving anything (for validating a catalog): what is wrong with the URL's host when
   * it is an IP address, or a `localhost` name (always loopback, RFC 6761), in a few words
   * ("127.0.0.1, a loopback address"); undefined otherwise.
   */
  literalProblem(url: URL): string | undefined {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) !== 0) {
      return this.problem(host, host);
    }
    if (host === 'localhost' || host.endsWith('.localhost')) {
      return this.problem(host, '127.0.0.1');
    }
    return undefined;
  }

  /** literalProblem as a sentence: a host that is an address is connected to without a lookup, so check it with this first. */
  literalRefusal(url: URL): string | undefined {
    const problem = this.literalProblem(url);
    return problem === undefined ? undefined : `${problem}: Roundhouse sends webhooks only to public addresses unless ${OUTBOUND_ALLOW_SETTING} names the host or its range`;
  }

  /** "host resolves to address, a loopback address", or undefined when the address is public or allowed. */
  private problem(host: string, address: string): string | undefined {
    const where = host === address ? address : `${host} resolves to ${address}`;
    if (!ipaddr.isValid(address)) {
      return `${where}, which is not an IP address`;
    }
    const ip = ipaddr.process(address);
    const kind = nonPublic(ip);
    if (kind === undefined || this.allow.hosts.has(host.toLowerCase()) || this.allow.ranges.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits))) {
      return undefined;
    }
    return `${where}, ${kind}`;
  }

  /**
   * The DNS lookup of every outbound webhook connection (node's `lookup` option): resolves the
   * host, refuses it when any of its addresses is not allowed, and hands the checked addresses to
   * the connection. Hosts that are IP addresses skip lookups: check those with literalRefusal first.
   */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    this.resolve(hostname).then(
      (answers) => {
        const refused = answers.map((answer) => this.refusal(hostname, answer.address)).find((reason) => reason !== undefined);
        if (refused !== undefined) {
          callback(new OutboundRefusedError(refused), '', 4);
          return;
        }
        const usable = options.family === 4 || options.family === 6 ? answers.filter((answer) => answer.family === options.family) : answers;
        const first = usable[0];
        if (first === undefined) {
          callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
          return;
        }
        if (options.all === true) {
          callback(
            null,
            usable.map(({ address, family }) => ({ address, family })),
          );
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 4),
    );
  };
}
