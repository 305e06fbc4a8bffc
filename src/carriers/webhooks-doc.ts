import { MAX_WEBHOOK_SECRETS } from '../carrier-connections/carrier-connections.service.js';
import type { CarrierAdapter } from './adapter.js';
import { ADAPTERS } from './registry.js';
import type { WebhookScheme } from './webhook.js';

// docs/carriers.md, generated from the webhook schemes beside each mapper (src/carriers/<code>/webhook.ts),
// so what the document says a sender is checked with is what the code checks. `npm run docs:carriers`
// writes it; a test fails when the committed file is stale.

export const CARRIERS_DOC_PATH = new URL('../../docs/carriers.md', import.meta.url);

const KIB = 1024;
const size = (bytes: number) => (bytes >= KIB * KIB ? `${bytes / (KIB * KIB)} MiB` : `${bytes / KIB} KiB`);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function defaultAuth(scheme: WebhookScheme): string {
  if (!scheme.verify) return 'URL token (only choice)';
  return scheme.confirmed ? 'signature' : 'URL token (signature on request)';
}

function section(adapter: CarrierAdapter, scheme: WebhookScheme): string {
  const lines = [
    `### ${adapter.name} (\`${adapter.code}\`)`,
    '',
    `- Checked by: ${scheme.verify ? scheme.description : 'nothing the sender sends can be checked; the URL token is the proof'}`,
    `- Confirmed by the sender's documentation: ${scheme.confirmed ? 'yes' : '**no**'} (${scheme.docs})`,
    `- Secret issued by: ${scheme.secretIssuedBy === 'wismo' ? 'wismo (generated, shown once)' : 'the sender (give it to wismo)'}`,
    `- Repeats recognised by: ${scheme.eventId ? 'the sender’s event id' : 'the SHA-256 of the body (the sender gives no event id)'}`,
    `- Accepted: ${scheme.contentTypes.join(', ')}, up to ${size(scheme.maxBodyBytes)}`,
    `- Set up: ${scheme.setup}`,
  ];
  if (scheme.note) lines.push(`- Note: ${scheme.note}`);
  return `${lines.join('\n')}\n`;
}

export function renderCarriersDoc(adapters: readonly CarrierAdapter[] = ADAPTERS): string {
  const pushing = [...adapters]
    .filter((a): a is CarrierAdapter & { webhook: WebhookScheme } => a.webhook !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code));
  const polled = adapters.filter((a) => !a.webhook).map((a) => `\`${a.code}\``);
  const table = [
    '| sender | checked by | confirmed | default | secret from |',
    '| --- | --- | --- | --- | --- |',
    ...pushing.map(
      (a) =>
        `| ${a.name} (\`${a.code}\`) | ${cell(a.webhook.verify ? a.webhook.description : 'URL token')} | ${a.webhook.confirmed ? 'yes' : 'no'} | ${defaultAuth(a.webhook)} | ${a.webhook.secretIssuedBy} |`,
    ),
  ];
  return `# Carrier webhooks

<!-- Generated from src/carriers/*/webhook.ts by \`npm run docs:carriers\`; edit the schemes, not this file. -->

Carriers and aggregators that push tracking updates post them to wismo. Each merchant's carrier connection
has its own URL, \`/webhooks/<carrier>/<connection id>\`, shown when the connection is created
(\`POST /v1/carrier-connections\` or \`npm run wismo -- connections create\`). The URL names the
connection, so the merchant and the secrets are known before the body is trusted.

## What happens to a delivery

1. The connection is looked up from the URL (cached; an unknown id costs one query per cache period) and
   the Content-Type and Content-Length are checked before the body is read: unknown → 404, another media
   type → 415, too large → 413. Deliveries are rate-limited per connection (\`WEBHOOK_RATE_LIMIT_MAX\` per
   \`RATE_LIMIT_WINDOW_MS\`) → 429 with Retry-After.
2. The sender's proof is checked over the raw bytes, in constant time, against every active secret → 401
   with the reason when it fails.
3. The raw body, the headers that matter and the connection are committed to Postgres. Only then is the
   answer 200. If Postgres is unavailable the answer is 503 with Retry-After and nothing is written; the
   sender retries.
4. A repeat of a delivery (the same event id, or the same bytes) is answered 200 with \`"duplicate": true\`
   and stored once.
5. A normalize job is queued with a deterministic id. If Redis is unavailable the answer is still 200: a
   sweeper in the worker queues every payload still pending \`SWEEP_AFTER_MS\` after it arrived.
6. The worker maps the payload with the carrier's mapper, stores the events (deduplicated), derives the
   shipment and order status, and writes the outbox rows for the change, in one transaction. A payload the
   mapper cannot read is kept and marked \`failed\` with the reason; one that is about no parcel (a
   sender's event of another kind) is marked \`processed\` with an \`ignored\` problem.

Agents see every payload behind a shipment with the decision for each of its events
(\`GET /v1/shipments/{id}/raw-payloads\`, \`GET /v1/raw-payloads/{id}\`) and can replay one
(\`POST /v1/raw-payloads/{id}/replay\`); admins replay a time range (\`POST /v1/raw-payloads/replay\`).

## Signatures, URL tokens and rotation

Where the sender's documentation says how it signs, that is what wismo checks (\`webhookAuth: signature\`).
Where it cannot be confirmed, the connection is authenticated by a secret token that is the last segment of
its URL (\`webhookAuth: url_token\`, \`/webhooks/<carrier>/<connection id>/<token>\`); a merchant may still opt
into the sender's signature where wismo implements it. A connection's URL of the other kind answers 404.

Up to ${MAX_WEBHOOK_SECRETS} secrets are active at once, so a secret is rotated without dropping deliveries: add
the new one (\`POST /v1/carrier-connections/{id}/webhook-secrets\`), switch the sender to it, then remove the
old one (\`DELETE /v1/carrier-connections/{id}/webhook-secrets/{secretId}\`). Secrets are stored encrypted
(AES-256-GCM with \`ENCRYPTION_KEY\`).

${table.join('\n')}

## Senders

${pushing.map((a) => section(a, a.webhook)).join('\n')}
## Carriers that do not push

These have no webhook URL: ${polled.join(', ')}. Those wismo can ask are polled (docs/polling.md).
`;
}
