import { type PollClient, requestItems } from '../../polling/client.js';
import { carrierRequest } from '../../polling/http.js';
import { credential } from '../../polling/oauth.js';

// DHL Shipment Tracking - Unified API: GET /track/shipments?trackingNumber=… takes one number and answers
// shipments[] (one per DHL division that knows it), or a problem body (404 when no division does), which
// map.ts reads either way. The key goes in the DHL-API-Key header.

const BATCH_SIZE = 1;

export const poll: PollClient = {
  batchSize: BATCH_SIZE,
  // The starter plan allows 250 calls a day and 1 a second (developer.dhl.com, rate limits of the Unified
  // API; DHL support asks for calls spread evenly over the day): 250 a day, one every 345.6 s. Connections
  // with an upgraded quota override this.
  rateLimit: { max: 1, durationMs: 86_400_000 / 250 },
  defaultBaseUrl: 'https://api-eu.dhl.com',
  credentialNames: ['apiKey'],
  docs: 'https://developer.dhl.com/api-reference/shipment-tracking',

  async poll(items, ctx) {
    const [item] = requestItems(items, BATCH_SIZE, 'DHL');
    if (!item) return [];
    const query = new URLSearchParams({ trackingNumber: item.trackingNumber });
    const answer = await carrierRequest(ctx, {
      method: 'GET',
      path: `/track/shipments?${query}`,
      headers: { 'DHL-API-Key': credential(ctx, 'apiKey'), accept: 'application/json' },
      requested: [item.trackingNumber],
    });
    return [answer];
  },
};
