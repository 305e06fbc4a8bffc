import type { PollClient, PollContext } from '../../polling/client.js';
import { carrierRequest } from '../../polling/http.js';
import { type ClientCredentialsGrant, credential, withBearer } from '../../polling/oauth.js';

// USPS Tracking API v3: GET /tracking/v3/tracking/{trackingNumber}, one number per call; expand=DETAIL asks for
// every scan event (without it USPS gives the summary only), which map-json.ts reads. An unknown number comes
// back as a 4xx with an {error: {...}} body: an answer, not a failure. The token comes from POST
// /oauth2/v3/token with the client credentials grant, sent as JSON as USPS's own examples
// (github.com/USPS/api-examples) send it.

const grant = (ctx: PollContext): ClientCredentialsGrant => ({
  path: '/oauth2/v3/token',
  clientId: credential(ctx, 'clientId'),
  clientSecret: credential(ctx, 'clientSecret'),
  auth: 'body',
  encoding: 'json',
});

export const poll: PollClient = {
  batchSize: 1,
  // New USPS apps get 60 calls an hour unless USPS raises the quota (widely reported since the v3 move; not
  // found in USPS's own pages): the safe default, to be raised by configuration for apps with more.
  rateLimit: { max: 60, durationMs: 3_600_000 },
  defaultBaseUrl: 'https://apis.usps.com',
  credentialNames: ['clientId', 'clientSecret'],
  docs: 'https://developers.usps.com/trackingv3r2',
  async poll(items, ctx) {
    const numbers = [...new Set(items.map((i) => i.trackingNumber))];
    if (numbers.length === 0) return [];
    const oauth = grant(ctx);
    return Promise.all(
      numbers.map((number) =>
        withBearer(ctx, oauth, (token) =>
          carrierRequest(ctx, {
            method: 'GET',
            path: `/tracking/v3/tracking/${encodeURIComponent(number)}?expand=DETAIL`,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            requested: [number],
          }),
        ),
      ),
    );
  },
};
