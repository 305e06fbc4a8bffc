import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { analyticsRoutes } from './analytics/analytics.routes.js';
import { carrierConnectionsRoutes } from './carrier-connections/carrier-connections.routes.js';
import { carriersRoutes } from './carriers/carriers.routes.js';
import { consoleRoutes } from './console/console.routes.js';
import type { Deps } from './deps.js';
import { registerAuth } from './http/auth.js';
import { bullBoardRoutes, operatorAccess } from './http/bull-board.js';
import { registerErrorHandler } from './http/error-handler.js';
import { healthRoutes, readinessProbes } from './http/health.routes.js';
import { registerHttpMetrics } from './http/http-metrics.js';
import { registerIdempotency } from './http/idempotency.js';
import { registerJsonBodyParser, registerUrlGuard } from './http/input-guards.js';
import { metricsRoutes } from './http/metrics.routes.js';
import { registerRateLimit } from './http/rate-limit.js';
import { registerSwagger } from './http/swagger.js';
import { intakeRoutes } from './intake/intake.routes.js';
import { rawPayloadsRoutes } from './intake/raw-payloads.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { ordersRoutes } from './orders/orders.routes.js';
import { pollingRoutes } from './polling/polling.routes.js';
import { openOperatorQueues } from './queue/all-queues.js';
import { shipmentsRoutes } from './shipments/shipments.routes.js';
import { supportRoutes } from './support/support.routes.js';
import { trackingPageSettingsRoutes } from './tracking-page/settings.routes.js';
import { trackingPageRoutes } from './tracking-page/tracking-page.routes.js';
import { webhookEndpointsRoutes } from './webhooks/webhooks.routes.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Builds the HTTP application. Never listens: the server entry does, tests inject. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    // pino's Logger and Fastify's logger interface differ only in typing details.
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    // Fastify takes a hop count too (its type does not list numbers).
    trustProxy: config.trustProxy as boolean | string | string[],
    // A caller's x-request-id is kept when it is a sane token, so one id follows a request across systems.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only; Fastify would otherwise hand text/plain bodies to the validators as strings.
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Set on arrival so every answer carries it, errors included (a synchronous hook: this runs per request).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // Here rather than beside /metrics: a hook only reaches the route plugins registered after it.
  registerHttpMetrics(app);
  registerUrlGuard(app);

  await app.register(helmet, {
    // Swagger UI at /docs needs its own inline script and styles; everything else is JSON.
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'validator.swagger.io'],
      },
    },
  });
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
    exposedHeaders: [
      'x-request-id',
      'retry-after',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
    ],
    maxAge: 600,
  });
  if (deps.redis) {
    await registerRateLimit(app, {
      redis: deps.redis,
      max: config.rateLimit.max,
      windowMs: config.rateLimit.windowMs,
      prefix: config.queuePrefix,
    });
  }
  // Cookies are read by the agent console (and the queue dashboard, for a signed-in admin) only.
  await app.register(cookie);
  registerAuth(app, deps.services.apiKeys);
  registerIdempotency(app, deps.services.idempotency);
  await registerSwagger(app);

  await app.register(healthRoutes(readinessProbes(deps.db, deps.redis)));
  // The operator's views of the queues (depths in /metrics, the dashboard) need Redis; without it, none.
  const operatorQueues = deps.redis ? openOperatorQueues(deps.redis, config.queuePrefix) : null;
  if (operatorQueues) app.addHook('onClose', () => operatorQueues.close());
  await app.register(metricsRoutes(operatorQueues?.queues));
  if (operatorQueues) {
    await app.register(
      bullBoardRoutes({
        queues: operatorQueues.queues,
        authorize: operatorAccess(deps.services.apiKeys, deps.console.sessions, config.publicBaseUrl),
      }),
    );
  }
  await app.register(ordersRoutes(deps.services.orders));
  await app.register(shipmentsRoutes(deps.services.shipments));
  await app.register(pollingRoutes(deps.services.refresh));
  await app.register(carriersRoutes());
  await app.register(carrierConnectionsRoutes(deps.services.carrierConnections));
  await app.register(rawPayloadsRoutes(deps.services.rawPayloads));
  await app.register(notificationsRoutes(deps.services.notifications));
  await app.register(webhookEndpointsRoutes(deps.services.webhookEndpoints));
  await app.register(trackingPageRoutes(deps.services.trackingPages));
  await app.register(trackingPageSettingsRoutes(deps.services.trackingPages));
  await app.register(analyticsRoutes(deps.services.analytics));
  await app.register(supportRoutes(deps.services.search, deps.services.supportView));
  await app.register(
    consoleRoutes(deps.console.pages, deps.console.sessions, { publicBaseUrl: config.publicBaseUrl }),
  );
  await app.register(
    intakeRoutes(deps.services.intake, {
      max: config.webhookRateLimitMax,
      windowMs: config.rateLimit.windowMs,
    }),
  );
  return app;
}
