// How a channel says a message did not go out, and whether sending it again can help. The reason is stored
// with the message and shown to the merchant, so it is short, printable and never carries a credential:
// channels build it from status codes and the provider's own words, with their secrets redacted.

/** Longest reason kept; a provider's explanation longer than this is cut. */
export const MAX_REASON_LENGTH = 200;

export interface SendErrorDetails {
  /** The provider's code for what happened, e.g. '550', '21211' or 'ECONNECTION', when there is one. */
  code?: string | null;
}

/** Sending it again would get the same answer: a bad address, a refused message, refused credentials. */
export class PermanentSendError extends Error {
  readonly reason: string;
  readonly code: string | null;

  constructor(reason: string, details: SendErrorDetails = {}) {
    const clean = cleanReason(reason);
    super(clean);
    this.name = 'PermanentSendError';
    this.reason = clean;
    this.code = details.code ?? null;
  }
}

/** The provider could not be reached or asked to come back later: the same message may go out on a retry. */
export class TransientSendError extends Error {
  readonly reason: string;
  readonly code: string | null;
  /** How long the provider asked to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | null;

  constructor(reason: string, details: SendErrorDetails & { retryAfterMs?: number | null } = {}) {
    const clean = cleanReason(reason);
    super(clean);
    this.name = 'TransientSendError';
    this.reason = clean;
    this.code = details.code ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

export type SendError = PermanentSendError | TransientSendError;

/**
 * Replaces every secret, and its URL-encoded form (how a connection URL carries it), with '***'. Secrets
 * shorter than 4 characters are left alone: masking them would garble the text and hide nothing.
 */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('***');
  }
  return out;
}

function cleanReason(reason: string): string {
  const text = reason
    .replace(/[^\x20-\x7e\u00a0-\uffff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return 'unknown error';
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}
