import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Asked, FakeCarrier } from '../../../test/helpers/fake-carrier.js';
import {
  type CarrierAnswer,
  CarrierRateLimited,
  CarrierRejected,
  CarrierUnavailable,
  type PollClient,
  type PollContext,
  type PollItem,
} from '../../polling/client.js';
import type { CarrierAdapter } from '../adapter.js';
import type { MapResult } from '../model.js';

// Test support for the DHL Unified, EasyPost, AfterShip and 17TRACK poll clients, on the shared fake carrier
// server (test/helpers/fake-carrier.ts): it records what it was asked and replays the answers a test gives
// it, and its poll context has a real undici Agent, so timeouts and status handling run as in production.

export type SeenRequest = Asked;

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

/** The shared fake carrier server, answering every request with one route the test sets. */
export class PollTestServer {
  private route: Route = () => ({ status: 500 });
  private readonly server = new FakeCarrier(null);

  constructor() {
    this.server.answer = (asked) => this.route(asked);
  }

  /** What was asked since the last reply() */
  get seen(): SeenRequest[] {
    return this.server.asked;
  }

  get baseUrl(): string {
    return this.server.url;
  }

  async start(): Promise<void> {
    await this.server.start();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** Answers every request from now on with `route`, and forgets what was asked before. */
  reply(route: Route): void {
    this.route = route;
    this.server.asked.length = 0;
  }

  context(credentials: Record<string, string>, headersMs = 2000): PollContext {
    return this.server.context(credentials, { headersMs, account: 'conn_1' });
  }
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
