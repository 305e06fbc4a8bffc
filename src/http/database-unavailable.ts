// Errors that mean "Postgres cannot be reached right now" rather than "this query is wrong": the answer
// to the client is 503 with Retry-After, so carriers and storefronts retry instead of giving up.

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now).
const SQLSTATE = /^(08|57P0[1-4]|53300)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (
      typeof message === 'string' &&
      /timeout exceeded when trying to connect|Connection terminated|connection terminated unexpectedly/i.test(
        message,
      )
    ) {
      return true;
    }
  }
  return false;
}
