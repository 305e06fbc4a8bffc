import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import type { PollContext } from '../../polling/client.js';
import { TokenCache } from '../../polling/oauth.js';

// A stand-in carrier for the UPS, FedEx and USPS poll client tests: a real HTTP server on 127.0.0.1 that
// hands out numbered OAuth tokens on the token path and lets each test decide how tracking calls are
// answered, so the clients run through undici, timeouts and the token cache exactly as in production.

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How a tracking call is answered; 'hang' never answers (for timeouts). */
export type Reply = { status?: number; headers?: Record<string, string>; body?: string } | 'hang';

export const json = (body: string, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

export class CarrierStub {
  readonly tokenRequests: Received[] = [];
  readonly calls: Received[] = [];
  /** Answers the tracking calls; the second argument counts them from 1. */
  answer: (req: Received, n: number) => Reply = () => json('{}');
  private readonly agents: Agent[] = [];
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const received: Received = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      if (url.pathname === this.tokenPath) {
        this.tokenRequests.push(received);
        const token = `token-${this.tokenRequests.length}`;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      this.calls.push(received);
      const reply = this.answer(received, this.calls.length);
      if (reply === 'hang') return;
      res.writeHead(reply.status ?? 200, reply.headers ?? {});
      res.end(reply.body ?? '');
    });
  });

  constructor(private readonly tokenPath: string) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A poll context against this server, with its own token cache and an agent closed by close(). */
  ctx(credentials: Record<string, string>, headersMs = 2_000, tokens = new TokenCache()): PollContext {
    const timeouts = { connectMs: 1_000, headersMs, bodyMs: 2_000 };
    const dispatcher = new Agent({
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    });
    this.agents.push(dispatcher);
    return { credentials, baseUrl: this.baseUrl, dispatcher, tokens, account: 'conn-1', timeouts };
  }

  async close(): Promise<void> {
    await Promise.all(this.agents.map((a) => a.destroy()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Authorization header of a tracking call, e.g. "Bearer token-1". */
export const bearerOf = (r: Received | undefined) => r?.headers.authorization;
