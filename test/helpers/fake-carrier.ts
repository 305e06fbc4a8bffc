import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import type { PollContext } from '../../src/polling/client.js';
import { TokenCache } from '../../src/polling/oauth.js';

// A carrier's API on a local port: it records what it is asked and answers what the test says, fixtures
// mostly. Only the third party is fake; wismo's own client, queue, database and workers are the real ones.
// The poll clients' unit tests use it too, through their own small helpers (src/carriers/*/poll-test-server.ts).

export interface Asked {
  at: number;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Answer =
  | { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | 'hang';

export class FakeCarrier {
  readonly asked: Asked[] = [];
  answer: (asked: Asked) => Answer = () => ({ status: 404, body: '{}' });
  private server: Server | null = null;
  private readonly hanging = new Set<() => void>();
  private readonly agents: Agent[] = [];

  /** @param contentType sent when an answer names none (null: no header at all). */
  constructor(private readonly contentType: string | null = 'application/json') {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const asked: Asked = {
          at: Date.now(),
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.asked.push(asked);
        const a = this.answer(asked);
        if (a === 'hang') {
          const end = () => res.destroy();
          this.hanging.add(end);
          res.on('close', () => this.hanging.delete(end));
          return;
        }
        const send = () => {
          const base: Record<string, string> = this.contentType ? { 'content-type': this.contentType } : {};
          res.writeHead(a.status ?? 200, { ...base, ...a.headers });
          res.end(a.body ?? '');
        };
        if (a.delayMs) setTimeout(send, a.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${((this.server as Server).address() as AddressInfo).port}`;
  }

  /** Requests other than token grants. */
  get tracking(): Asked[] {
    return this.asked.filter((a) => !/token/.test(a.path));
  }

  /** A poll context against this server, with a real undici Agent (closed by close()). */
  context(
    credentials: Record<string, string>,
    opts: { headersMs?: number; tokens?: TokenCache; account?: string } = {},
  ): PollContext {
    const timeouts = { connectMs: 1_000, headersMs: opts.headersMs ?? 2_000, bodyMs: 2_000 };
    const dispatcher = new Agent({
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    });
    this.agents.push(dispatcher);
    return {
      credentials,
      baseUrl: this.url,
      dispatcher,
      tokens: opts.tokens ?? new TokenCache(),
      account: opts.account ?? 'conn-1',
      timeouts,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.agents.map((a) => a.destroy()));
    for (const end of this.hanging) end();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** Token grants of the OAuth carriers, answered with a fresh token each time. */
export function tokenAnswer(asked: Asked, counter: { n: number }): Answer | null {
  if (!/token/.test(asked.path)) return null;
  counter.n += 1;
  return {
    body: JSON.stringify({ access_token: `token-${counter.n}`, token_type: 'Bearer', expires_in: 3600 }),
  };
}
