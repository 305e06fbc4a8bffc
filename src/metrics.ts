import { Counter, collectDefaultMetrics, Gauge, Histogram, type Metric, Registry } from 'prom-client';

// Process metrics (prom-client). One registry per process: the api serves it at /metrics, a worker process on
// METRICS_PORT when set. docs/operations.md lists them all. Labels stay bounded: carrier codes, queue names,
// channels, outcomes and route patterns, never ids, tracking numbers or addresses.

export const metricsRegistry = new Registry();

// CPU, memory, event-loop lag and GC of the process: the first things to look at when a replica is slow.
collectDefaultMetrics({ register: metricsRegistry });

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

/** Per-request carrier latency: tells a slow carrier from a slow wismo. */
export const carrierRequestDuration = new Histogram({
  name: 'wismo_carrier_request_duration_seconds',
  help: 'HTTP requests to carriers’ APIs (tracking and token requests) by carrier and outcome (answered, rate_limited, rejected, unavailable)',
  labelNames: ['carrier', 'outcome'] as const,
  // Carriers answer in tenths of seconds to seconds; the timeouts allow up to tens of seconds.
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30],
  registers: [metricsRegistry],
});

/** Requests served, recorded once the answer is sent (http/http-metrics.ts). */
export const httpRequestDuration = new Histogram({
  name: 'wismo_http_request_duration_seconds',
  help: 'HTTP requests served by method, route pattern ("unmatched" when no route matched) and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Each shopper message attempt and what became of it (NotificationSender). */
export const notificationOutcomes = new Counter({
  name: 'wismo_notifications_total',
  help: 'Shopper message attempts by channel (email, sms) and outcome (sent, failed, skipped, retry, held)',
  labelNames: ['channel', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Each merchant webhook delivery attempt and what became of it (WebhookDeliveryService). */
export const webhookDeliveries = new Counter({
  name: 'wismo_merchant_webhook_deliveries_total',
  help: 'Merchant webhook delivery attempts by outcome (delivered, retry, failed, disabled, held)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** Jobs this process's workers finished (queue/workers.ts): per replica, so a stuck replica shows. */
export const workerJobs = new Counter({
  name: 'wismo_worker_jobs_total',
  help: 'Jobs finished by this worker process, by queue and outcome (completed, failed, retried, stalled)',
  labelNames: ['queue', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** What one read of a queue in Redis found. */
export interface QueueStats {
  queue: string;
  /** Jobs by state (waiting, active, delayed, prioritized, waiting-children, failed). */
  counts: Record<string, number>;
  /** Jobs finished since the queue began, by every worker replica (BullMQ's own counters in Redis). */
  finished: { completed: number; failed: number };
}

type QueueStatsReader = () => Promise<QueueStats[]>;

/** The readers of the apps of this process, latest last: the latest answers (tests build several apps). */
const queueStatsReaders: QueueStatsReader[] = [];
let inFlight: Promise<QueueStats[] | null> | null = null;

/** The metrics of one scrape are collected side by side: they share one read of Redis. */
function queueStats(): Promise<QueueStats[] | null> {
  const reader = queueStatsReaders.at(-1);
  if (!reader) return Promise.resolve(null);
  inFlight ??= reader()
    .catch(() => null)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

// The queue metrics below are registered only by a process that reads queues (readQueueStatsWith: the api),
// so a worker's /metrics neither repeats them nor reports a Redis outage it never looked for.

const queueDepth = new Gauge({
  name: 'wismo_queue_depth',
  help: 'Jobs in each queue by state (waiting, active, delayed, prioritized, waiting-children, failed), read from Redis at scrape time',
  labelNames: ['queue', 'state'] as const,
  registers: [],
  async collect() {
    const stats = await queueStats();
    // An outage leaves no stale numbers behind: the series vanish and wismo_queue_stats_up says why.
    this.reset();
    for (const q of stats ?? []) {
      for (const [state, n] of Object.entries(q.counts)) this.set({ queue: q.queue, state }, n);
    }
  },
});

const queueJobsFinished = new Counter({
  name: 'wismo_queue_jobs_finished_total',
  help: 'Jobs finished in each queue by outcome (completed, failed after their last attempt), counted in Redis by every worker replica',
  labelNames: ['queue', 'outcome'] as const,
  registers: [],
  async collect() {
    const stats = await queueStats();
    // The totals live in Redis, where every replica adds to them; this process only reports them.
    this.reset();
    for (const q of stats ?? []) {
      this.inc({ queue: q.queue, outcome: 'completed' }, q.finished.completed);
      this.inc({ queue: q.queue, outcome: 'failed' }, q.finished.failed);
    }
  },
});

const queueStatsUp = new Gauge({
  name: 'wismo_queue_stats_up',
  help: '1 when this scrape read every queue from Redis, 0 when Redis did not answer in time',
  registers: [],
  async collect() {
    this.set((await queueStats()) ? 1 : 0);
  },
});

const QUEUE_METRICS: { name: string; metric: Metric }[] = [
  { name: 'wismo_queue_depth', metric: queueDepth },
  { name: 'wismo_queue_jobs_finished_total', metric: queueJobsFinished },
  { name: 'wismo_queue_stats_up', metric: queueStatsUp },
];

/**
 * Turns on the queue metrics, read through `reader` at scrape time. Returns the undo, for when the app
 * closes (one process may build more than one app: tests do).
 */
export function readQueueStatsWith(reader: QueueStatsReader): () => void {
  queueStatsReaders.push(reader);
  for (const m of QUEUE_METRICS) {
    if (!metricsRegistry.getSingleMetric(m.name)) metricsRegistry.registerMetric(m.metric);
  }
  return () => {
    const i = queueStatsReaders.indexOf(reader);
    if (i >= 0) queueStatsReaders.splice(i, 1);
    if (queueStatsReaders.length > 0) return;
    for (const m of QUEUE_METRICS) metricsRegistry.removeSingleMetric(m.name);
  };
}
