import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type NodemailerError, type SendMailOptions, type SMTPSentMessageInfo } from 'nodemailer';
import { PermanentSendError, redact, type SendError, TransientSendError } from './errors.js';

// Email goes out over SMTP to the merchant's (or the operator's) relay, or, in development without one, into
// a directory of .eml files that any mail client opens. Either way nodemailer builds the MIME message, so
// what lands in the mailbox directory is byte for byte what a relay would have been handed.
//
// A send either resolves (the server said 250 to the message) or throws a PermanentSendError or a
// TransientSendError (errors.ts); nothing else escapes. Retries are the caller's: the Message-ID is derived
// from the caller's stable id, so a message sent twice (the first 250 lost with its connection) carries the
// same Message-ID both times and receivers can collapse the copies.

export interface EmailMessage {
  /** Stable per message, without angle brackets: 'uuid' or 'uuid@domain' (then used as is). */
  messageId: string;
  from: { name: string; address: string };
  replyTo: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface EmailTransportConfig {
  /** smtp:// or smtps:// with optional user:pass; null writes .eml files into mailboxDir instead. */
  smtpUrl: string | null;
  pool: boolean;
  maxConnections: number;
  mailboxDir: string;
  timeoutMs: number;
}

export interface EmailSender {
  send(m: EmailMessage): Promise<{ providerId: string }>;
  close(): Promise<void>;
  readonly kind: 'smtp' | 'mailbox';
}

/** Domain part of a Message-ID built from a bare id. */
const MESSAGE_ID_DOMAIN = 'wismo';

/** The Message-ID header value for a message id: '<uuid@wismo>', or '<id@domain>' when it names a domain. */
export function messageIdHeader(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, '');
  return `<${bare.includes('@') ? bare : `${bare}@${MESSAGE_ID_DOMAIN}`}>`;
}

export function createEmailSender(
  config: EmailTransportConfig,
  logger: { info(obj: object, msg: string): void },
): EmailSender {
  return config.smtpUrl ? smtpSender(config, config.smtpUrl) : mailboxSender(config, logger);
}

function smtpSender(config: EmailTransportConfig, smtpUrl: string): EmailSender {
  const secrets = urlSecrets(smtpUrl);
  const timeouts = {
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
    dnsTimeout: config.timeoutMs,
  };
  // Messages are text and HTML strings: nothing may make nodemailer read a file or fetch a URL.
  const hardening = { disableFileAccess: true, disableUrlAccess: true };
  const transport = config.pool
    ? nodemailer.createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections: config.maxConnections,
        // A connection dropped mid-message fails the send instead of being retried inside the pool: retries
        // belong to the caller, which counts and spaces them, and a hidden requeue would multiply how long
        // one send() can take.
        maxRequeues: 0,
        ...timeouts,
        ...hardening,
      })
    : nodemailer.createTransport({ url: smtpUrl, ...timeouts, ...hardening });
  // Errors reach each send's promise; an 'error' event without a listener would end the process.
  transport.on('error', () => {});

  const inFlight = new Set<Promise<unknown>>();
  let closed = false;

  async function deliver(m: EmailMessage): Promise<{ providerId: string }> {
    let info: SMTPSentMessageInfo;
    try {
      info = await transport.sendMail(mailOptions(m));
    } catch (err) {
      throw classifySmtpError(err, secrets);
    }
    if (info.rejected.length > 0) {
      throw new PermanentSendError(
        redact(`recipient rejected: ${rejectionText(info) ?? info.rejected.join(', ')}`, secrets),
        { code: 'EENVELOPE' },
      );
    }
    return { providerId: smtpProviderId(info) };
  }

  return {
    kind: 'smtp',
    async send(m) {
      if (closed) throw new TransientSendError('the email sender is shutting down');
      checkAddresses(m);
      const sending = deliver(m);
      inFlight.add(sending);
      try {
        return await sending;
      } finally {
        inFlight.delete(sending);
      }
    },
    async close() {
      closed = true;
      // Idle connections end at once; one in the middle of a message finishes it, and its send settles.
      transport.close();
      await Promise.allSettled([...inFlight]);
    },
  };
}

function mailboxSender(
  config: EmailTransportConfig,
  logger: { info(obj: object, msg: string): void },
): EmailSender {
  // CRLF line ends: an .eml file is an RFC 5322 message, as a relay would receive it.
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const dir = path.resolve(config.mailboxDir);

  return {
    kind: 'mailbox',
    async send(m) {
      checkAddresses(m);
      let raw: Buffer;
      try {
        const info = await transport.sendMail(mailOptions(m));
        if (!Buffer.isBuffer(info.message))
          throw new Error('the stream transport did not buffer the message');
        raw = info.message;
      } catch (err) {
        throw new PermanentSendError(`could not build the message: ${(err as Error).message}`);
      }
      // Colons are not allowed in file names everywhere; the rest is limited to what no shell or OS minds.
      const stamp = new Date().toISOString().replace(/:/g, '-');
      const fileName = `${stamp}-${safeFileName(m.messageId)}.eml`;
      const file = path.join(dir, fileName);
      // Written under a temporary name and renamed, so a mail client watching the directory never opens a
      // half-written file.
      const temp = path.join(dir, `.${fileName}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(temp, raw, { flag: 'wx' });
        await rename(temp, file);
      } catch (err) {
        await rm(temp, { force: true }).catch(() => {});
        const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
        throw new TransientSendError(`could not write to the mailbox directory (${code})`, { code });
      }
      // The body and the recipient are the shopper's data: the line says where to look, not what it says.
      logger.info({ path: file, subject: m.subject }, 'email written to the development mailbox');
      return { providerId: fileName };
    },
    async close() {},
  };
}

function mailOptions(m: EmailMessage): SendMailOptions {
  return {
    messageId: messageIdHeader(m.messageId),
    from: { name: m.from.name, address: m.from.address },
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    ...(m.headers ? { headers: m.headers } : {}),
  };
}

// One address, no display name or list: nodemailer would read "a@x.com, b@y.com" as two recipients, and a
// shopper's address never legitimately holds these characters.
const ADDRESS = /^[^\s@<>,;"()[\]\\]+@[^\s@<>,;"()[\]\\.][^\s@<>,;"()[\]\\]*$/u;

function checkAddresses(m: EmailMessage): void {
  if (!ADDRESS.test(m.to)) throw new PermanentSendError('invalid recipient address', { code: 'EENVELOPE' });
  if (!ADDRESS.test(m.from.address))
    throw new PermanentSendError('invalid sender address', { code: 'EENVELOPE' });
  if (m.replyTo && !ADDRESS.test(m.replyTo)) {
    throw new PermanentSendError('invalid reply-to address', { code: 'EENVELOPE' });
  }
}

function safeFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'message';
}

/** The Message-ID the message went out with, and the relay's queue id when its reply names one. */
function smtpProviderId(info: SMTPSentMessageInfo): string {
  const queueId = /queued as ([\w.:@<>-]+)/i.exec(info.response)?.[1];
  const parts = [info.messageId];
  // Some relays (Microsoft 365, SES) replace the Message-ID: the delivered copy carries theirs.
  if (info.serverMessageId && info.serverMessageId !== info.messageId)
    parts.push(`server ${info.serverMessageId}`);
  if (queueId) parts.push(`queued as ${queueId}`);
  return parts.join(' ');
}

function rejectionText(info: { rejectedErrors?: { response?: string }[] }): string | null {
  const first = info.rejectedErrors?.find((e) => e.response)?.response;
  return first ?? null;
}

const UNREACHABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY']);
// Refusals that come from the message or the configuration, not from the server's state: sending the same
// thing again fails the same way.
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS', 'ECONFIG', 'EREQUIRETLS']);

/** What an SMTP command's refusal is about, for the reason. */
const COMMAND_SUBJECT: Record<string, string> = {
  'RCPT TO': 'recipient',
  'MAIL FROM': 'sender',
  DATA: 'message',
};

export function classifySmtpError(err: unknown, secrets: readonly string[] = []): SendError {
  const e = (err ?? {}) as NodemailerError;
  const code = typeof e.code === 'string' ? e.code : null;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;

  if (responseCode !== null && responseCode >= 400) {
    // nodemailer's own reading of the reply class when it gives one: it knows 503 (bad sequence) is not a
    // refusal of the message even though it is a 5xx.
    // A refused login is the operator's to fix, not the message's fault: retried so messages outlive the fix.
    const permanent =
      code === 'EAUTH' ? false : typeof e.permanent === 'boolean' ? e.permanent : responseCode >= 500;
    const subject = e.command ? COMMAND_SUBJECT[e.command] : undefined;
    const reason =
      code === 'EAUTH'
        ? // What a server says about a failed login is not quoted: it may echo the user name.
          `SMTP ${responseCode}: the mail server refused the credentials`
        : `${subject ? `${subject} ${permanent ? 'rejected' : 'deferred'}` : 'SMTP error'}: ${e.response ?? responseCode}`;
    const clean = redact(reason, secrets);
    return permanent
      ? new PermanentSendError(clean, { code: String(responseCode) })
      : new TransientSendError(clean, { code: String(responseCode) });
  }

  // A login that failed before any reply (no credentials in the URL, an unknown method): the operator's to
  // fix; retried with back-off so the messages outlive the fix.
  if (code === 'EAUTH') {
    return new TransientSendError(redact(`SMTP login failed: ${firstLine(e.message)}`, secrets), { code });
  }
  if (code !== null && PERMANENT_CODES.has(code)) {
    return new PermanentSendError(redact(`${code}: ${firstLine(e.message)}`, secrets), { code });
  }
  if (code !== null && UNREACHABLE_CODES.has(code)) {
    const detail = e.timeoutType ?? e.originalCode ?? null;
    const what = code === 'ETIMEDOUT' ? 'mail server timed out' : 'mail server unreachable';
    const reason = `${what} (${code}${detail ? ` ${detail}` : ''}): ${firstLine(e.message)}`;
    return new TransientSendError(redact(reason, secrets), { code });
  }
  // Anything else (a closed pool, a protocol surprise) says nothing about the message itself.
  const reason = `SMTP send failed${code ? ` (${code})` : ''}: ${firstLine(e.message)}`;
  return new TransientSendError(redact(reason, secrets), { code });
}

function firstLine(message: unknown): string {
  return typeof message === 'string' ? (message.split('\n')[0] ?? '') : 'unknown error';
}

function urlSecrets(smtpUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // The URL is not quoted: it may hold the password.
    throw new Error('the SMTP URL is not a valid URL (expected smtp://user:pass@host:port or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`the SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  return [url.username, url.password].filter(Boolean).map((s) => safeDecode(s));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
