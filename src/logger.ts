import { type DestinationStream, type Logger, pino } from 'pino';

// Secrets never reach the logs, and shopper PII is redacted wherever it appears in a logged object.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'headers.authorization',
  'authorization',
  'apiKey',
  'password',
  'secret',
  '*.email',
  '*.phone',
  '*.customer',
  '*.shippingAddress',
  '*.customer_email',
  '*.customer_phone',
  '*.customer_name',
  '*.shipping_address',
  'email',
  'phone',
  'customer',
  'shippingAddress',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'wismo' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
