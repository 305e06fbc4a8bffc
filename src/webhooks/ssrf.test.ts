import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkWebhookUrl,
  DEFAULT_URL_POLICY,
  HostLookupError,
  type LookupFn,
  nonPublicLabel,
  safeDispatcher,
  UnsafeUrlError,
  type UrlPolicy,
} from './ssrf.js';

function fakeLookup(table: Record<string, string[]>): LookupFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(fn, { calls });
}

const dns = fakeLookup({
  'public.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'mixed.example': ['93.184.216.34', '10.0.0.5'],
  'internal.example': ['10.0.0.5'],
  'sub.internal.example': ['10.0.0.6'],
  'metadata.example': ['169.254.169.254'],
  'v6local.example': ['fd00:ec2::254'],
  'mapped.example': ['::ffff:192.168.1.1'],
  'nat64.example': ['64:ff9b::a00:1'],
  'nat64-public.example': ['64:ff9b::5db8:d822'],
  'sixtofour.example': ['2002:7f00:1::1'],
  'empty.example': [],
  localhost: ['127.0.0.1', '::1'],
});

async function refusal(url: string, policy: UrlPolicy = DEFAULT_URL_POLICY): Promise<string> {
  try {
    await checkWebhookUrl(url, policy, dns);
  } catch (err) {
    if (err instanceof UnsafeUrlError) return err.reason;
    throw err;
  }
  throw new Error(`${url} was accepted`);
}

describe('checkWebhookUrl', () => {
  it.each([
    ['http://127.0.0.1/hook', '127.0.0.1 is a private address (loopback)'],
    ['http://127.255.1.2/hook', '127.255.1.2 is a private address (loopback)'],
    ['http://10.1.2.3/hook', '10.1.2.3 is a private address'],
    ['http://172.16.0.1/hook', '172.16.0.1 is a private address'],
    ['http://172.31.255.255/hook', '172.31.255.255 is a private address'],
    ['http://192.168.1.1/hook', '192.168.1.1 is a private address'],
    [
      'http://169.254.169.254/latest/meta-data/',
      '169.254.169.254 is a private address (cloud metadata service)',
    ],
    ['http://169.254.1.1/', '169.254.1.1 is a private address (link-local)'],
    ['http://0.0.0.0:8080/', '0.0.0.0 is a private address (unspecified)'],
    ['http://100.64.0.1/', '100.64.0.1 is a private address (carrier-grade NAT)'],
    ['http://198.18.0.1/', '198.18.0.1 is a private address (reserved, benchmarking or documentation range)'],
    ['http://240.0.0.1/', '240.0.0.1 is a private address (reserved, benchmarking or documentation range)'],
    ['http://255.255.255.255/', '255.255.255.255 is a private address (broadcast)'],
    ['http://224.0.0.1/', '224.0.0.1 is a private address (multicast)'],
    ['http://[::1]/hook', '::1 is a private address (loopback)'],
    ['http://[::]/hook', ':: is a private address (unspecified)'],
    ['http://[fe80::1]/hook', 'fe80::1 is a private address (link-local)'],
    ['http://[fc00::1]/hook', 'fc00::1 is a private address (unique-local)'],
    ['http://[fd12:3456::1]/hook', 'fd12:3456::1 is a private address (unique-local)'],
    ['http://[ff02::1]/hook', 'ff02::1 is a private address (multicast)'],
    ['http://[2001:db8::1]/hook', '2001:db8::1 is a private address (reserved or documentation range)'],
    // The URL parser writes IPv4-mapped addresses in hex: ::ffff:10.0.0.1 becomes ::ffff:a00:1.
    ['http://[::ffff:10.0.0.1]/hook', '::ffff:a00:1 is a private address (IPv4-mapped 10.0.0.1)'],
    [
      'http://[::ffff:127.0.0.1]/hook',
      '::ffff:7f00:1 is a private address (IPv4-mapped 127.0.0.1, loopback)',
    ],
    [
      'http://[64:ff9b::169.254.169.254]/',
      '64:ff9b::a9fe:a9fe is a private address (NAT64 169.254.169.254, cloud metadata service)',
    ],
    ['http://[2002:a00:1::1]/', '2002:a00:1::1 is a private address (6to4 10.0.0.1)'],
    ['http://[::127.0.0.1]/', '::7f00:1 is a private address (not global unicast)'],
  ])('refuses %s', async (url, reason) => {
    expect(await refusal(url)).toBe(reason);
  });

  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0xa9fea9fe/', '169.254.169.254'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://[0:0:0:0:0:0:0:1]/', '::1'],
  ])('reads the odd address %s as %s (the URL parser normalizes it)', async (url, address) => {
    expect(await refusal(url)).toMatch(
      new RegExp(`^${address.replace(/[.:]/g, '\\$&')} is a private address`),
    );
  });

  it('resolves host names and refuses private answers', async () => {
    expect(await refusal('https://internal.example/hook')).toBe(
      'internal.example resolves to 10.0.0.5, a private address',
    );
    expect(await refusal('https://metadata.example/')).toBe(
      'metadata.example resolves to 169.254.169.254, a private address (cloud metadata service)',
    );
    expect(await refusal('https://v6local.example/')).toBe(
      'v6local.example resolves to fd00:ec2::254, a private address (unique-local)',
    );
    expect(await refusal('https://mapped.example/')).toMatch(/IPv4-mapped 192\.168\.1\.1/);
    expect(await refusal('https://nat64.example/')).toMatch(/NAT64 10\.0\.0\.1/);
    expect(await refusal('https://sixtofour.example/')).toMatch(/6to4 127\.0\.0\.1, loopback/);
    expect(await refusal('http://localhost:3000/')).toBe(
      'localhost resolves to 127.0.0.1, a private address (loopback)',
    );
  });

  it('refuses a name when any one of its addresses is private', async () => {
    expect(await refusal('https://mixed.example/hook')).toBe(
      'mixed.example resolves to 10.0.0.5, a private address',
    );
  });

  it('accepts public addresses and names', async () => {
    await expect(
      checkWebhookUrl('https://public.example/hook?x=1', DEFAULT_URL_POLICY, dns),
    ).resolves.toBeUndefined();
    await expect(
      checkWebhookUrl('https://PUBLIC.example./hook', DEFAULT_URL_POLICY, dns),
    ).resolves.toBeUndefined();
    await expect(
      checkWebhookUrl('https://nat64-public.example/', DEFAULT_URL_POLICY, dns),
    ).resolves.toBeUndefined();
    await expect(
      checkWebhookUrl('http://93.184.216.34:8080/', DEFAULT_URL_POLICY, dns),
    ).resolves.toBeUndefined();
    await expect(
      checkWebhookUrl('http://[2606:4700::1111]/', DEFAULT_URL_POLICY, dns),
    ).resolves.toBeUndefined();
    await expect(
      checkWebhookUrl('http://[::ffff:8.8.8.8]/', DEFAULT_URL_POLICY, dns),
    ).resolves.toBeUndefined();
  });

  it('does not resolve IP literals', async () => {
    const before = dns.calls.length;
    await refusal('http://10.0.0.1/');
    await checkWebhookUrl('http://8.8.8.8/', DEFAULT_URL_POLICY, dns);
    expect(dns.calls.length).toBe(before);
  });

  it('refuses other schemes, credentials, long and broken URLs', async () => {
    expect(await refusal('ftp://public.example/file')).toBe('must use https or http, not ftp');
    expect(await refusal('file:///etc/passwd')).toBe('must use https or http, not file');
    expect(await refusal('gopher://public.example:6379/_INFO')).toBe('must use https or http, not gopher');
    expect(await refusal('https://user:secret@public.example/hook')).toMatch(/^has credentials in it/);
    expect(await refusal('https://token@public.example/hook')).toMatch(/^has credentials in it/);
    expect(await refusal('not a url')).toBe('is not a valid URL');
    expect(await refusal('https:///')).toBe('is not a valid URL');
    expect(await refusal(`https://public.example/${'a'.repeat(2048)}`)).toBe(
      'is longer than 2048 characters',
    );
    await expect(
      checkWebhookUrl(`https://public.example/${'a'.repeat(2000)}`, DEFAULT_URL_POLICY, dns),
    ).resolves.toBeUndefined();
  });

  it('lets everything through with allowPrivate, except malformed URLs', async () => {
    const dev: UrlPolicy = { allowPrivate: true, allowHosts: [] };
    for (const url of [
      'http://127.0.0.1:3000/',
      'http://[::1]/',
      'https://internal.example/',
      'http://nowhere.example/',
    ]) {
      await expect(checkWebhookUrl(url, dev, dns)).resolves.toBeUndefined();
    }
    expect(await refusal('ftp://127.0.0.1/', dev)).toMatch(/^must use https or http/);
    expect(await refusal('http://a:b@127.0.0.1/', dev)).toMatch(/^has credentials/);
  });

  it('lets allow-listed hosts through, exactly and ignoring case', async () => {
    const policy: UrlPolicy = {
      allowPrivate: false,
      allowHosts: ['127.0.0.1', 'LocalHost', '::1', 'internal.example'],
    };
    await expect(checkWebhookUrl('http://127.0.0.1:4000/', policy, dns)).resolves.toBeUndefined();
    await expect(checkWebhookUrl('http://localhost:4000/', policy, dns)).resolves.toBeUndefined();
    await expect(checkWebhookUrl('http://LOCALHOST./', policy, dns)).resolves.toBeUndefined();
    await expect(checkWebhookUrl('http://[0::1]:4000/', policy, dns)).resolves.toBeUndefined();
    await expect(checkWebhookUrl('https://Internal.Example/', policy, dns)).resolves.toBeUndefined();
    // Other private addresses are still refused, and allow-listing an address says nothing about names.
    expect(await refusal('http://127.0.0.2/', policy)).toMatch(/loopback/);
    expect(await refusal('http://10.0.0.5/', policy)).toBe('10.0.0.5 is a private address');
    expect(await refusal('https://sub.internal.example/', policy)).toBe(
      'sub.internal.example resolves to 10.0.0.6, a private address',
    );
  });

  it('reports names that do not resolve apart from unsafe ones', async () => {
    await expect(checkWebhookUrl('https://nowhere.example/', DEFAULT_URL_POLICY, dns)).rejects.toMatchObject({
      constructor: HostLookupError,
      code: 'ENOTFOUND',
      reason: 'could not resolve nowhere.example (ENOTFOUND)',
    });
    await expect(checkWebhookUrl('https://empty.example/', DEFAULT_URL_POLICY, dns)).rejects.toBeInstanceOf(
      HostLookupError,
    );
  });
});

describe('nonPublicLabel', () => {
  it('passes public unicast only', () => {
    expect(nonPublicLabel('8.8.8.8')).toBeNull();
    expect(nonPublicLabel('2a00:1450:4001:80e::200e')).toBeNull();
    expect(nonPublicLabel('172.32.0.1')).toBeNull();
    expect(nonPublicLabel('100.128.0.1')).toBeNull();
    expect(nonPublicLabel('172.15.255.255')).toBeNull();
    expect(nonPublicLabel('2001::1')).toBe('Teredo');
    expect(nonPublicLabel('fe80::1%eth0')).toBe('link-local');
    expect(nonPublicLabel('not an address')).toBe('unreadable address');
  });
});

describe('safeDispatcher', () => {
  let server: Server;
  let port: number;
  let requests = 0;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('ok');
    });
    server.on('connection', () => {
      connections++;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function get(url: string, policy: UrlPolicy, lookup: LookupFn): Promise<number | Error> {
    const dispatcher = safeDispatcher(policy, { connectTimeoutMs: 2000, lookup });
    try {
      const res = await request(url, { dispatcher });
      await res.body.dump();
      return res.statusCode;
    } catch (err) {
      return err as Error;
    } finally {
      await dispatcher.close();
    }
  }

  it('refuses to connect to a name that resolves to a private address at connection time', async () => {
    const before = { requests, connections };
    const err = await get(
      `http://rebind.example:${port}/`,
      DEFAULT_URL_POLICY,
      fakeLookup({ 'rebind.example': ['127.0.0.1'] }),
    );
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect((err as UnsafeUrlError).reason).toBe(
      'rebind.example resolves to 127.0.0.1, a private address (loopback)',
    );
    expect({ requests, connections }).toEqual(before);
  });

  it('refuses a name when any address is private, even if the first one is public', async () => {
    const before = connections;
    const lookup = fakeLookup({ 'rebind.example': ['93.184.216.34', '127.0.0.1'] });
    const err = await get(`http://rebind.example:${port}/`, DEFAULT_URL_POLICY, lookup);
    expect((err as UnsafeUrlError).reason).toMatch(/127\.0\.0\.1, a private address/);
    expect(connections).toBe(before);
  });

  it('refuses private IP literals, which never reach the lookup', async () => {
    const before = connections;
    const lookup = fakeLookup({});
    const err = await get(`http://127.0.0.1:${port}/`, DEFAULT_URL_POLICY, lookup);
    expect((err as UnsafeUrlError).reason).toBe('127.0.0.1 is a private address (loopback)');
    expect(lookup.calls).toEqual([]);
    expect(connections).toBe(before);
  });

  it('connects to allow-listed hosts, but not to other names that resolve to them', async () => {
    const lookup = fakeLookup({ 'dev.example': ['127.0.0.1'], 'rebind.example': ['127.0.0.1'] });
    const policy: UrlPolicy = { allowPrivate: false, allowHosts: ['127.0.0.1', 'dev.example'] };
    expect(await get(`http://127.0.0.1:${port}/`, policy, lookup)).toBe(200);
    expect(await get(`http://dev.example:${port}/`, policy, lookup)).toBe(200);
    expect(await get(`http://rebind.example:${port}/`, policy, lookup)).toBeInstanceOf(UnsafeUrlError);
    expect(await get(`http://rebind.example:${port}/`, { allowPrivate: true, allowHosts: [] }, lookup)).toBe(
      200,
    );
  });

  it('passes resolver failures through', async () => {
    const err = await get(`http://nowhere.example:${port}/`, DEFAULT_URL_POLICY, fakeLookup({}));
    expect(err).toBeInstanceOf(HostLookupError);
  });

  it('does not follow redirects', async () => {
    const redirecting = createServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const before = requests;
    const other = (redirecting.address() as AddressInfo).port;
    const policy: UrlPolicy = { allowPrivate: false, allowHosts: ['127.0.0.1'] };
    expect(await get(`http://127.0.0.1:${other}/`, policy, fakeLookup({}))).toBe(302);
    expect(requests).toBe(before);
    redirecting.closeAllConnections();
    await new Promise((resolve) => redirecting.close(resolve));
  });
});
