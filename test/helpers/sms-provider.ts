import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Twilio's Messages API on a local port: it records every request as it came and answers like Twilio does,
// 201 with a message resource, or a Twilio error body ({ code, message, more_info, status }). Like Twilio it
// honours the idempotency token: a request repeating the token of a message already made gets that message
// back and makes no new one, so `messages` counts what a shopper would actually receive.

export interface SmsRequest {
  at: number;
  method: string;
  path: string;
  to: string | null;
  from: string | null;
  body: string | null;
  /** I-Twilio-Idempotency-Token header. */
  idempotencyToken: string | null;
  /** Idempotency-Key header. */
  idempotencyKey: string | null;
  /** HTTP Basic credentials, decoded. */
  auth: { username: string; password: string } | null;
  contentType: string | null;
  /** Status the provider answered (null while hanging). */
  status: number | null;
}

export interface SmsRecord {
  sid: string;
  to: string;
  from: string;
  body: string;
  idempotencyToken: string | null;
}

/** An answer a script can ask for: a status (with Twilio's body for it), or the full answer, or no answer. */
export type SmsAnswer =
  | number
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | 'hang';

export interface SmsProviderOptions {
  /** Answers for the first requests, in order; later requests are answered normally (201). */
  script?: SmsAnswer[];
  /** When set, other credentials get 401 like Twilio's 20003. */
  credentials?: { accountSid: string; authToken: string };
  /** Numbers answered 400 21211, as Twilio does for a number it cannot text. */
  invalidNumbers?: string[];
}

export interface SmsProvider {
  /** http://127.0.0.1:port, the apiUrl to configure. */
  url: string;
  /** Messages made, once per idempotency token. */
  readonly messages: SmsRecord[];
  /** Every request, repeats included. */
  readonly requests: SmsRequest[];
  close(): Promise<void>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

export async function startSmsProvider(options: SmsProviderOptions = {}): Promise<SmsProvider> {
  const messages: SmsRecord[] = [];
  const requests: SmsRequest[] = [];
  const byToken = new Map<string, SmsRecord>();
  const script = [...(options.script ?? [])];
  const hanging = new Set<ServerResponse>();

  function answer(res: ServerResponse, req: SmsRequest, status: number, body: unknown, extra = {}): void {
    req.status = status;
    res.writeHead(status, { 'content-type': 'application/json', ...extra });
    res.end(JSON.stringify(body));
  }

  /** The message for this request: the one already made for its idempotency token, or a new one. */
  function make(req: SmsRequest): SmsRecord {
    const known = req.idempotencyToken ? byToken.get(req.idempotencyToken) : undefined;
    if (known) return known;
    const record = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to: req.to ?? '',
      from: req.from ?? '',
      body: req.body ?? '',
      idempotencyToken: req.idempotencyToken,
    };
    messages.push(record);
    if (record.idempotencyToken) byToken.set(record.idempotencyToken, record);
    return record;
  }

  function created(res: ServerResponse, req: SmsRequest, record: SmsRecord, accountSid: string): void {
    answer(res, req, 201, {
      sid: record.sid,
      account_sid: accountSid,
      to: record.to,
      from: record.from,
      body: record.body,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${record.sid}.json`,
    });
  }

  function handle(incoming: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(incoming.url ?? '/', 'http://localhost');
    const form = new URLSearchParams(raw);
    const req: SmsRequest = {
      at: Date.now(),
      method: incoming.method ?? 'GET',
      path: url.pathname,
      to: form.get('To'),
      from: form.get('From'),
      body: form.get('Body'),
      idempotencyToken: header(incoming, 'i-twilio-idempotency-token'),
      idempotencyKey: header(incoming, 'idempotency-key'),
      auth: basicAuth(header(incoming, 'authorization')),
      contentType: header(incoming, 'content-type'),
      status: null,
    };
    requests.push(req);

    const match = MESSAGES_PATH.exec(url.pathname);
    if (req.method !== 'POST' || !match) {
      answer(res, req, 404, twilioError(404, 20404, `The requested resource ${url.pathname} was not found`));
      return;
    }
    const accountSid = decodeURIComponent(match[1] ?? '');
    const expected = options.credentials;
    if (
      expected &&
      (req.auth?.username !== expected.accountSid ||
        req.auth.password !== expected.authToken ||
        accountSid !== expected.accountSid)
    ) {
      answer(res, req, 401, twilioError(401, 20003, 'Authenticate'), {
        'www-authenticate': 'Basic realm="Twilio API"',
      });
      return;
    }

    const scripted = script.shift();
    if (scripted === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (scripted !== undefined) {
      const a = typeof scripted === 'number' ? { status: scripted } : scripted;
      // A success is made on receipt, like Twilio's: a slow answer does not mean the message was not sent.
      const record = a.status === 200 || a.status === 201 ? make(req) : null;
      const send = () => {
        if (record) created(res, req, record, accountSid);
        else answer(res, req, a.status, a.body ?? defaultBody(a.status, req), a.headers);
      };
      if ('delayMs' in a && a.delayMs) setTimeout(send, a.delayMs);
      else send();
      return;
    }

    if (!req.to || !req.from || req.body === null) {
      const missing = !req.to ? 'To' : !req.from ? 'From' : 'Body';
      answer(res, req, 400, twilioError(400, 21604, `A '${missing}' parameter is required.`));
    } else if (options.invalidNumbers?.includes(req.to)) {
      answer(res, req, 400, defaultBody(400, req));
    } else {
      created(res, req, make(req), accountSid);
    }
  }

  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => handle(incoming, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Twilio's body for a status a script names by number alone. */
function defaultBody(status: number, req: SmsRequest): object {
  const error = (code: number, message: string) => twilioError(status, code, message);
  switch (status) {
    case 400:
      return error(21211, `The 'To' number ${req.to ?? ''} is not a valid phone number.`);
    case 401:
      return error(20003, 'Authenticate');
    case 403:
      return error(20003, 'Permission Denied');
    case 404:
      return error(20404, 'The requested resource was not found');
    case 429:
      return error(20429, 'Too Many Requests');
    default:
      return error(20500, 'An internal server error has occurred');
  }
}

function twilioError(status: number, code: number, message: string): object {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

function basicAuth(value: string | null): { username: string; password: string } | null {
  const m = /^Basic\s+(.+)$/i.exec(value ?? '');
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? { username: decoded, password: '' }
    : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
