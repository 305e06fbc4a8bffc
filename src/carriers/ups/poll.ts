import { randomUUID } from 'node:crypto';
import type { PollClient, PollContext } from '../../polling/client.js';
import { carrierRequest } from '../../polling/http.js';
import { type ClientCredentialsGrant, credential, withBearer } from '../../polling/oauth.js';

// UPS Track API, as UPS publishes it (github.com/UPS-API/api-documentation, Tracking.yaml):
// GET /api/track/v1/details/{inquiryNumber}, one number per call, with two required headers: transId (unique
// per request) and transactionSrc (names the calling application). The token comes from the client
// credentials grant with the client id and secret as Basic auth (OAuthClientCredentials.yaml). Answers are
// the JSON that map-json.ts reads; a number UPS does not know may come back as a 404 with an errors[] body,
// which is an answer too.

const grant = (ctx: PollContext): ClientCredentialsGrant => ({
  path: '/security/v1/oauth/token',
  clientId: credential(ctx, 'clientId'),
  clientSecret: credential(ctx, 'clientSecret'),
  auth: 'basic',
});

export const poll: PollClient = {
  batchSize: 1,
  // UPS publishes no rate limit for the Track API: a conservative guess, overridable by configuration.
  rateLimit: { max: 5, durationMs: 1_000 },
  defaultBaseUrl: 'https://onlinetools.ups.com',
  credentialNames: ['clientId', 'clientSecret'],
  docs: 'https://developer.ups.com/api/reference/tracking/product-info',
  async poll(items, ctx) {
    const numbers = [...new Set(items.map((i) => i.trackingNumber))];
    if (numbers.length === 0) return [];
    const oauth = grant(ctx);
    // Optional credential: UPS only asks that the value name the caller.
    const source = ctx.credentials.transactionSrc || 'wismo';
    return Promise.all(
      numbers.map((number) =>
        withBearer(ctx, oauth, (token) =>
          carrierRequest(ctx, {
            method: 'GET',
            // returnSignature=false: the signature image is bytes wismo never shows.
            path: `/api/track/v1/details/${encodeURIComponent(number)}?locale=en_US&returnSignature=false`,
            headers: {
              authorization: `Bearer ${token}`,
              accept: 'application/json',
              // A fresh id for every attempt; UPS documents it as 32 characters long: a UUID without dashes.
              transId: randomUUID().replaceAll('-', ''),
              transactionSrc: source,
            },
            requested: [number],
          }),
        ),
      ),
    );
  },
};
