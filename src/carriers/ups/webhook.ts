import { equalsAnySecret, header, KIB, randomSecret } from '../support/signature.js';
import { ok, reject, type WebhookScheme } from '../webhook.js';

// UPS Track Alert does not sign. The subscription request names the destination URL with a `credential`
// (and a free-text `credentialType`), and UPS sends that credential back verbatim in a `credential` header
// on every push. wismo issues the credential; the merchant puts it in the subscription. It is compared in
// constant time, like a signature. A push is one flat activity of one package, a few hundred bytes.

export const webhook: WebhookScheme = {
  description: 'credential header: the value given as destination.credential in the Track Alert subscription',
  docs: 'https://github.com/UPS-API/api-documentation/blob/main/UPSTrackAlert.yaml',
  setup:
    'Subscribe the tracking numbers with the Track Alert API, destination.url = the webhook URL, destination.credentialType = "Bearer", destination.credential = the secret wismo generated.',
  note: 'UPS does not retry a push that fails, and a subscription lasts 14 days: a missed push is caught up only by polling UPS.',
  confirmed: true,
  secretIssuedBy: 'wismo',
  contentTypes: ['application/json'],
  maxBodyBytes: 256 * KIB,
  keepHeaders: ['user-agent'],
  verify(delivery, secrets) {
    const given = header(delivery, 'credential');
    if (!given) return reject('missing_signature', 'Missing header credential.');
    return equalsAnySecret(secrets, given)
      ? ok
      : reject('bad_signature', 'The credential header does not match an active secret.');
  },
  newSecret: () => randomSecret(),
};
