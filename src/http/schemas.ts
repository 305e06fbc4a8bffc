import { z } from 'zod';

// Schemas shared by every route: problem+json bodies, ids, timestamps.

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string().describe('Stable machine-readable error code'),
    requestId: z.string(),
    errors: z
      .array(
        z.object({
          in: z.string().describe('body, query, params or headers'),
          field: z.string().describe('Dotted path of the field at fault'),
          reason: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem document' });

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid request: the fields at fault are listed in `errors`',
  401: 'Missing or invalid API key',
  403: 'The API key lacks the required scope',
  404: 'Not found (also the answer for another merchant’s objects)',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Idempotency-Key reused with a different request',
  429: 'Rate limited; see Retry-After',
  502: 'The carrier did not answer or refused the request (the shipment shows the error)',
  503: 'Temporarily unavailable; see Retry-After',
} as const;
type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

/** Response schemas for the given error statuses, served as application/problem+json. */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  type ProblemResponse = {
    description: string;
    content: { 'application/problem+json': { schema: typeof ProblemSchema } };
  };
  const responses = {} as Record<S, ProblemResponse>;
  for (const s of statuses) {
    responses[s] = {
      description: PROBLEM_DESCRIPTIONS[s],
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return responses;
}

/** The OpenAPI security requirement of every /v1 route: an API key as a bearer token. */
export const BEARER = [{ bearerAuth: [] }];

/** Scopes that may read orders and tracking (tracking:read gets them without shopper PII). */
export const READER_SCOPES = ['orders:write', 'agent', 'tracking:read'] as const;

export const READ_PROBLEMS = [400, 401, 403, 404, 429, 503] as const;
export const WRITE_PROBLEMS = [400, 401, 403, 404, 409, 413, 415, 422, 429, 503] as const;

export const IsoDateTime = z.string().describe('ISO 8601 date-time, UTC');
export const IsoDate = z.string().describe('Calendar date, YYYY-MM-DD');
export const Uuid = z.uuid();

/**
 * A string as pages take it: bounded, and without NUL (which Postgres text cannot hold). Pages refuse it with
 * their own not-found page; the API's URLs are guarded before routing (src/http/input-guards.ts).
 */
export const PageText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not hold a NUL character' });
