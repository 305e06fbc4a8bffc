import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError, type SMTPServerSession } from 'smtp-server';

// A real SMTP server on a local port for tests: wismo's email sender talks real SMTP to it, and it keeps what
// it accepted, parsed. A message counts as delivered only once the sink has answered 250 to its DATA, as a
// relay would: with acceptDelayMs the answer waits, and a client that goes away meanwhile delivered nothing.
// That is what lets a test kill a sender in the middle of a send and check no shopper got a message twice.

export interface SinkMessage {
  /** Message-ID header, with its angle brackets; null when the message had none. */
  messageId: string | null;
  /** First address of the From header. */
  from: { name: string; address: string } | null;
  /** Envelope recipients (RCPT TO) the sink accepted. */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  mailFrom: string;
  /** Reply-To header as text, null when absent. */
  replyTo: string | null;
  subject: string;
  text: string;
  /** Null when the message had no HTML part. */
  html: string | null;
  /** Parsed headers, lower-case names (mailparser's map). */
  headers: ParsedMail['headers'];
  raw: string;
  /** The queue id the sink named in its 250 answer ("queued as …"). */
  queueId: string;
  parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  /** How long the sink waits, the message received in full, before answering 250. */
  acceptDelayMs?: number;
  /** Answer a recipient's RCPT TO with this reply (e.g. 550 or 451) instead of accepting it. */
  reject?: (to: string) => { code: number; message: string } | null;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:port */
  url: string;
  /** Accepted messages, in the order the sink answered 250. */
  readonly messages: SinkMessage[];
  /** Messages received in full whose client left before the sink accepted them. */
  readonly dropped: SinkMessage[];
  /** Logins seen (any credentials are accepted). */
  readonly logins: { username: string; password: string }[];
  /** SMTP connections opened so far. */
  readonly connectionCount: number;
  /** Resolves with the accepted messages once there are at least `count`. */
  waitFor(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const dropped: SinkMessage[] = [];
  const logins: { username: string; password: string }[] = [];
  const waiters = new Set<() => void>();
  let connectionCount = 0;

  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connectionCount += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.reject?.(address.address) ?? null;
      if (!refusal) return callback();
      const err: SMTPServerError = new Error(refusal.message);
      err.responseCode = refusal.code;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => {});
      stream.on('end', () => {
        void accept(Buffer.concat(chunks), session).then(
          (result) =>
            result.ok ? callback(null, `OK: queued as ${result.queueId}`) : callback(result.error),
          (err: Error) => callback(err),
        );
      });
    },
  });
  // A client killed mid-message is a socket error on the server: it must not end the test process.
  server.on('error', () => {});

  /** Still connected: the server forgets a connection the moment its socket closes. */
  function stillConnected(session: SMTPServerSession): boolean {
    for (const connection of server.connections) if (connection.session === session) return true;
    return false;
  }

  async function accept(
    raw: Buffer,
    session: SMTPServerSession,
  ): Promise<{ ok: true; queueId: string } | { ok: false; error: Error }> {
    const queueId = randomBytes(6).toString('hex').toUpperCase();
    const parsed = await simpleParser(raw);
    const message = toSinkMessage(parsed, raw, session, queueId);
    if (options.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, options.acceptDelayMs));
    if (!stillConnected(session)) {
      dropped.push(message);
      return { ok: false, error: new Error('client went away before the message was accepted') };
    }
    messages.push(message);
    for (const wake of waiters) wake();
    return { ok: true, queueId };
  }

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    dropped,
    logins,
    get connectionCount() {
      return connectionCount;
    },
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: ${messages.length} of ${count} messages arrived in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      // Pooled clients keep idle connections open; without this the server would wait for them to leave.
      for (const connection of server.connections) connection.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function toSinkMessage(
  parsed: ParsedMail,
  raw: Buffer,
  session: SMTPServerSession,
  queueId: string,
): SinkMessage {
  const from = parsed.from?.value[0];
  const envelope = session.envelope;
  return {
    messageId: parsed.messageId ?? null,
    from: from ? { name: from.name, address: from.address ?? '' } : null,
    to: envelope.rcptTo.map((r) => r.address),
    mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
    replyTo: parsed.replyTo?.text ?? null,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || null,
    headers: parsed.headers,
    raw: raw.toString('utf8'),
    queueId,
    parsed,
  };
}
