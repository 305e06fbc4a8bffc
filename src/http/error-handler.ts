import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem, ServiceUnavailableError } from '../errors.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

// The one error handler: every failure leaves as application/problem+json (RFC 9457) with the request id,
// the fields at fault for validation errors, and nothing internal for 5xx.

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldProblem[];
}

const CONTEXT_NAMES: Record<string, string> = {
  querystring: 'query',
  params: 'params',
  body: 'body',
  headers: 'headers',
};

function validationProblems(
  error: Parameters<typeof hasZodFastifySchemaValidationErrors>[0],
): FieldProblem[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const where = CONTEXT_NAMES[(error as FastifyError).validationContext ?? 'body'] ?? 'body';
  return error.validation.flatMap((v) => {
    const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const keys = (v.params as { keys?: unknown }).keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((k) => ({
        in: where,
        field: path ? `${path}.${String(k)}` : String(k),
        reason: 'unknown field',
      }));
    }
    return [{ in: where, field: path || '(root)', reason: v.message ?? 'invalid' }];
  });
}

function fromFrameworkError(error: FastifyError): AppError | null {
  const status = error.statusCode ?? 0;
  if (status < 400 || status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'payload_too_large', 'Request body too large', error.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        415,
        'unsupported_media_type',
        'Unsupported media type',
        'Send the body as application/json.',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'malformed_json', 'Malformed JSON', error.message, [
        { in: 'body', field: '(root)', reason: error.message },
      ]);
    default:
      // Fastify's own 4xx messages describe the client's mistake and hold nothing internal.
      return new AppError(status, 'bad_request', 'Bad request', error.message);
  }
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const body: Problem = {
    type: `urn:wismo:problem:${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    instance: request.url.split('?')[0] ?? request.url,
    code: err.code,
    requestId: String(request.id),
    ...(err.errors && err.errors.length > 0 ? { errors: err.errors } : {}),
  };
  if (err.headers) reply.headers(err.headers);
  return reply.code(err.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.warn({ err: error }, error.message);
      return sendProblem(request, reply, error);
    }
    const fields = validationProblems(error);
    if (fields.length > 0) {
      const detail = `${fields.length === 1 ? 'One field is' : `${fields.length} fields are`} invalid: ${fields
        .map((f) => `${f.in}.${f.field}`)
        .join(', ')}.`;
      return sendProblem(
        request,
        reply,
        new AppError(400, 'validation_failed', 'Invalid request', detail, fields),
      );
    }
    const framework = fromFrameworkError(error);
    if (framework) return sendProblem(request, reply, framework);
    if (isUnstorableText(error)) {
      // Input guards refuse NUL before a route runs; this is the net under any other way in. Logged, as it
      // could also be text of ours (a carrier's, normalized during a refresh) that a mapper let through.
      request.log.warn({ err: error }, 'text Postgres cannot store');
      return sendProblem(
        request,
        reply,
        new AppError(
          400,
          'invalid_text',
          'Invalid text',
          'A value holds a character that cannot be stored (NUL or invalid UTF-8).',
        ),
      );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return sendProblem(
        request,
        reply,
        new ServiceUnavailableError('The database is unavailable; retry shortly.'),
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return sendProblem(
      request,
      reply,
      new AppError(
        500,
        'internal',
        'Internal server error',
        `Something went wrong on our side; quote request id ${request.id}.`,
      ),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new AppError(404, 'not_found', 'Not found', `No route ${request.method} ${request.url.split('?')[0]}.`),
    ),
  );
}

/** Postgres refusing text it cannot store: 22021 (invalid byte sequence, NUL), 22P05 (untranslatable). */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}
