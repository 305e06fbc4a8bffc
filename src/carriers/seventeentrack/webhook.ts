import { createHash } from 'node:crypto';
import { decodeHex, header, MIB, matchesAnySecret } from '../support/signature.js';
import { ok, reject, type WebhookScheme } from '../webhook.js';

// 17TRACK (API v2) puts a `sign` header on its pushes: the lower-case hex SHA-256 (a plain hash, not an HMAC)
// of the raw body, a "/", and the account's API security key. That is how public integrations verify it;
// the webhook chapter of 17TRACK's own v2 documentation could not be read to confirm it, so connections
// default to a secret token in the URL and may opt into this check (docs/carriers.md).

const signOf = (key: string, body: Buffer) =>
  createHash('sha256').update(body).update(`/${key}`, 'utf8').digest();

export const webhook: WebhookScheme = {
  description: 'sign: hex SHA-256 of the raw body + "/" + the 17TRACK API security key',
  docs: 'https://asset.17track.net/api/document/v2.2_en/index.html',
  setup:
    'Set the webhook URL in the 17TRACK API console (Settings → Webhook). With webhookAuth "signature", give wismo the API security key; otherwise use the URL with its token.',
  note: 'Not confirmed: the sign computation comes from public integrations, not from 17TRACK’s own pages. Connections default to the URL token; "signature" is an opt-in.',
  confirmed: false,
  secretIssuedBy: 'sender',
  contentTypes: ['application/json'],
  maxBodyBytes: 2 * MIB,
  keepHeaders: ['sign', 'user-agent'],
  verify(delivery, secrets) {
    const given = header(delivery, 'sign');
    if (!given) return reject('missing_signature', 'Missing header sign.');
    const digest = decodeHex(given);
    if (digest?.length !== 32) return reject('malformed_signature', 'sign must be 64 hex digits (SHA-256).');
    return matchesAnySecret(secrets, (s) => signOf(s, delivery.body), digest)
      ? ok
      : reject('bad_signature', 'sign does not match an active key.');
  },
};
