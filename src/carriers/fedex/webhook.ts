import {
  decodeBase64,
  decodeHex,
  header,
  hmac,
  MIB,
  matchesAnySecret,
  randomSecret,
} from '../support/signature.js';
import { ok, reject, type WebhookScheme } from '../webhook.js';

// FedEx Advanced Integrated Visibility webhooks carry `fdx-signature`: the HMAC-SHA256 of the raw body keyed
// with the security token entered when the webhook project was created (wismo generates it). FedEx's page
// shows base64 in its code sample but says "hex" in one bullet; the two encodings cannot be confused (44
// against 64 characters), so both are read. There is no timestamp and no event id: repeats are caught by
// the body's hash.

export const webhook: WebhookScheme = {
  description: 'fdx-signature: HMAC-SHA256 of the raw body with the project security token (base64, or hex)',
  docs: 'https://developer.fedex.com/api/en-us/catalog/shipment-visibility-webhook/docs/introduction/advanced-integrated-visibility-validation-process.html',
  setup:
    'Create an Advanced Integrated Visibility webhook project in the FedEx Developer Portal with the webhook URL, and enter the secret wismo generated as its security token.',
  note: 'FedEx documents no event id and no timestamp; its code sample sends base64 while one line of its text says hex, so both are accepted. The push body is read as a Track API answer (output.completeTrackResults), the shape of FedEx’s test webhook.',
  confirmed: true,
  secretIssuedBy: 'wismo',
  contentTypes: ['application/json'],
  maxBodyBytes: 2 * MIB,
  keepHeaders: ['fdx-signature', 'user-agent'],
  verify(delivery, secrets) {
    const given = header(delivery, 'fdx-signature');
    if (!given) return reject('missing_signature', 'Missing header fdx-signature.');
    const digest = given.length === 64 ? decodeHex(given) : decodeBase64(given);
    if (digest?.length !== 32) {
      return reject('malformed_signature', 'fdx-signature must be an HMAC-SHA256 in base64 or hex.');
    }
    return matchesAnySecret(secrets, (s) => hmac('sha256', s, delivery.body), digest)
      ? ok
      : reject('bad_signature', 'fdx-signature does not match an active secret.');
  },
  newSecret: () => randomSecret(),
};
