// The one error vocabulary. Services throw these; the HTTP error handler turns them into problem+json
// (RFC 9457) and the CLI into a one-line message. Anything else that escapes is a bug and becomes a 500.

export interface FieldProblem {
  /** Where the problem is: "body", "query", "params" or "headers". */
  in: string;
  /** Dotted path inside it, e.g. "customer.email" or "items.0.quantity". */
  field: string;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(detail: string, errors?: FieldProblem[]) {
    super(400, 'invalid_request', 'Invalid request', detail, errors);
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Send an API key as "Authorization: Bearer <key>".') {
    super(401, 'unauthorized', 'Missing or invalid API key', detail, undefined, {
      'www-authenticate': 'Bearer',
    });
  }
}

export class ForbiddenError extends AppError {
  constructor(detail: string) {
    super(403, 'forbidden', 'API key lacks the required scope', detail);
  }
}

/** Also the answer for other merchants' objects: existence is never revealed across tenants. */
export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, 'not_found', 'Not found', `${what} was not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, headers?: Record<string, string>) {
    super(409, 'conflict', 'Conflict', detail, undefined, headers);
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, detail: string, errors?: FieldProblem[]) {
    super(422, code, 'Unprocessable request', detail, errors);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      'rate_limited',
      'Too many requests',
      `Slow down; retry after ${retryAfterSeconds} s.`,
      undefined,
      {
        'retry-after': String(retryAfterSeconds),
      },
    );
  }
}

/** A carrier asked on a caller's behalf failed; what it said is in the detail and on the shipment. */
export class CarrierFailedError extends AppError {
  constructor(detail: string, retryAfterSeconds?: number) {
    super(
      retryAfterSeconds === undefined ? 502 : 503,
      retryAfterSeconds === undefined ? 'carrier_failed' : 'carrier_unavailable',
      retryAfterSeconds === undefined ? 'The carrier failed' : 'The carrier is unavailable',
      detail,
      undefined,
      retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) },
    );
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(detail: string, retryAfterSeconds = 5) {
    super(503, 'unavailable', 'Service temporarily unavailable', detail, undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

/** A webhook whose sender could not be authenticated: nothing of it was stored. */
export class WebhookRejectedError extends AppError {
  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(
      401,
      reason === 'no_secret' ? 'no_webhook_secret' : 'invalid_signature',
      'Webhook not authenticated',
      detail,
    );
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(detail: string) {
    super(415, 'unsupported_media_type', 'Unsupported media type', detail);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(detail: string) {
    super(413, 'payload_too_large', 'Request body too large', detail);
  }
}

/** A mistake of the person at the command line (a missing file, say): one line, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}
