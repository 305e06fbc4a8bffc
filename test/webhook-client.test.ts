import { randomBytes } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as tick } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_URL_POLICY, type LookupFn, safeDispatcher, type UrlPolicy } from '../src/webhooks/ssrf.js';
import { deliverWebhook, sanitize, type WebhookRequest } from '../src/webhooks/webhook-client.js';

// A real HTTP receiver on 127.0.0.1 that checks signatures with the reference Standard Webhooks library,
// and a policy that allow-lists 127.0.0.1 the way a development setup would.

const LOCAL: UrlPolicy = { allowPrivate: false, allowHosts: ['127.0.0.1'] };
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  verified: boolean;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let port: number;
let received: Received[] = [];
let connections = 0;
let handler: Handler = (_req, res) => res.end();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      let verified = false;
      try {
        new Webhook(SECRET).verify(body, headers);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, verified });
      handler(req, res, body);
    });
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

let dispatchers: Dispatcher[] = [];

beforeEach(() => {
  received = [];
  connections = 0;
  handler = (_req, res) => res.end();
});

afterEach(async () => {
  server.closeAllConnections();
  await Promise.all(dispatchers.map((d) => d.destroy()));
  dispatchers = [];
});

function dispatcherFor(policy: UrlPolicy, lookup?: LookupFn): Dispatcher {
  const d = safeDispatcher(policy, { connectTimeoutMs: 2000, ...(lookup ? { lookup } : {}) });
  dispatchers.push(d);
  return d;
}

function event(url = `http://127.0.0.1:${port}/hooks/wismo`): WebhookRequest {
  const id = `evt_${randomBytes(6).toString('hex')}`;
  return {
    url,
    secret: SECRET,
    eventId: id,
    timestamp: new Date(),
    body: Buffer.from(JSON.stringify({ type: 'shipment.delivered', data: { id, note: 'Zürich ✓' } })),
  };
}

function deliver(
  req: WebhookRequest,
  opts: { policy?: UrlPolicy; timeoutMs?: number; lookup?: LookupFn } = {},
) {
  const policy = opts.policy ?? LOCAL;
  return deliverWebhook(req, {
    policy,
    dispatcher: dispatcherFor(policy, opts.lookup),
    timeoutMs: opts.timeoutMs ?? 5000,
    ...(opts.lookup ? { lookup: opts.lookup } : {}),
  });
}

function staticLookup(address: string): LookupFn & { calls: number } {
  const fn = async (): Promise<LookupAddress[]> => {
    fn.calls++;
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  fn.calls = 0;
  return fn;
}

describe('deliverWebhook', () => {
  it('delivers a signed event that the reference library verifies', async () => {
    handler = (_req, res) => res.writeHead(204).end();
    const req = event();
    const outcome = await deliver(req);
    expect(outcome).toMatchObject({ kind: 'delivered', status: 204 });
    expect(outcome.kind === 'delivered' && outcome.durationMs).toBeGreaterThanOrEqual(0);
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got?.verified).toBe(true);
    expect(got?.method).toBe('POST');
    expect(got?.url).toBe('/hooks/wismo');
    expect(got?.body).toBe(req.body.toString('utf8'));
    expect(got?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'wismo-webhooks/1',
      'webhook-id': req.eventId,
      'webhook-timestamp': String(Math.floor(req.timestamp.getTime() / 1000)),
    });
    expect(got?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it('counts any 2xx as delivered', async () => {
    handler = (_req, res) => res.writeHead(202).end('{"queued":true}');
    expect(await deliver(event())).toMatchObject({ kind: 'delivered', status: 202 });
  });

  it('stops reading an answer after 64 KB instead of waiting for its end', async () => {
    let sent = 0;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    };
    const started = Date.now();
    expect(await deliver(event(), { timeoutMs: 5000 })).toMatchObject({ kind: 'delivered', status: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('reuses the connection between deliveries', async () => {
    handler = (_req, res) => res.end('thanks');
    const dispatcher = dispatcherFor(LOCAL);
    for (let i = 0; i < 3; i++) {
      const outcome = await deliverWebhook(event(), { policy: LOCAL, dispatcher, timeoutMs: 5000 });
      expect(outcome.kind).toBe('delivered');
      // undici frees the connection for the next request a tick after the answer ends.
      await tick();
    }
    expect(received).toHaveLength(3);
    expect(connections).toBe(1);
  });

  it('retries a 500 and quotes a short, clean excerpt of the answer', async () => {
    handler = (_req, res) =>
      res.writeHead(500).end(`Internal\u0000 error\r\n\u202e\u001b[31m ${'detail '.repeat(100)}`);
    const outcome = await deliver(event());
    expect(outcome).toMatchObject({ kind: 'retry', status: 500, retryAfterMs: null });
    if (outcome.kind !== 'retry') throw new Error('expected a retry');
    expect(outcome.reason).toMatch(/^HTTP 500: Internal error \[31m detail detail/);
    expect(outcome.reason).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(outcome.reason.length).toBeLessThanOrEqual('HTTP 500: '.length + 200);
  });

  it('says HTTP <status> alone when the answer is empty', async () => {
    handler = (_req, res) => res.writeHead(502).end();
    expect(await deliver(event())).toMatchObject({ kind: 'retry', status: 502, reason: 'HTTP 502' });
  });

  it('retries a 429 after the Retry-After seconds', async () => {
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '7' }).end('slow down');
    expect(await deliver(event())).toMatchObject({
      kind: 'retry',
      status: 429,
      retryAfterMs: 7000,
      reason: 'HTTP 429: slow down',
    });
  });

  it('reads Retry-After as an HTTP date on a 503', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    handler = (_req, res) => res.writeHead(503, { 'retry-after': at }).end();
    const outcome = await deliver(event());
    expect(outcome).toMatchObject({ kind: 'retry', status: 503 });
    const after = outcome.kind === 'retry' ? outcome.retryAfterMs : null;
    expect(after).toBeGreaterThan(55_000);
    expect(after).toBeLessThanOrEqual(60_000);
  });

  it('ignores Retry-After on other statuses', async () => {
    handler = (_req, res) => res.writeHead(500, { 'retry-after': '7' }).end();
    expect(await deliver(event())).toMatchObject({ kind: 'retry', status: 500, retryAfterMs: null });
  });

  it('reports 410 Gone so the endpoint can be disabled', async () => {
    handler = (_req, res) => res.writeHead(410).end('endpoint removed');
    expect(await deliver(event())).toMatchObject({ kind: 'gone', status: 410 });
  });

  it('retries other 4xx answers', async () => {
    handler = (_req, res) =>
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad"}');
    expect(await deliver(event())).toMatchObject({
      kind: 'retry',
      status: 400,
      reason: 'HTTP 400: {"error":"bad"}',
    });
    handler = (_req, res) => res.writeHead(408).end();
    expect(await deliver(event())).toMatchObject({ kind: 'retry', status: 408 });
  });

  it('does not follow a 301', async () => {
    handler = (req, res) => {
      if (req.url === '/hooks/wismo')
        res.writeHead(301, { location: `http://127.0.0.1:${port}/moved` }).end();
      else res.end();
    };
    const outcome = await deliver(event());
    expect(outcome).toMatchObject({ kind: 'retry', status: 301 });
    expect(outcome.kind === 'retry' && outcome.reason).toBe(
      `HTTP 301: redirected to http://127.0.0.1:${port}/moved; redirects are not followed, update the URL`,
    );
    expect(received.map((r) => r.url)).toEqual(['/hooks/wismo']);
  });

  it('gives up on a slow endpoint after the timeout', async () => {
    handler = (_req, res) => {
      setTimeout(() => res.end(), 3000).unref();
    };
    const started = Date.now();
    const outcome = await deliver(event(), { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome).toMatchObject({ kind: 'retry', status: null, retryAfterMs: null });
    expect(outcome.kind === 'retry' && outcome.reason).toBe('timeout: no answer within 300 ms');
    expect(outcome.kind === 'retry' && outcome.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('counts the answer once its status is in, even if its body stalls', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    };
    expect(await deliver(event(), { timeoutMs: 300 })).toMatchObject({ kind: 'delivered', status: 200 });
  });

  it('retries when the connection is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await deliver(event(`http://127.0.0.1:${freePort}/hook`));
    expect(outcome).toMatchObject({
      kind: 'retry',
      status: null,
      reason: 'connection refused (ECONNREFUSED)',
      retryAfterMs: null,
    });
  });

  it('retries when the endpoint hangs up without answering', async () => {
    handler = (req) => req.socket.destroy();
    const outcome = await deliver(event());
    expect(outcome).toMatchObject({ kind: 'retry', status: null });
    expect(outcome.kind === 'retry' && outcome.reason).toMatch(/^connection (closed|reset)/);
  });

  it('refuses 127.0.0.1 under the default policy without sending anything', async () => {
    const outcome = await deliver(event(), { policy: DEFAULT_URL_POLICY });
    expect(outcome).toEqual({ kind: 'refused', reason: '127.0.0.1 is a private address (loopback)' });
    expect(received).toHaveLength(0);
    expect(connections).toBe(0);
  });

  it('refuses a URL that is not http(s) or carries credentials', async () => {
    expect(await deliver(event(`ftp://127.0.0.1:${port}/`))).toEqual({
      kind: 'refused',
      reason: 'must use https or http, not ftp',
    });
    expect(await deliver(event(`http://me:pw@127.0.0.1:${port}/`))).toMatchObject({ kind: 'refused' });
    expect(received).toHaveLength(0);
  });

  it('retries when the host name does not resolve', async () => {
    const nowhere: LookupFn = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const outcome = await deliver(event(`http://nowhere.example:${port}/`), { lookup: nowhere });
    expect(outcome).toMatchObject({
      kind: 'retry',
      status: null,
      reason: 'could not resolve nowhere.example (ENOTFOUND)',
    });
  });

  it('refuses a name that resolves to a public address for the check and to 127.0.0.1 when connecting', async () => {
    // DNS rebinding: the first answer passes checkWebhookUrl, the next one points at wismo's own network.
    // 127.0.0.1 is even allow-listed here: that covers URLs naming 127.0.0.1, not names resolving to it.
    const checkLookup = staticLookup('93.184.216.34');
    const connectLookup = staticLookup('127.0.0.1');
    const url = `http://rebind.example:${port}/hooks/wismo`;
    for (const policy of [LOCAL, DEFAULT_URL_POLICY]) {
      const outcome = await deliverWebhook(event(url), {
        policy,
        dispatcher: dispatcherFor(policy, connectLookup),
        timeoutMs: 5000,
        lookup: checkLookup,
      });
      expect(outcome).toEqual({
        kind: 'refused',
        reason: 'rebind.example resolves to 127.0.0.1, a private address (loopback)',
      });
    }
    expect(checkLookup.calls).toBe(2);
    expect(connectLookup.calls).toBe(2);
    expect(received).toHaveLength(0);
    expect(connections).toBe(0);
  });
});

describe('sanitize', () => {
  it('keeps printable text on one line, at most 200 characters', () => {
    expect(sanitize('  a\tb\r\nc\u0007d\u200be\u202ef  ')).toBe('a b c d e f');
    expect(sanitize('')).toBe('');
    const long = sanitize('é'.repeat(300));
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
    expect(Array.from(sanitize('😀'.repeat(300)))).toHaveLength(200);
  });
});
