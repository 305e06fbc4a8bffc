import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  type CarrierAnswer,
  CarrierRateLimited,
  CarrierRejected,
  CarrierUnavailable,
  type PollClient,
  type PollContext,
  type PollItem,
} from '../../polling/client.js';
import { TokenCache } from '../../polling/oauth.js';
import type { CarrierAdapter } from '../adapter.js';
import type { MapResult } from '../model.js';

// Test support for the DHL Unified, EasyPost, AfterShip and 17TRACK poll clients: a real HTTP server on
// 127.0.0.1 that records what it was asked and replays the answers a test gives it, and a poll context
// with a real undici Agent, so timeouts and status handling run as in production.

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** 'hang': headers never come, as from a carrier that stopped answering. */
export type Route = (req: SeenRequest) => Reply | 'hang';

export const json = (body: string, status = 200): Reply => ({
  status,
  body,
  headers: { 'content-type': 'application/json' },
});

export class PollTestServer {
  readonly seen: SeenRequest[] = [];
  baseUrl = '';
  private route: Route = () => ({ status: 500 });
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.seen.push(seen);
      const reply = this.route(seen);
      if (reply !== 'hang') send(res, reply);
    });
  });
  private readonly agents: Agent[] = [];

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await Promise.all(this.agents.map((a) => a.close()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers every request from now on with `route`, and forgets what was asked before. */
  reply(route: Route): void {
    this.route = route;
    this.seen.length = 0;
  }

  context(credentials: Record<string, string>, headersMs = 2000): PollContext {
    const timeouts = { connectMs: 1000, headersMs, bodyMs: 2000 };
    const dispatcher = new Agent({
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    });
    this.agents.push(dispatcher);
    return {
      credentials,
      baseUrl: this.baseUrl,
      dispatcher,
      tokens: new TokenCache(),
      account: 'conn_1',
      timeouts,
    };
  }
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body ?? '');
}

/** A server started before the file's tests, reset before each, closed after them. */
export function usePollServer(): PollTestServer {
  const server = new PollTestServer();
  beforeAll(() => server.start());
  beforeEach(() => server.reply(() => ({ status: 500 })));
  afterAll(() => server.close());
  return server;
}

/** The answer as the normalizer maps it once stored. */
export function mapAnswer(adapter: CarrierAdapter, answer: CarrierAnswer | undefined): MapResult {
  if (!answer) throw new Error('no answer');
  return adapter.map({
    body: answer.body.toString('utf8'),
    contentType: answer.contentType,
    httpStatus: answer.status,
    requested: answer.requested,
  });
}

/** How every client reports the carrier's health: the same statuses give the same typed errors. */
export function itReportsCarrierHealth(opts: {
  server: PollTestServer;
  adapter: CarrierAdapter;
  client: PollClient;
  items: PollItem[];
  credentials: Record<string, string>;
}): void {
  const { server, adapter, client, items, credentials } = opts;
  const run = (headersMs?: number) => client.poll(items, server.context(credentials, headersMs));

  it('429 with Retry-After is CarrierRateLimited with the delay asked', async () => {
    server.reply(() => ({ status: 429, headers: { 'retry-after': '7' }, body: 'slow down' }));
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CarrierRateLimited);
    expect((err as CarrierRateLimited).retryAfterMs).toBe(7000);
  });

  it('503 is CarrierUnavailable', async () => {
    server.reply(() => json('{"error":"maintenance"}', 503));
    await expect(run()).rejects.toBeInstanceOf(CarrierUnavailable);
  });

  it('a carrier that never answers is CarrierUnavailable once the headers timeout passes', async () => {
    server.reply(() => 'hang');
    const started = Date.now();
    await expect(run(200)).rejects.toThrow(CarrierUnavailable);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('401 is CarrierRejected', async () => {
    server.reply(() => json('{"message":"Unauthorized"}', 401));
    await expect(run()).rejects.toBeInstanceOf(CarrierRejected);
  });

  it('a malformed 200 body is an answer, which the mapper reports as malformed', async () => {
    server.reply(() => json('{"not json'));
    const answers = await run();
    expect(answers).toHaveLength(1);
    expect(answers[0]?.status).toBe(200);
    expect(mapAnswer(adapter, answers[0]).problems[0]?.kind).toBe('malformed');
  });

  it(`refuses more than batchSize (${client.batchSize}) numbers: splitting is the caller's job`, async () => {
    const many = Array.from({ length: client.batchSize + 1 }, (_, i) => ({
      trackingNumber: `NUMBER${i}`,
      carrier: adapter.code,
    }));
    await expect(client.poll(many, server.context(credentials))).rejects.toThrow(/per request/);
    expect(server.seen).toEqual([]);
  });
}
