import { type ConnectionOptions, Queue } from 'bullmq';

// Queue names and their queues. Every queue lives under the configured prefix, so test runs and
// deployments sharing a Redis never see each other's jobs (use a {hash-tag} prefix on Redis Cluster).

export const QUEUES = {
  maintenance: 'maintenance',
  normalize: 'normalize',
  notifications: 'notifications',
  merchantWebhooks: 'merchant-webhooks',
} as const;

/** Payloads one normalize job carries at most: deliveries committed together are normalized together. */
export const NORMALIZE_JOB_PAYLOADS = 50;

/**
 * A normalize job: its id is the key stored on each of its payloads (raw_payloads.normalize_job), so
 * queueing it again, from the intake or the sweeper, is the same job.
 */
export interface NormalizeJob {
  key: string;
  payloadIds: number[];
}

/** The key of a payload queued on its own (one that names no job of its own). */
export const singlePayloadJobKey = (payloadId: number) => `payload-${payloadId}`;

export interface NormalizeJobData {
  payloadIds: number[];
}

export function normalizeQueue(connection: ConnectionOptions, prefix: string): Queue<NormalizeJobData> {
  return new Queue<NormalizeJobData>(QUEUES.normalize, {
    connection,
    prefix,
    defaultJobOptions: {
      // Completed jobs are kept a while, so a sweep that re-adds a finished job's id is a no-op.
      removeOnComplete: 5000,
      // A job that ran out of retries is removed so the sweeper can queue its payloads again under the same
      // id; the payload row keeps the error and counts attempts, and gives up after NORMALIZE_MAX_ATTEMPTS.
      removeOnFail: true,
      attempts: 8,
      // Transient failures (Postgres restarting) retry with growing, jittered delays.
      backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
    },
  });
}

export function maintenanceQueue(connection: ConnectionOptions, prefix: string): Queue {
  return new Queue(QUEUES.maintenance, {
    connection,
    prefix,
    defaultJobOptions: {
      removeOnComplete: 100,
      removeOnFail: 1000,
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
    },
  });
}

/** Each polled carrier (or aggregator) has its own queue, so its rate limit and its pauses are its own. */
export const pollQueueName = (carrier: string) => `poll-${carrier}`;

export interface PollJobData {
  /** The scheduler's claim: the job polls only the shipments still claimed under it. */
  claim: string;
  merchantId: string;
  connectionId: string;
  /** The carrier (or aggregator) of the connection: whose API is asked. */
  carrier: string;
  items: { shipmentId: string; trackingNumber: string; carrier: string }[];
}

export function pollQueue(
  connection: ConnectionOptions,
  prefix: string,
  carrier: string,
): Queue<PollJobData> {
  return new Queue<PollJobData>(pollQueueName(carrier), {
    connection,
    prefix,
    defaultJobOptions: {
      // Carrier trouble does not fail a job (the shipments back off, 429 delays it); what does is our own
      // (Postgres away), worth a few tries before the lease lets the scheduler claim the shipments again.
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    },
  });
}

/** A shopper message or a merchant webhook delivery to attempt: the row is the truth, the job only a nudge. */
export interface SendJobData {
  /** One row (webhook deliveries, retries, held messages) … */
  id?: string;
  /** … or the messages of one relay, sent together. */
  ids?: string[];
}

/**
 * The queues of shopper messages and merchant webhook deliveries. Retries are rows re-dated in Postgres and
 * queued again as new jobs (ids carry the attempt), so BullMQ's own retries only cover our own failures
 * (Postgres away) before the sweeper steps in.
 */
export function sendQueue(
  name: typeof QUEUES.notifications | typeof QUEUES.merchantWebhooks,
  connection: ConnectionOptions,
  prefix: string,
): Queue<SendJobData> {
  return new Queue<SendJobData>(name, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
      removeOnComplete: { count: 5000 },
      removeOnFail: { count: 5000 },
    },
  });
}
