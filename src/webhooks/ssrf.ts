import { promises as dns, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, type Dispatcher } from 'undici';

// Merchants choose where wismo sends requests, so a webhook URL is a way to make wismo's servers call
// anything they can reach: the cloud metadata service, Redis, Postgres, an admin page on the private
// network. Only public unicast addresses are accepted. The URL is checked when it is registered and again
// before each delivery, and the dispatcher checks every address it is about to connect to, because a name
// can resolve to a public address for the check and to a private one a moment later (DNS rebinding).

export interface UrlPolicy {
  /** Development only: any destination is accepted. */
  allowPrivate: boolean;
  /**
   * Host names or IP addresses (exact, case-insensitive) that may resolve to private addresses. Matched
   * against the URL's host only, never against the addresses a name resolves to: allow-listing 127.0.0.1
   * does not let any name that resolves to 127.0.0.1 through.
   */
  allowHosts: readonly string[];
}

export const DEFAULT_URL_POLICY: UrlPolicy = { allowPrivate: false, allowHosts: [] };

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Resolves a host name to every address it has, like dns.lookup(host, { all: true }). */
export type LookupFn = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemLookup: LookupFn = (hostname) => dns.lookup(hostname, { all: true });

/** The destination is not allowed; `reason` is meant for the merchant ("resolves to 10.0.0.5, ..."). */
export class UnsafeUrlError extends Error {
  readonly code = 'ERR_WISMO_UNSAFE_URL';
  constructor(readonly reason: string) {
    super(`webhook URL refused: ${reason}`);
    this.name = 'UnsafeUrlError';
  }
}

/** The host name could not be resolved: not a verdict on the URL, and usually worth trying again later. */
export class HostLookupError extends Error {
  constructor(
    readonly reason: string,
    readonly code: string | undefined,
  ) {
    super(reason);
    this.name = 'HostLookupError';
  }
}

const METADATA_ADDRESS = '169.254.169.254';

const IPV4_LABELS: Record<string, string> = {
  private: '',
  loopback: 'loopback',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  reserved: 'reserved, benchmarking or documentation range',
  as112: 'AS112',
  amt: 'AMT',
};

const IPV6_LABELS: Record<string, string> = {
  loopback: 'loopback',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  multicast: 'multicast',
  unspecified: 'unspecified',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard-only',
  teredo: 'Teredo',
  benchmarking: 'benchmarking',
  reserved: 'reserved or documentation range',
  amt: 'AMT',
  as112v6: 'AS112',
  orchid2: 'ORCHID',
  deprecatedOrchid: 'ORCHID',
  droneRemoteIdProtocolEntityTags: 'DRIP',
  segmentRouting: 'segment routing',
};

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/**
 * Why an address is not public, as a short label ('' for plain RFC 1918 space), or null when it is a public
 * unicast address. Anything unreadable counts as not public.
 */
export function nonPublicLabel(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return 'unreadable address';
  }
  return ip.kind() === 'ipv4' ? ipv4Label(ip as ipaddr.IPv4) : ipv6Label(ip as ipaddr.IPv6);
}

function ipv4Label(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  if (range === 'unicast') return null;
  if (ip.toString() === METADATA_ADDRESS) return 'cloud metadata service';
  return IPV4_LABELS[range] ?? range;
}

function ipv6Label(ip: ipaddr.IPv6): string | null {
  const range = ip.range();
  // Addresses that carry an IPv4 address are judged by it: a NAT64 gateway or a dual-stack socket would
  // deliver to the IPv4 address, and DNS64 networks hand out 64:ff9b::/96 addresses for public hosts.
  if (range === 'ipv4Mapped') return embedded('IPv4-mapped', ip.parts[6], ip.parts[7]);
  if (range === 'rfc6145') return embedded('IPv4-translated', ip.parts[6], ip.parts[7]);
  if (range === 'rfc6052') {
    return ip.match(NAT64_WELL_KNOWN) ? embedded('NAT64', ip.parts[6], ip.parts[7]) : 'local-use NAT64';
  }
  if (range === '6to4') return embedded('6to4', ip.parts[1], ip.parts[2]);
  if (range === 'unicast') {
    // ipaddr.js calls everything it has no name for unicast, including IPv4-compatible ::a.b.c.d and
    // unallocated space; only 2000::/3 is routed on the internet.
    return ip.match(GLOBAL_UNICAST_V6) ? null : 'not global unicast';
  }
  return IPV6_LABELS[range] ?? range;
}

function embedded(kind: string, high = 0, low = 0): string | null {
  const v4 = new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const inner = ipv4Label(v4);
  if (inner === null) return null;
  return `${kind} ${v4.toString()}${inner ? `, ${inner}` : ''}`;
}

function privateAddress(label: string): string {
  return `a private address${label ? ` (${label})` : ''}`;
}

/** The URL's host without IPv6 brackets, lower case, without a trailing dot. */
function bareHost(hostname: string): string {
  const h = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return h.toLowerCase().replace(/\.$/, '');
}

/** One spelling per host, so '::1', '[::1]' and '0:0::1' in the allow-list all match http://[::1]/. */
function hostKey(hostname: string): string {
  const h = bareHost(hostname);
  if (isIP(h) === 0) return h;
  try {
    return ipaddr.parse(h).toNormalizedString();
  } catch {
    return h;
  }
}

function isAllowListed(hostname: string, policy: UrlPolicy): boolean {
  if (policy.allowHosts.length === 0) return false;
  const key = hostKey(hostname);
  return policy.allowHosts.some((h) => hostKey(h) === key);
}

function parseWebhookUrl(url: string): URL {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) {
    throw new UnsafeUrlError(`is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeUrlError('is not a valid URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UnsafeUrlError(`must use https or http, not ${parsed.protocol.replace(/:$/, '').slice(0, 20)}`);
  }
  // They would be sent as a Basic Authorization header, and they end up in logs and in the dashboard.
  if (parsed.username !== '' || parsed.password !== '') {
    throw new UnsafeUrlError('has credentials in it (user:password@); verify the webhook signature instead');
  }
  if (parsed.hostname === '') throw new UnsafeUrlError('has no host');
  return parsed;
}

async function resolveAll(hostname: string, lookup: LookupFn): Promise<readonly LookupAddress[]> {
  let addresses: readonly LookupAddress[];
  try {
    addresses = await lookup(hostname);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const c = typeof code === 'string' ? code : undefined;
    throw new HostLookupError(`could not resolve ${hostname}${c ? ` (${c})` : ''}`, c);
  }
  if (addresses.length === 0) throw new HostLookupError(`${hostname} resolves to no address`, undefined);
  return addresses;
}

/** Throws UnsafeUrlError when one of the addresses is not public: one bad address is enough to refuse. */
function assertPublic(hostname: string, addresses: readonly LookupAddress[]): void {
  for (const { address } of addresses) {
    const label = nonPublicLabel(address);
    if (label !== null)
      throw new UnsafeUrlError(`${hostname} resolves to ${address}, ${privateAddress(label)}`);
  }
}

/**
 * Resolves when `url` is an acceptable webhook destination under `policy`. Throws UnsafeUrlError when it is
 * not, and HostLookupError when its host name cannot be resolved (a DNS failure says nothing about safety).
 * allowPrivate and allowHosts lift the address checks only: the scheme, length and credentials rules hold.
 */
export async function checkWebhookUrl(
  url: string,
  policy: UrlPolicy,
  lookup: LookupFn = systemLookup,
): Promise<void> {
  const parsed = parseWebhookUrl(url);
  if (policy.allowPrivate || isAllowListed(parsed.hostname, policy)) return;
  const host = bareHost(parsed.hostname);
  // The URL parser already turned 2130706433, 0x7f.1 and friends into dotted quads.
  if (isIP(host) !== 0) {
    const label = nonPublicLabel(host);
    if (label !== null) throw new UnsafeUrlError(`${host} is ${privateAddress(label)}`);
    return;
  }
  assertPublic(host, await resolveAll(host, lookup));
}

export interface SafeDispatcherOptions {
  connectTimeoutMs: number;
  /** Replaces the system resolver (tests). */
  lookup?: LookupFn;
  /** How long an idle connection is kept for the next delivery; undici's default is 4 s. */
  keepAliveTimeoutMs?: number;
  /** Concurrent connections per origin. */
  connections?: number;
}

/**
 * An undici Agent that checks every address at connection time: IP literals before connecting, names in the
 * socket's lookup, so whatever a name resolves to between checkWebhookUrl and the request, no connection to
 * a private address is opened. A refused connection fails the request with an UnsafeUrlError. Redirects are
 * not followed (undici does not, and no redirect interceptor is added): a 3xx is an answer like any other.
 */
export function safeDispatcher(policy: UrlPolicy, options: SafeDispatcherOptions): Dispatcher {
  const resolve = options.lookup ?? systemLookup;

  // net hands the lookup the host undici connects to, which is the URL's host (IPv6 brackets removed).
  const usableAddresses = async (hostname: string, family: number): Promise<LookupAddress[]> => {
    const name = bareHost(hostname);
    const addresses = await resolveAll(name, resolve);
    if (!policy.allowPrivate && !isAllowListed(name, policy)) assertPublic(name, addresses);
    const usable = addresses.filter((a) => family === 0 || a.family === family);
    if (usable.length === 0) throw new HostLookupError(`${name} has no IPv${family} address`, 'ENOTFOUND');
    return usable.map((a) => ({ address: a.address, family: a.family }));
  };

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
    usableAddresses(hostname, family).then(
      (usable) => {
        // net asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
        const [first] = usable;
        if (lookupOptions.all || !first) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };

  const base = buildConnector({ timeout: options.connectTimeoutMs, lookup });

  const connect: buildConnector.connector = (opts, callback) => {
    const host = bareHost(opts.hostname);
    // net.connect does not call lookup for an IP literal, so literals are checked here.
    if (!policy.allowPrivate && isIP(host) !== 0 && !isAllowListed(host, policy)) {
      const label = nonPublicLabel(host);
      if (label !== null) {
        callback(new UnsafeUrlError(`${host} is ${privateAddress(label)}`), null);
        return;
      }
    }
    base(opts, callback);
  };

  return new Agent({
    connect,
    ...(options.keepAliveTimeoutMs !== undefined ? { keepAliveTimeout: options.keepAliveTimeoutMs } : {}),
    ...(options.connections !== undefined ? { connections: options.connections } : {}),
  });
}
