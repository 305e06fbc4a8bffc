import { type PollClient, type PollItem, requestItems } from '../../polling/client.js';
import { carrierRequest } from '../../polling/http.js';
import { credential } from '../../polling/oauth.js';

// 17TRACK Tracking API v2.2 (the version map.ts and v2.ts read). gettrackinfo only answers numbers registered
// on the account, so each poll first registers its batch: numbers already registered are rejected with
// -18019901 and cost no quota. The register answer is not returned: its accepted entries carry no tracking
// and its rejections are mostly that -18019901. Both calls take up to 40 numbers, key in the 17token header.

// wismo carrier codes → 17TRACK carrier keys (its carrier list, as underlying.ts reads them back). Without
// one 17TRACK detects the carrier.
const CARRIER_KEYS: Readonly<Record<string, number>> = {
  dhl_express: 100001,
  ups: 100002,
  fedex: 100003,
  usps: 21051,
  canadapost: 3041,
  australiapost: 1151,
  royalmail: 11031,
  bpost: 2061,
  aramex: 100006,
  canpar: 100146,
};

const BATCH_SIZE = 40;
const API = '/track/v2.2';

export const poll: PollClient = {
  batchSize: BATCH_SIZE,
  // 17TRACK allows 3 requests/s per key; a poll spends two (register, gettrackinfo).
  rateLimit: { max: 1, durationMs: 1000 },
  defaultBaseUrl: 'https://api.17track.net',
  credentialNames: ['apiKey'],
  docs: 'https://asset.17track.net/api/document/v2.2_en/index.html',

  async poll(items, ctx) {
    const asked = requestItems(items, BATCH_SIZE, '17TRACK');
    if (asked.length === 0) return [];
    const entries = asked.map(entry);
    const requested = entries.map((e) => e.number);
    const headers = {
      '17token': credential(ctx, 'apiKey'),
      'content-type': 'application/json',
      accept: 'application/json',
    };
    const body = JSON.stringify(entries);
    await carrierRequest(ctx, { method: 'POST', path: `${API}/register`, headers, body, requested });
    const answer = await carrierRequest(ctx, {
      method: 'POST',
      path: `${API}/gettrackinfo`,
      headers,
      body,
      requested,
    });
    return [answer];
  },
};

function entry(item: PollItem): { number: string; carrier?: number } {
  const carrier = CARRIER_KEYS[item.carrier];
  return carrier ? { number: item.trackingNumber, carrier } : { number: item.trackingNumber };
}
