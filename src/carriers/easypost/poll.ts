import { type PollClient, requestItems } from '../../polling/client.js';
import { carrierRequest } from '../../polling/http.js';
import { credential } from '../../polling/oauth.js';

// EasyPost answers the current Tracker to POST /v2/trackers {tracker: {tracking_code, carrier}}: for the same
// code and carrier within three months it returns the existing Tracker instead of creating (and billing) a
// new one (docs.easypost.com/docs/trackers), so creating is also how an existing tracker is read, without
// storing EasyPost's tracker ids. One number per request; the API key is the Basic auth user name.

// wismo carrier codes → EasyPost's carrier names. USPS, UPS and FedEx are as EasyPost's own examples write
// them; the others follow EasyPost's naming but were not confirmed in its docs. Others: EasyPost detects.
const CARRIERS: Readonly<Record<string, string>> = {
  usps: 'USPS',
  ups: 'UPS',
  fedex: 'FedEx',
  dhl_express: 'DHLExpress',
  canadapost: 'CanadaPost',
  purolator: 'Purolator',
  canpar: 'Canpar',
  royalmail: 'RoyalMail',
  australiapost: 'AustraliaPost',
};

const BATCH_SIZE = 1;

export const poll: PollClient = {
  batchSize: BATCH_SIZE,
  // EasyPost publishes a fixed 5 requests/s only for its list endpoints and limits the rest by load
  // (docs.easypost.com/guides/rate-limiting-guide): the same 5/s is the conservative default here.
  rateLimit: { max: 5, durationMs: 1000 },
  defaultBaseUrl: 'https://api.easypost.com',
  credentialNames: ['apiKey'],
  docs: 'https://docs.easypost.com/docs/trackers',

  async poll(items, ctx) {
    const [item] = requestItems(items, BATCH_SIZE, 'EasyPost');
    if (!item) return [];
    const auth = Buffer.from(`${credential(ctx, 'apiKey')}:`).toString('base64');
    const carrier = CARRIERS[item.carrier];
    const answer = await carrierRequest(ctx, {
      method: 'POST',
      path: '/v2/trackers',
      headers: {
        authorization: `Basic ${auth}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        tracker: { tracking_code: item.trackingNumber, ...(carrier ? { carrier } : {}) },
      }),
      requested: [item.trackingNumber],
    });
    return [answer];
  },
};
