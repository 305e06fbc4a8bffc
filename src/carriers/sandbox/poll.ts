import { type PollClient, requestItems } from '../../polling/client.js';
import { carrierRequest } from '../../polling/http.js';
import { credential } from '../../polling/oauth.js';

// The sandbox carrier's tracking API (docs/sandbox-carrier.md): POST /v1/tracking with up to 100 numbers,
// a bearer API key. Shaped like a modern carrier's batch endpoint, so it exercises batching and rate limits.

const BATCH = 100;

export const poll: PollClient = {
  batchSize: BATCH,
  // The sandbox's own default limit (SANDBOX_RATE_LIMIT_PER_SECOND), a little under it.
  rateLimit: { max: 40, durationMs: 1000 },
  defaultBaseUrl: 'http://127.0.0.1:4010',
  credentialNames: ['apiKey'],
  docs: 'docs/sandbox-carrier.md',
  async poll(items, ctx) {
    const numbers = requestItems(items, BATCH, 'the sandbox').map((i) => i.trackingNumber);
    if (numbers.length === 0) return [];
    return [
      await carrierRequest(ctx, {
        method: 'POST',
        path: '/v1/tracking',
        headers: {
          authorization: `Bearer ${credential(ctx, 'apiKey')}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ trackingNumbers: numbers }),
        requested: numbers,
      }),
    ];
  },
};
