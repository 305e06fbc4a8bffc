import type { ProblemKind } from '../model.js';

// How FedEx's error codes read for wismo. The Web Services (XML) notifications use numeric codes, the Track
// API (JSON) dotted names. Unknown number, invalid number: not_found (asking again will not help, and the
// number is not one FedEx knows). Codes FedEx documents as "please retry later" (9045, 6330), outages and
// rate limits: retryable. Credentials and malformed requests: carrier_error.

const WS_KINDS: Record<string, ProblemKind> = {
  '1000': 'carrier_error', // Authentication failed
  '5508': 'not_found', // Invalid tracking number
  '6035': 'not_found', // Invalid tracking numbers. Please check the following numbers and resubmit.
  '9040': 'not_found', // This tracking number cannot be found.
  '9045': 'retryable', // Unable to process your tracking request. Please retry later.
  '6330': 'retryable', // Unable to process your tracking request. Please retry later.
  '9080': 'carrier_error', // Unable to process your tracking request. Please contact Customer Service.
};

const RETRY_TEXT = /retry later|try again later|temporarily unavailable|timed? ?out/i;
const NOT_FOUND_TEXT = /cannot be found|not found|invalid tracking number/i;

/** The kind of a Web Services notification of ERROR or FAILURE severity. */
export function wsProblemKind(code: string | null, message: string): ProblemKind {
  const known = code ? WS_KINDS[code] : undefined;
  if (known) return known;
  if (RETRY_TEXT.test(message)) return 'retryable';
  if (NOT_FOUND_TEXT.test(message)) return 'not_found';
  return 'carrier_error';
}

/** The kind of a Track API error code (TRACKING.TRACKINGNUMBER.NOTFOUND, NOT.AUTHORIZED.ERROR, …). */
export function apiProblemKind(code: string | null, message: string): ProblemKind | null {
  const c = (code ?? '').toUpperCase();
  if (/TRACKINGNUMBER\.(NOTFOUND|INVALID)|TRACKING\.DATA\.NOTFOUND|NOT\.?FOUND/.test(c)) return 'not_found';
  if (/UNAVAILABLE|INTERNAL\.SERVER|TOO\.MANY|RATE\.LIMIT|TIMEOUT|TIMED\.OUT/.test(c)) return 'retryable';
  if (/UNAUTHORIZED|NOT\.AUTHORIZED|FORBIDDEN|REAUTHENTICATE|INVALID|EMPTY|BAD\.REQUEST/.test(c)) {
    return 'carrier_error';
  }
  if (RETRY_TEXT.test(message)) return 'retryable';
  if (NOT_FOUND_TEXT.test(message)) return 'not_found';
  return null;
}
