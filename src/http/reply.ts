import type { FastifyReply } from 'fastify';
import type { JsonText } from '../lib/json-text.js';

/**
 * Sends JSON text as it is. Fastify does not serialize a string body with a JSON content type, so the zod
 * serializer is skipped: the text is the read model's document, checked against the route's schema in tests.
 */
export function sendJsonText(reply: FastifyReply, body: JsonText, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(body as string);
}
