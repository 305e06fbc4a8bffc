import type { ProblemKind } from '../model.js';
import { kindForHttpStatus } from '../support/problems.js';

// DHL Express error answers in both APIs: a condition code and text (XML-PI) or an HTTP problem body (MyDHL).
// Unknown numbers are "No Shipments Found" (XML-PI 101/103, MyDHL 404); request and credential errors are
// final; outages and throttling are worth retrying.

const NOT_FOUND = /no shipments? found|not found|no result/i;
const TRANSIENT = /time.?out|temporar|unavailable|try again|internal (server )?error|too many requests/i;

export function errorKind(code: string | null, message: string, httpStatus?: number | null): ProblemKind {
  if (code === '101' || code === '103' || NOT_FOUND.test(message)) return 'not_found';
  const byStatus = kindForHttpStatus(httpStatus);
  if (byStatus && byStatus !== 'carrier_error') return byStatus;
  if (TRANSIENT.test(message)) return 'retryable';
  return 'carrier_error';
}

/** "No Shipments Found for AWBNumber 123456789": the number DHL names when its AWBNumber element is empty. */
export function awbInMessage(message: string): string | null {
  return /AWB\s*Number\s+([A-Z0-9]+)/i.exec(message)?.[1] ?? null;
}
