import type { PollClient } from '../../polling/client.js';
import { carrierRequest } from '../../polling/http.js';
import { credential } from '../../polling/oauth.js';

// AfterShip Tracking API, a dated version (as-api-key header). GET /trackings/{slug}/{number} was removed in
// 2024-10 and 2024-07, the last version with it, is out of support; the current way to read trackings by
// number is GET /trackings?tracking_numbers=a,b,… (up to 50), whose {meta, data: {trackings: [...]}} map.ts
// reads, reporting the asked numbers AfterShip does not track as not found. Trackings are read, never
// created: wismo polls the shipments the merchant's AfterShip account already tracks.
//
// No slug is sent: the list endpoint takes slugs only as a filter, which would hide a tracking AfterShip
// keeps under a sibling slug (dhl / dhl-ecommerce…), and each tracking's own slug names its carrier.

const BATCH_SIZE = 50;
const VERSION = '2026-07';

export const poll: PollClient = {
  batchSize: BATCH_SIZE,
  // GET /trackings is limited to 6 requests/s per organization since 2024-07
  // (aftership.com/docs/tracking/quickstart/rate-limit).
  rateLimit: { max: 6, durationMs: 1000 },
  defaultBaseUrl: 'https://api.aftership.com',
  credentialNames: ['apiKey'],
  docs: 'https://www.aftership.com/docs/tracking/jh865r66gc6hi-get-trackings',

  async poll(items, ctx) {
    if (items.length > BATCH_SIZE) {
      throw new Error(`AfterShip reads at most ${BATCH_SIZE} numbers per request, got ${items.length}`);
    }
    if (items.length === 0) return [];
    const numbers = [...new Set(items.map((i) => i.trackingNumber))];
    const query = new URLSearchParams({ tracking_numbers: numbers.join(',') });
    const answer = await carrierRequest(ctx, {
      method: 'GET',
      path: `/tracking/${VERSION}/trackings?${query}`,
      headers: { 'as-api-key': credential(ctx, 'apiKey'), accept: 'application/json' },
      requested: numbers,
    });
    return [answer];
  },
};
