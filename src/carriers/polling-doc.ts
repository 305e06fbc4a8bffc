import type { PollClient } from '../polling/client.js';
import type { CarrierAdapter } from './adapter.js';
import { ADAPTERS } from './registry.js';

// docs/polling.md, generated from the poll clients beside each mapper (src/carriers/<code>/poll.ts), so what
// it says about batch sizes, rate limits and credentials is what the code does. `npm run docs:carriers`
// writes it with docs/carriers.md; a test fails when the committed file is stale.

export const POLLING_DOC_PATH = new URL('../../docs/polling.md', import.meta.url);

const per = (ms: number) =>
  ms % 86_400_000 === 0
    ? `${ms / 86_400_000} d`
    : ms % 3_600_000 === 0
      ? `${ms / 3_600_000} h`
      : ms % 60_000 === 0
        ? `${ms / 60_000} min`
        : `${ms / 1000} s`;

export function renderPollingDoc(adapters: readonly CarrierAdapter[] = ADAPTERS): string {
  const polled = [...adapters]
    .filter((a): a is CarrierAdapter & { poll: PollClient } => a.poll !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code));
  const aggregators = polled.filter((a) => a.kind === 'aggregator').map((a) => `\`${a.code}\``);
  const rows = polled.map(
    (a) =>
      `| ${a.name} (\`${a.code}\`) | ${a.poll.batchSize} | ${a.poll.rateLimit.max} per ${per(a.poll.rateLimit.durationMs)} | ${a.poll.credentialNames.map((n) => `\`${n}\``).join(', ')} | ${a.poll.defaultBaseUrl} | ${a.poll.docs} |`,
  );
  return `# Polling carriers

<!-- Generated from src/carriers/*/poll.ts by \`npm run docs:carriers\`; edit the clients, not this file. -->

wismo asks the tracking APIs of the carriers below for every shipment still moving, through the merchant's
carrier connection (\`POST /v1/carrier-connections\` with \`credentials\`). A shipment of a carrier wismo cannot
poll, or with no connection of its own carrier, is polled through the merchant's first aggregator connection
(${aggregators.join(', ')}), which starts tracking a number it does not know yet: AfterShip gets a tracking
created with the carrier's slug, EasyPost a tracker, 17TRACK a registration. Answers are stored as raw payloads and go through the same normalization as
webhooks (docs/carriers.md); an answer identical to the last one is stored once and changes nothing.

## How the schedule works

- Each shipment has a row in \`shipment_polls\` with its next due time. The scheduler in every worker process
  claims due rows (\`FOR UPDATE SKIP LOCKED\`, under a lease of \`POLL_LEASE\`), groups them by connection, cuts
  them into requests of the carrier's batch size and queues them on the carrier's queue. Any number of
  worker processes share the work; a job polls only the shipments still claimed under its claim, so a
  shipment is polled once per due time even when a job is delivered twice.
- After an answer is normalized (or a webhook brings news) the shipment is due again by the cadence of its
  status: \`POLL_EVERY_<STATUS>\` (pending 1 h, info_received 6 h, in_transit 3 h, out_for_delivery 30 min,
  attempt_failed 2 h, available_for_pickup 6 h, exception 3 h, returning 6 h), \`POLL_EVERY_EDD_TODAY\` (1 h)
  when it is expected today or late, never once delivered, returned, cancelled or expired. ±10 % jitter.
- A number the carrier does not know yet is asked every \`POLL_NOT_FOUND_EVERY\` (2 h); after
  \`POLL_NOT_FOUND_GRACE\` (5 d) the shipment gets an \`exception\` with substatus \`unknown_number\` (an event
  \`WISMO_UNKNOWN_NUMBER\` in its history) and is still asked. A shipment with no news for \`POLL_EXPIRE_AFTER\`
  (30 d) becomes \`expired\` (event \`WISMO_EXPIRED\`) and is no longer polled; a later scan revives it.
- Failed polls (5xx, timeouts, an account refused, an unreadable answer) back the shipment off:
  \`POLL_BACKOFF_BASE\` × 2^(failures−1), at most \`POLL_BACKOFF_MAX\`; the error and the next check show in
  its \`freshness\`.
- A 429 pauses the carrier's queue for its Retry-After (10 s without one) in every worker process; the job
  waits and is not failed. After \`POLL_BREAKER_FAILURES\` failed requests in a row the carrier's circuit
  breaker opens for \`POLL_BREAKER_COOLDOWN\` (doubling on each reopening, at most 10 min); then one request
  probes, and its success closes the breaker.
- Shipments nothing can poll (no connection with credentials) are parked with the reason in \`lastError\`,
  looked at again every six hours, and due at once when the merchant adds a connection. News by webhook
  leaves them parked.
- A carrier's queue takes only what its rate limit serves within half a lease; the rest stay due and are
  claimed when the queue has room, so a backlog never outlives its claims.
- \`POST /v1/shipments/{id}/refresh\` asks the carrier now and answers the shipment as it then is, at most once
  per shipment per \`REFRESH_MIN_INTERVAL\`.

## Clients

Rate limits are the clients' defaults (per API, across all worker processes); \`POLL_RATE_LIMITS\` overrides
them (e.g. \`ups=10/1s,dhl_unified=1/5s\`) for accounts with higher quotas. Base URLs are the production ones;
\`CARRIER_API_URLS\` overrides them (e.g. a carrier's sandbox). Timeouts: \`POLL_CONNECT_TIMEOUT\`,
\`POLL_HEADERS_TIMEOUT\`, \`POLL_BODY_TIMEOUT\`. OAuth2 tokens are cached per connection until a minute before
they expire, fetched once for all concurrent requests, and fetched again once if the carrier refuses one.

| carrier | numbers per request | rate limit | credentials | base URL | API documentation |
| --- | ---: | --- | --- | --- | --- |
${rows.join('\n')}
`;
}
