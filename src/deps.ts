import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Logger } from 'pino';
import { ApiKeysRepository } from './api-keys/api-keys.repository.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { CarrierConnectionsRepository } from './carrier-connections/carrier-connections.repository.js';
import { CarrierConnectionsService } from './carrier-connections/carrier-connections.service.js';
import type { Config } from './config.js';
import { createDb, createPool, type Database } from './db/database.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { SecretBox } from './lib/secret-box.js';
import { MerchantsRepository } from './merchants/merchants.repository.js';
import { MerchantsService } from './merchants/merchants.service.js';
import { OrdersRepository } from './orders/orders.repository.js';
import { OrdersService } from './orders/orders.service.js';
import { ShipmentsRepository } from './shipments/shipments.repository.js';
import { ShipmentsService } from './shipments/shipments.service.js';
import { NormalizeService } from './tracking/normalize.service.js';
import { TrackingRepository } from './tracking/tracking.repository.js';

// The one composition root: every process (api, worker, CLI, tests, benchmark) builds its objects here.

export interface Services {
  merchants: MerchantsService;
  apiKeys: ApiKeysService;
  orders: OrdersService;
  shipments: ShipmentsService;
  idempotency: IdempotencyService;
  carrierConnections: CarrierConnectionsService;
  normalize: NormalizeService;
}

export interface Deps {
  config: Config;
  logger: Logger;
  pool: pg.Pool;
  db: Database;
  services: Services;
  /** Shared client for the rate limiter and readiness; BullMQ opens its own connections. */
  redis: Redis | null;
  close(): Promise<void>;
}

export function createDeps(config: Config, logger: Logger, opts: { redis: boolean } = { redis: true }): Deps {
  const pool = createPool(config.databaseUrl, config.databasePoolMax);
  // An idle client losing its server (Postgres restart) emits 'error' on the pool; without a listener
  // that would crash the process. The next query reconnects.
  pool.on('error', (err) => logger.warn({ err }, 'postgres idle client error'));
  const db = createDb(pool);

  const ordersRepo = new OrdersRepository(db);
  const shipmentsRepo = new ShipmentsRepository(db, pool);
  const shipments = new ShipmentsService(shipmentsRepo);
  const orders = new OrdersService(db, ordersRepo, shipmentsRepo, shipments);
  const services: Services = {
    merchants: new MerchantsService(new MerchantsRepository(db)),
    apiKeys: new ApiKeysService(new ApiKeysRepository(db), config.apiKeyCacheTtlMs),
    orders,
    shipments,
    idempotency: new IdempotencyService(new IdempotencyRepository(db), config.idempotencyTtlHours),
    carrierConnections: new CarrierConnectionsService(
      new CarrierConnectionsRepository(db),
      new SecretBox(config.encryptionKey),
    ),
    normalize: new NormalizeService(db, new TrackingRepository(db), orders, logger),
  };

  const redis = opts.redis
    ? new Redis(config.redisUrl, {
        // Fail fast while Redis is away instead of queueing commands: the rate limiter then lets requests
        // through and readiness reports the outage.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        // Commands issued in the same tick (one rate-limit check per request) share one write to Redis.
        enableAutoPipelining: true,
        connectTimeout: 3_000,
      })
    : null;
  redis?.on('error', (err) => logger.warn({ err: { message: err.message } }, 'redis connection error'));

  return {
    config,
    logger,
    pool,
    db,
    services,
    redis,
    async close() {
      redis?.disconnect();
      await db.destroy();
    },
  };
}
