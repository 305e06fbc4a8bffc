import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADAPTERS } from '../carriers/registry.js';
import { problems } from '../http/schemas.js';
import { WebhookAccepted, WebhookParams, WebhookTokenParams } from './intake.schemas.js';
import type { IntakeService, WebhookTarget } from './intake.service.js';

// Carrier webhook intake. The body is taken as raw bytes (signatures are over bytes), the connection is
// looked up from the URL before the body is read (unknown → 404, wrong type → 415, too large → 413), and the
// answer is sent only after the payload is committed.

declare module 'fastify' {
  interface FastifyRequest {
    webhookTarget?: WebhookTarget;
  }
}

const LARGEST_BODY = Math.max(...ADAPTERS.flatMap((a) => (a.webhook ? [a.webhook.maxBodyBytes] : [0])));
const DESCRIPTION =
  'Called by carriers and aggregators, not by API clients: the URL is shown when a carrier connection is ' +
  'created. The body is verified with the sender’s own signature scheme (docs/carriers.md) and stored ' +
  'before the 200; repeats of a delivery get 200 and are stored once.';

export function intakeRoutes(
  intake: IntakeService,
  rateLimit: { max: number; windowMs: number },
): FastifyPluginAsyncZod {
  return async (app) => {
    // Encapsulated: only these routes read raw bytes, of any media type (checked per sender below).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: LARGEST_BODY }, (_req, body, done) =>
      done(null, body),
    );
    app.decorateRequest('webhookTarget', undefined);

    const config = {
      rateLimit: {
        max: rateLimit.max,
        timeWindow: rateLimit.windowMs,
        // One budget per connection, whatever addresses the sender posts from.
        keyGenerator: (request: FastifyRequest) =>
          `webhook:${(request.params as { connectionId?: string }).connectionId ?? request.ip}`,
      },
    };
    const preParsing = async (request: FastifyRequest, _reply: unknown, payload: unknown) => {
      const { carrier, connectionId } = request.params as { carrier: string; connectionId: string };
      const target = await intake.target(carrier, connectionId);
      const byToken = (request.params as { token?: string }).token !== undefined;
      // A URL of the other kind is as unknown as a wrong id.
      if (byToken !== (target.connection.webhookAuth === 'url_token'))
        throw intake.unknownEndpoint(carrier, connectionId);
      intake.checkEnvelope(target, request.headers['content-type'], request.headers['content-length']);
      request.webhookTarget = target;
      return payload;
    };
    const handler = async (request: FastifyRequest) => {
      const result = await intake.receive({
        target: request.webhookTarget as WebhookTarget,
        token: (request.params as { token?: string }).token,
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        headers: request.headers,
      });
      return { received: true as const, duplicate: result.duplicate };
    };
    const response = { 200: WebhookAccepted, ...problems(401, 404, 413, 415, 429, 503) };

    app.post(
      '/webhooks/:carrier/:connectionId',
      {
        config,
        preParsing,
        schema: {
          tags: ['webhooks'],
          operationId: 'receiveCarrierWebhook',
          summary: 'Receive a carrier’s signed webhook',
          description: DESCRIPTION,
          params: WebhookParams,
          response,
        },
      },
      handler,
    );
    app.post(
      '/webhooks/:carrier/:connectionId/:token',
      {
        config,
        preParsing,
        schema: {
          tags: ['webhooks'],
          operationId: 'receiveCarrierWebhookByToken',
          summary: 'Receive a webhook authenticated by the secret token in its URL',
          description: `${DESCRIPTION} For senders whose signature scheme wismo cannot confirm.`,
          params: WebhookTokenParams,
          response,
        },
      },
      handler,
    );
  };
}
