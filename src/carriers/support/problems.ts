import type { MapProblem, MapResult, ProblemKind } from '../model.js';

// Small constructors so every mapper reports failures the same way.

export function problem(
  kind: ProblemKind,
  message: string,
  extra: { trackingNumber?: string | null; code?: string | null } = {},
): MapProblem {
  return { kind, message, trackingNumber: extra.trackingNumber ?? null, code: extra.code ?? null };
}

export function failed(
  kind: ProblemKind,
  message: string,
  extra: { trackingNumber?: string | null; code?: string | null } = {},
): MapResult {
  return { shipments: [], problems: [problem(kind, message, extra)] };
}

/** The usual reading of an HTTP status on an error body: 429 and 5xx are worth retrying, 404 is unknown. */
export function kindForHttpStatus(status: number | null | undefined): ProblemKind | null {
  if (status == null || (status >= 200 && status < 300)) return null;
  if (status === 404) return 'not_found';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retryable';
  return 'carrier_error';
}
