import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, UnprocessableError } from '../errors.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { principalOf } from './auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { merchantId: string; key: string; replayed: boolean } | null;
  }
}

/** The header schema authenticated POST routes declare, so a bad key is a 400 naming the header. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, { message: 'must be 1-255 printable ASCII characters' })
    .optional()
    .describe('Makes a retried POST safe: the same key and body replays the first response'),
});

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

/** Honours Idempotency-Key on every authenticated POST route. */
export function registerIdempotency(app: FastifyInstance, service: IdempotencyService): void {
  app.decorateRequest('idempotency', null);

  const before = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return;
    const { merchantId } = principalOf(request);
    const outcome = await service.begin(merchantId, key, requestHash(request));
    switch (outcome.kind) {
      case 'run':
        request.idempotency = { merchantId, key, replayed: false };
        return;
      case 'mismatch':
        throw new UnprocessableError(
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different request; use a new key for a new request.',
        );
      case 'in_progress':
        throw new ConflictError('A request with this Idempotency-Key is still in progress; retry shortly.', {
          'retry-after': '1',
        });
      case 'replay':
        request.idempotency = { merchantId, key, replayed: true };
        reply.code(outcome.status).header('idempotent-replayed', 'true');
        if (outcome.contentType) reply.header('content-type', outcome.contentType);
        return reply.send(outcome.body);
    }
  };

  const after = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const record = request.idempotency;
    if (!record || record.replayed) return payload;
    request.idempotency = null;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // Nothing durable to replay: let the client's retry run the request again.
      await service
        .release(record.merchantId, record.key)
        .catch((err) => request.log.warn({ err }, 'idempotency release failed'));
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    await service
      .complete(
        record.merchantId,
        record.key,
        reply.statusCode,
        payload,
        typeof contentType === 'string' ? contentType : null,
      )
      .catch((err) => request.log.warn({ err }, 'idempotency record failed'));
    return payload;
  };

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.config?.scopes || !methods.includes('POST')) return;
    const pre = route.preHandler;
    route.preHandler = [...(Array.isArray(pre) ? pre : pre ? [pre] : []), before];
    const send = route.onSend;
    route.onSend = [...(Array.isArray(send) ? send : send ? [send] : []), after];
  });
}
