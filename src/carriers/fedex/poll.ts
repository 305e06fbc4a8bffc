import type { PollClient, PollContext } from '../../polling/client.js';
import { carrierRequest } from '../../polling/http.js';
import { type ClientCredentialsGrant, credential, withBearer } from '../../polling/oauth.js';

// FedEx Track API (Basic Integrated Visibility): POST /track/v1/trackingnumbers with up to 30 numbers in
// trackingInfo[] ("Track the status of up to 30 … tracking numbers", FedEx Track API docs), answered by
// output.completeTrackResults[], which map-json.ts reads. includeDetailedScans asks for the scan history the
// mapper turns into events. The token comes from POST /oauth/token, a form with client_id and client_secret
// (FedEx API Authorization docs).

const BATCH_SIZE = 30;

const grant = (ctx: PollContext): ClientCredentialsGrant => ({
  path: '/oauth/token',
  clientId: credential(ctx, 'clientId'),
  clientSecret: credential(ctx, 'clientSecret'),
  auth: 'body',
});

export const poll: PollClient = {
  batchSize: BATCH_SIZE,
  // FedEx allows a project 1,400 calls per 10 s, but Track has a quota of 100,000 calls a day (FedEx quotas
  // and rate limits guide, Track catalog page): 60 a minute is 86,400 a day, which stays under it.
  rateLimit: { max: 60, durationMs: 60_000 },
  defaultBaseUrl: 'https://apis.fedex.com',
  credentialNames: ['clientId', 'clientSecret'],
  docs: 'https://developer.fedex.com/api/en-us/catalog/track/v1/docs.html',
  async poll(items, ctx) {
    const numbers = [...new Set(items.map((i) => i.trackingNumber))];
    if (numbers.length === 0) return [];
    const oauth = grant(ctx);
    // The scheduler sends at most batchSize numbers; a longer list is split rather than refused by FedEx.
    const batches: string[][] = [];
    for (let i = 0; i < numbers.length; i += BATCH_SIZE) batches.push(numbers.slice(i, i + BATCH_SIZE));
    return Promise.all(
      batches.map((batch) =>
        withBearer(ctx, oauth, (token) =>
          carrierRequest(ctx, {
            method: 'POST',
            path: '/track/v1/trackingnumbers',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              accept: 'application/json',
              'x-locale': 'en_US',
            },
            body: JSON.stringify({
              includeDetailedScans: true,
              trackingInfo: batch.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
            }),
            requested: batch,
          }),
        ),
      ),
    );
  },
};
