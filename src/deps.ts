import path from 'node:path';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Logger } from 'pino';
import { Agent } from 'undici';
import { AnalyticsRepository } from './analytics/analytics.repository.js';
import { AnalyticsService } from './analytics/analytics.service.js';
import { ApiKeysRepository } from './api-keys/api-keys.repository.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { CarrierConnectionsRepository } from './carrier-connections/carrier-connections.repository.js';
import { CarrierConnectionsService } from './carrier-connections/carrier-connections.service.js';
import { type Config, databasePoolSize } from './config.js';
import { ConsoleService } from './console/console.service.js';
import { ConsoleSessions } from './console/session.js';
import { createDb, createPool, type Database } from './db/database.js';
import { DelayDetector } from './delays/delay-detector.js';
import { DelaysRepository } from './delays/delays.repository.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { IntakeRepository } from './intake/intake.repository.js';
import { IntakeService } from './intake/intake.service.js';
import { PayloadWriter } from './intake/payload-writer.js';
import { RawPayloadsRepository } from './intake/raw-payloads.repository.js';
import { RawPayloadsService } from './intake/raw-payloads.service.js';
import { WebhookConnections } from './intake/webhook-connections.js';
import { SecretBox } from './lib/secret-box.js';
import { MerchantsRepository } from './merchants/merchants.repository.js';
import { MerchantsService } from './merchants/merchants.service.js';
import { createEmailSender } from './notifications/channels/email.js';
import { createSmsSender } from './notifications/channels/sms.js';
import { createSmsFileSender } from './notifications/channels/sms-file.js';
import { MessageContextRepository } from './notifications/message-context.repository.js';
import {
  NotificationLogRepository,
  NotificationsRepository,
} from './notifications/notifications.repository.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { OutboxRelay } from './notifications/relay.service.js';
import { SendSweeper } from './notifications/send-sweeper.js';
import { NotificationSender } from './notifications/sender.service.js';
import { OrdersRepository } from './orders/orders.repository.js';
import { OrdersService } from './orders/orders.service.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { CircuitBreaker } from './polling/breaker.js';
import { PollConnections } from './polling/connections.js';
import { TokenCache } from './polling/oauth.js';
import { PollPlanner } from './polling/planner.js';
import { PollService } from './polling/poll.service.js';
import { PollingRepository } from './polling/polling.repository.js';
import { RefreshService } from './polling/refresh.service.js';
import { PollScheduler } from './polling/scheduler.js';
import { EddPredictor } from './predictions/edd-predictor.js';
import { PredictionsRepository } from './predictions/predictions.repository.js';
import { NormalizeEnqueuer } from './queue/normalize-enqueuer.js';
import { PollQueues } from './queue/poll-queues.js';
import { type NormalizeJobData, normalizeQueue } from './queue/queues.js';
import { SendQueues } from './queue/send-queues.js';
import { ShipmentsRepository } from './shipments/shipments.repository.js';
import { ShipmentsService } from './shipments/shipments.service.js';
import { SupportViewRepository } from './support/order-view.repository.js';
import { SupportViewService } from './support/order-view.service.js';
import { SearchRepository } from './support/search.repository.js';
import { SearchService } from './support/search.service.js';
import { NormalizeService } from './tracking/normalize.service.js';
import { TrackingRepository } from './tracking/tracking.repository.js';
import { TrackingLinks } from './tracking-page/links.js';
import { LookupLimiter } from './tracking-page/lookup-limiter.js';
import { TrackingPageRepository } from './tracking-page/tracking-page.repository.js';
import { TrackingPageService } from './tracking-page/tracking-page.service.js';
import { WebhookDeliveryService } from './webhooks/delivery.service.js';
import { safeDispatcher } from './webhooks/ssrf.js';
import { WebhooksRepository } from './webhooks/webhooks.repository.js';
import { WebhookEndpointsService } from './webhooks/webhooks.service.js';

// The one composition root: every process (api, worker, CLI, tests, benchmark) builds its objects here.

export interface Services {
  merchants: MerchantsService;
  apiKeys: ApiKeysService;
  orders: OrdersService;
  shipments: ShipmentsService;
  idempotency: IdempotencyService;
  carrierConnections: CarrierConnectionsService;
  normalize: NormalizeService;
  intake: IntakeService;
  rawPayloads: RawPayloadsService;
  polls: PollService;
  pollScheduler: PollScheduler;
  refresh: RefreshService;
  relay: OutboxRelay;
  sender: NotificationSender;
  deliveries: WebhookDeliveryService;
  webhookEndpoints: WebhookEndpointsService;
  notifications: NotificationsService;
  sendSweeper: SendSweeper;
  delays: DelayDetector;
  eddPredictor: EddPredictor;
  trackingPages: TrackingPageService;
  links: TrackingLinks;
  search: SearchService;
  analytics: AnalyticsService;
  supportView: SupportViewService;
}

export interface Deps {
  config: Config;
  logger: Logger;
  pool: pg.Pool;
  db: Database;
  services: Services;
  /** Shared client for the rate limiter and readiness; BullMQ opens its own connections. */
  redis: Redis | null;
  /** Producers of the per-carrier poll queues. */
  pollQueues: PollQueues;
  /** The agent console's pages and sessions. */
  console: { pages: ConsoleService; sessions: ConsoleSessions };
  close(): Promise<void>;
}

export function createDeps(
  config: Config,
  logger: Logger,
  opts: { redis: boolean; runsWorkers?: boolean } = { redis: true },
): Deps {
  const pool = createPool(config.databaseUrl, databasePoolSize(config, opts.runsWorkers ?? false));
  // An idle client losing its server (Postgres restart) emits 'error' on the pool; without a listener
  // that would crash the process. The next query reconnects.
  pool.on('error', (err) => logger.warn({ err }, 'postgres idle client error'));
  // A client checked out of the pool has no listener of the pool's: if its server goes away between two
  // queries of a transaction, pg emits 'error' on the client itself, which would crash the process. The
  // query in flight is rejected anyway, so logging is all that is left to do.
  pool.on('connect', (client) =>
    client.on('error', (err) => logger.warn({ err: { message: err.message } }, 'postgres connection lost')),
  );
  const db = createDb(pool);

  const redis = opts.redis
    ? new Redis(config.redisUrl, {
        // Fail fast while Redis is away instead of queueing commands: the rate limiter then lets requests
        // through, readiness reports the outage, and webhook intake leaves its payloads to the sweeper.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        // Commands issued in the same tick (one rate-limit check per request) share one write to Redis.
        enableAutoPipelining: true,
        connectTimeout: 3_000,
      })
    : null;
  redis?.on('error', (err) => logger.warn({ err: { message: err.message } }, 'redis connection error'));
  // Producers only (api, CLI): the worker process runs the consumers on its own connections.
  const queue: Queue<NormalizeJobData> | null = redis ? normalizeQueue(redis, config.queuePrefix) : null;
  // The client above already logs connection errors; without a listener BullMQ prints each one again.
  queue?.on('error', () => undefined);
  const enqueuer = new NormalizeEnqueuer(queue, logger, () => redis?.status === 'ready');

  const outbox = new OutboxRepository(db);
  const links = new TrackingLinks(
    config.encryptionKey,
    config.publicBaseUrl,
    config.notifications.trackingLinkTtlMs,
  );
  const ordersRepo = new OrdersRepository(db);
  const shipmentsRepo = new ShipmentsRepository(db, pool);
  const shipments = new ShipmentsService(shipmentsRepo);
  const orders = new OrdersService(db, ordersRepo, shipmentsRepo, shipments, outbox, links);
  const box = new SecretBox(config.encryptionKey);
  const carrierConnections = new CarrierConnectionsService(
    db,
    new CarrierConnectionsRepository(db),
    box,
    config.publicBaseUrl,
  );
  const pollingRepo = new PollingRepository(db);
  const trackingRepo = new TrackingRepository(db);
  const normalize = new NormalizeService(
    db,
    trackingRepo,
    orders,
    outbox,
    new PollPlanner(pollingRepo, config.polling.cadence),
    logger,
    config.normalizeMaxAttempts,
  );
  // Shipments that waited for a connection are due as soon as one with credentials exists.
  carrierConnections.onCreate(async (c) => {
    if (c.credentials) await pollingRepo.unpark(c.merchantId);
  });
  const pollConnections = new PollConnections(carrierConnections);
  const pollQueues = new PollQueues(redis, config.queuePrefix);
  const t = config.polling.timeouts;
  const dispatcher = new Agent({
    connect: { timeout: t.connectMs },
    headersTimeout: t.headersMs,
    bodyTimeout: t.bodyMs,
    // Carriers are few hosts asked often: keep connections open between polls.
    keepAliveTimeout: 30_000,
    connections: 64,
  });
  const polls = new PollService({
    repo: pollingRepo,
    connections: pollConnections,
    payloads: new IntakeRepository(db),
    enqueuer,
    breaker: redis ? new CircuitBreaker(redis, config.queuePrefix, config.polling.breaker) : null,
    tokens: new TokenCache(),
    dispatcher,
    settings: config.polling,
    logger,
  });
  const webhookConnections = new WebhookConnections(
    (id) => carrierConnections.forWebhook(id),
    config.webhookConnectionCacheTtlMs,
  );
  carrierConnections.onChange((id) => webhookConnections.forget(id));
  const n = config.notifications;
  const w = config.merchantWebhooks;
  const sendQueues = new SendQueues(redis, config.queuePrefix, logger);
  const notificationsRepo = new NotificationsRepository(db);
  const notificationLog = new NotificationsService(new NotificationLogRepository(db));
  const webhooksRepo = new WebhooksRepository(db);
  // The local mailbox stands in for SMTP and SMS providers in development only: in production a channel
  // without its provider is off, and its messages are recorded as skipped with that reason.
  const production = config.env === 'production';
  const email = n.email.smtpUrl || !production ? createEmailSender(n.email, logger) : null;
  const sms = n.sms
    ? createSmsSender(n.sms)
    : production
      ? null
      : createSmsFileSender(path.join(n.email.mailboxDir, 'sms'), logger);
  const webhookDispatcher = safeDispatcher(w.policy, { connectTimeoutMs: Math.min(w.timeoutMs, 10_000) });
  const services: Services = {
    merchants: new MerchantsService(new MerchantsRepository(db)),
    apiKeys: new ApiKeysService(new ApiKeysRepository(db), config.apiKeyCacheTtlMs),
    orders,
    shipments,
    idempotency: new IdempotencyService(new IdempotencyRepository(db), config.idempotencyTtlHours),
    carrierConnections,
    normalize,
    intake: new IntakeService(
      webhookConnections,
      new PayloadWriter(new IntakeRepository(db)),
      enqueuer,
      logger,
    ),
    rawPayloads: new RawPayloadsService(new RawPayloadsRepository(db), normalize, enqueuer),
    polls,
    pollScheduler: new PollScheduler(
      pollingRepo,
      pollConnections,
      pollQueues,
      { mark: async (marks) => void (await normalize.mark(marks)) },
      config.polling,
      logger,
    ),
    refresh: new RefreshService(
      pollingRepo,
      trackingRepo,
      pollConnections,
      polls,
      normalize,
      shipments,
      config.polling,
      redis,
      config.queuePrefix,
    ),
    relay: new OutboxRelay(db, notificationsRepo, webhooksRepo, sendQueues, logger, n.relay.batch),
    sender: new NotificationSender(
      notificationsRepo,
      new MessageContextRepository(db),
      links,
      email,
      sms,
      sendQueues,
      {
        defaultFrom: n.defaultFrom,
        maxAttempts: n.maxAttempts,
        retryBaseMs: n.retryBaseMs,
        leaseMs: n.leaseMs,
      },
      logger,
    ),
    deliveries: new WebhookDeliveryService(
      webhooksRepo,
      notificationsRepo,
      box,
      webhookDispatcher,
      sendQueues,
      email,
      { ...w, leaseMs: n.leaseMs, defaultFrom: n.defaultFrom },
      logger,
    ),
    webhookEndpoints: new WebhookEndpointsService(webhooksRepo, box, sendQueues, w.policy),
    notifications: notificationLog,
    sendSweeper: new SendSweeper(notificationsRepo, webhooksRepo, sendQueues),
    delays: new DelayDetector(db, new DelaysRepository(db), trackingRepo, orders, outbox, logger),
    eddPredictor: new EddPredictor(new PredictionsRepository(db), logger),
    trackingPages: new TrackingPageService(
      new TrackingPageRepository(db),
      shipments,
      links,
      // The hash key of visitor addresses in rate-limit keys: derived, never stored, different per deployment.
      new LookupLimiter(redis, config.queuePrefix, config.encryptionKey, n.lookupLimits),
    ),
    links,
    search: new SearchService(new SearchRepository(db)),
    analytics: new AnalyticsService(new AnalyticsRepository(db)),
    supportView: new SupportViewService(orders, notificationLog, new SupportViewRepository(db)),
  };

  const consoleSessions = new ConsoleSessions(
    config.encryptionKey,
    services.apiKeys,
    config.consoleSessionTtlMs,
    config.publicBaseUrl.startsWith('https:'),
  );
  const consolePages = new ConsoleService(
    services.search,
    services.supportView,
    services.refresh,
    services.rawPayloads,
    services.analytics,
    consoleSessions.ttlText,
  );

  return {
    config,
    logger,
    pool,
    db,
    services,
    redis,
    pollQueues,
    console: { pages: consolePages, sessions: consoleSessions },
    async close() {
      await queue?.close().catch(() => undefined);
      await pollQueues.close();
      await sendQueues.close();
      await email?.close().catch(() => undefined);
      await webhookDispatcher.close().catch(() => undefined);
      await dispatcher.close().catch(() => undefined);
      redis?.disconnect();
      await db.destroy();
    },
  };
}
