import type { IncomingHttpHeaders } from 'node:http';
import { type Answer, FakeCarrier } from '../../../test/helpers/fake-carrier.js';
import type { PollContext } from '../../polling/client.js';
import { TokenCache } from '../../polling/oauth.js';

// A stand-in carrier for the UPS, FedEx and USPS poll client tests (on the shared fake carrier server): it
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
export type Reply = Answer;

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
  private readonly server = new FakeCarrier(null);

  constructor(private readonly tokenPath: string) {
    this.server.answer = (asked) => {
      if (asked.path === this.tokenPath) {
        this.tokenRequests.push(asked);
        const token = `token-${this.tokenRequests.length}`;
        return json(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
      }
      this.calls.push(asked);
      return this.answer(asked, this.calls.length);
    };
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get baseUrl(): string {
    return this.server.url;
  }

  /** A poll context against this server, with its own token cache. */
  ctx(credentials: Record<string, string>, headersMs = 2_000, tokens = new TokenCache()): PollContext {
    return this.server.context(credentials, { headersMs, tokens });
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/** Authorization header of a tracking call, e.g. "Bearer token-1". */
export const bearerOf = (r: Received | undefined) => r?.headers.authorization;
