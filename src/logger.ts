import { type DestinationStream, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';

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

export function createLogger(
  level: string,
  destination?: DestinationStream,
  format: 'json' | 'pretty' | 'auto' = 'json',
): Logger {
  const readable =
    format === 'pretty' || (format === 'auto' && destination === undefined && process.stdout.isTTY === true);
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'wismo' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    readable
      ? pretty({ colorize: true, ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss.l' })
      : destination,
  );
}
