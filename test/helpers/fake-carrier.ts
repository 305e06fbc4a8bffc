import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A carrier's API on a local port: it records what it is asked and answers what the test says, fixtures
// mostly. Only the third party is fake; wismo's own client, queue, database and workers are the real ones.

export interface Asked {
  at: number;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Answer =
  | { status?: number; headers?: Record<string, string>; body: string; delayMs?: number }
  | 'hang';

export class FakeCarrier {
  readonly asked: Asked[] = [];
  answer: (asked: Asked) => Answer = () => ({ status: 404, body: '{}' });
  private server: Server | null = null;
  private readonly hanging = new Set<() => void>();

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
          res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...a.headers });
          res.end(a.body);
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

  async close(): Promise<void> {
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
