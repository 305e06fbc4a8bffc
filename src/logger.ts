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

/**
 * A webhook URL authenticated by token ends with its secret (/webhooks/<carrier>/<connection>/<token>); the
 * token is masked wherever a request's URL is logged.
 */
export function maskWebhookToken(url: string): string {
  return (
    url
      .replace(/^(\/webhooks\/[^/?#]+\/[^/?#]+\/)[^/?#]+/, '$1[redacted]')
      // A tracking-page link is a bearer token for the order; a tracking number alone opens its page.
      .replace(/^\/t\/[^/?#]+/, '/t/[redacted]')
      .replace(/^(\/track\/[^/?#]+\/n\/)[^/?#]+/, '$1[redacted]')
      // What an agent searches for is a shopper's name, email, phone or order: never in the logs.
      .replace(/^((?:\/v1\/search|\/console)\?(?:[^#]*&)?q=)[^&#]*/, '$1[redacted]')
  );
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request fields, with the URL's webhook token masked. */
function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : maskWebhookToken(req.url),
    host: req.host ?? req.hostname,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

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
      serializers: { req: serializeRequest },
      base: { service: 'wismo' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    readable
      ? pretty({ colorize: true, ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss.l' })
      : destination,
  );
}
