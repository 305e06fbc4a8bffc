import { Counter, Registry } from 'prom-client';

// Process metrics (prom-client). One registry per process; the api serves it at /metrics.

export const metricsRegistry = new Registry();

/** Carrier events whose code no table knew: each one is a mapping to add (docs/statuses.md). */
export const unmappedCarrierEvents = new Counter({
  name: 'wismo_carrier_unmapped_events_total',
  help: 'Carrier events whose code was not in the carrier code table (status taken from its class or text)',
  labelNames: ['carrier', 'code'] as const,
  registers: [metricsRegistry],
});

export const normalizedPayloads = new Counter({
  name: 'wismo_raw_payloads_normalized_total',
  help: 'Raw carrier payloads normalized, by carrier and outcome',
  labelNames: ['carrier', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Every webhook delivery and what became of it: accepted, duplicate, or why it was refused. */
export const webhooksReceived = new Counter({
  name: 'wismo_webhooks_received_total',
  help: 'Carrier webhook deliveries by carrier and outcome (accepted, duplicate, or the rejection reason)',
  labelNames: ['carrier', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Payloads the sweeper had to enqueue: non-zero means intake could not reach Redis, or a worker died. */
export const sweptPayloads = new Counter({
  name: 'wismo_raw_payloads_swept_total',
  help: 'Pending raw payloads enqueued by the sweeper rather than by intake',
  registers: [metricsRegistry],
});

/** Carrier tracking requests by carrier and outcome (answered, rate_limited, unavailable, rejected). */
export const carrierPolls = new Counter({
  name: 'wismo_carrier_polls_total',
  help: 'Requests to carriers’ tracking APIs by carrier and outcome',
  labelNames: ['carrier', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Tracking numbers asked about, by carrier. */
export const polledNumbers = new Counter({
  name: 'wismo_polled_tracking_numbers_total',
  help: 'Tracking numbers asked of carriers’ tracking APIs',
  labelNames: ['carrier'] as const,
  registers: [metricsRegistry],
});

/** Times a carrier's circuit breaker opened: the carrier kept failing and polling paused. */
export const breakerOpened = new Counter({
  name: 'wismo_carrier_breaker_opened_total',
  help: 'Times a carrier’s circuit breaker opened (polling of that carrier paused)',
  labelNames: ['carrier'] as const,
  registers: [metricsRegistry],
});
