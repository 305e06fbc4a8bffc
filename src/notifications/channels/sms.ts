import { Agent, type Dispatcher, errors, request } from 'undici';
import { excerpt, retryAfterMs } from '../../polling/http.js';
import { PermanentSendError, redact, TransientSendError } from './errors.js';

// SMS goes out through a Twilio-compatible Messages API (Twilio itself, or any provider or local stand-in that
// speaks its dialect): one form-encoded POST per message, HTTP Basic auth with the account SID and token.
//
// Every POST carries the caller's idempotency key, in Twilio's own header and in the generic one. A send that
// timed out may still have been accepted; the caller retries with the same key and the provider answers with
// the message it already made instead of texting the shopper twice.

export interface SmsConfig {
  /** API root without a trailing path, e.g. https://api.twilio.com */
  apiUrl: string;
  accountSid: string;
  authToken: string;
  /** Default sender: an E.164 number or an alphanumeric sender id. */
  from: string;
  timeoutMs: number;
}

export interface SmsMessage {
  /** E.164 */
  to: string;
  body: string;
  idempotencyKey: string;
  /** Overrides config.from for this message. */
  from?: string | null;
}

export interface SmsSender {
  send(m: SmsMessage): Promise<{ providerId: string }>;
}

/** Larger answers are cut: a message resource is a couple of kilobytes. */
export const MAX_SMS_ANSWER_BYTES = 64 * 1024;

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * @param dispatcher shared undici dispatcher (its connect timeout applies); without one the sender keeps its
 *   own Agent with connect, headers and body timeouts of config.timeoutMs.
 */
export function createSmsSender(config: SmsConfig, dispatcher?: Dispatcher): SmsSender {
  const agent =
    dispatcher ??
    new Agent({
      connect: { timeout: config.timeoutMs },
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    });
  const url = `${config.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const basic = Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
  const secrets = [config.authToken, basic];

  return {
    async send(m) {
      if (!E164.test(m.to))
        throw new PermanentSendError('invalid phone number: not in E.164 form', { code: 'E164' });
      const form = new URLSearchParams({ To: m.to, From: m.from || config.from, Body: m.body });
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(url, {
          method: 'POST',
          dispatcher: agent,
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            'i-twilio-idempotency-token': m.idempotencyKey,
            'idempotency-key': m.idempotencyKey,
          },
          body: form.toString(),
          headersTimeout: config.timeoutMs,
          bodyTimeout: config.timeoutMs,
        });
      } catch (err) {
        throw new TransientSendError(redact(describeTransportError(err), secrets), {
          code: transportCode(err),
        });
      }
      const { body, cut } = await readCapped(res, secrets);
      const status = res.statusCode;
      const headers = res.headers;

      if (status >= 200 && status < 300) {
        const sid = cut ? null : jsonField(body, 'sid');
        // The provider may have made the message: the retry, with the same key, gets its sid.
        if (typeof sid !== 'string' || !sid) {
          throw new TransientSendError(`HTTP ${status} without a message sid: ${excerpt(body, 80)}`);
        }
        return { providerId: sid };
      }

      const providerCode = jsonField(body, 'code');
      const code =
        typeof providerCode === 'number' || typeof providerCode === 'string'
          ? String(providerCode)
          : String(status);
      if (status === 429 || status === 408 || status >= 500) {
        const header = headers['retry-after'];
        throw new TransientSendError(redact(`HTTP ${status}: ${providerMessage(body)}`, secrets), {
          code,
          retryAfterMs: retryAfterMs(Array.isArray(header) ? header[0] : header),
        });
      }
      // What a refusal of the account says is not quoted: a provider may echo what it was sent. It is the
      // operator's to fix, not the message's fault: retried (with back-off) so messages outlive the fix.
      if (status === 401 || status === 403) {
        throw new TransientSendError(
          `HTTP ${status}: the SMS provider refused the credentials${providerCode !== undefined ? ` (code ${code})` : ''}`,
          { code },
        );
      }
      throw new PermanentSendError(redact(`HTTP ${status}: ${providerMessage(body)}`, secrets), { code });
    },
  };
}

async function readCapped(
  res: Dispatcher.ResponseData<unknown>,
  secrets: readonly string[],
): Promise<{ body: Buffer; cut: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      if (size + buf.length > MAX_SMS_ANSWER_BYTES) {
        chunks.push(buf.subarray(0, MAX_SMS_ANSWER_BYTES - size));
        res.body.destroy();
        return { body: Buffer.concat(chunks), cut: true };
      }
      size += buf.length;
      chunks.push(buf);
    }
  } catch (err) {
    throw new TransientSendError(redact(describeTransportError(err), secrets), { code: transportCode(err) });
  }
  return { body: Buffer.concat(chunks), cut: false };
}

function jsonField(body: Buffer, field: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[field] : undefined;
  } catch {
    return undefined;
  }
}

/** "21211 The 'To' number … is not a valid phone number." from a Twilio error body, else the body's start. */
function providerMessage(body: Buffer): string {
  const code = jsonField(body, 'code');
  const message = jsonField(body, 'message');
  if (typeof message === 'string' && message.trim()) {
    return typeof code === 'number' || typeof code === 'string' ? `${code} ${message}` : message;
  }
  return excerpt(body);
}

function describeTransportError(err: unknown): string {
  if (err instanceof errors.ConnectTimeoutError) return 'SMS provider unreachable: connect timeout';
  if (err instanceof errors.HeadersTimeoutError) return 'SMS provider timed out before answering';
  if (err instanceof errors.BodyTimeoutError) return 'SMS provider timed out while answering';
  const e = err as { code?: string; message?: string };
  return `SMS provider unreachable${e.code ? ` (${e.code})` : ''}: ${e.message ?? String(err)}`;
}

function transportCode(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'ETRANSPORT';
}
