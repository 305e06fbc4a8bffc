import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmailSender,
  type EmailMessage,
  type EmailSender,
  type EmailTransportConfig,
  messageIdHeader,
} from '../src/notifications/channels/email.js';
import { PermanentSendError, TransientSendError } from '../src/notifications/channels/errors.js';
import { createSmsSender, type SmsConfig } from '../src/notifications/channels/sms.js';
import { type SmsProvider, type SmsProviderOptions, startSmsProvider } from './helpers/sms-provider.js';
import { type SmtpSink, type SmtpSinkOptions, startSmtpSink } from './helpers/smtp-sink.js';

// The transports against real protocol peers on local ports: a real SMTP server (smtp-sink) and an HTTP
// server speaking Twilio's Messages API (sms-provider). Nothing of nodemailer or undici is mocked.

const silent = { info: () => {} };

function message(overrides: Partial<EmailMessage> = {}): EmailMessage {
  return {
    messageId: randomUUID(),
    from: { name: 'Acme Outdoor', address: 'orders@acme.example' },
    replyTo: 'support@acme.example',
    to: 'shopper@example.com',
    subject: 'Your order #1001 has shipped',
    text: 'Your order is on its way.',
    html: '<p>Your order is <b>on its way</b>.</p>',
    ...overrides,
  };
}

function smtpConfig(url: string | null, overrides: Partial<EmailTransportConfig> = {}): EmailTransportConfig {
  return { smtpUrl: url, pool: true, maxConnections: 3, mailboxDir: '', timeoutMs: 2_000, ...overrides };
}

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

describe('email over SMTP', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(
    sinkOptions: SmtpSinkOptions = {},
    config: Partial<EmailTransportConfig> = {},
  ): Promise<{ sink: SmtpSink; sender: EmailSender }> {
    const sink = await startSmtpSink(sinkOptions);
    cleanup.push(() => sink.close());
    const sender = createEmailSender(smtpConfig(sink.url, config), silent);
    cleanup.push(() => sender.close());
    return { sink, sender };
  }

  it('delivers text and html with the stable Message-ID, subject, sender name and reply-to', async () => {
    const { sink, sender } = await setup();
    expect(sender.kind).toBe('smtp');
    const m = message({ headers: { 'X-Wismo-Order': '1001' } });
    const sent = await sender.send(m);

    const [got] = await sink.waitFor(1);
    expect(got?.messageId).toBe(`<${m.messageId}@wismo>`);
    expect(got?.messageId).toBe(messageIdHeader(m.messageId));
    expect(got?.subject).toBe(m.subject);
    expect(got?.from).toEqual({ name: 'Acme Outdoor', address: 'orders@acme.example' });
    expect(got?.replyTo).toBe('support@acme.example');
    expect(got?.to).toEqual(['shopper@example.com']);
    expect(got?.text.trim()).toBe(m.text);
    expect(got?.html).toContain('<b>on its way</b>');
    expect(got?.headers.get('x-wismo-order')).toBe('1001');
    // The Message-ID and the relay's queue id, from its "250 OK: queued as …".
    expect(sent.providerId).toBe(`<${m.messageId}@wismo> queued as ${got?.queueId}`);
  });

  it('keeps the Message-ID across a resend, so receivers can collapse the copies', async () => {
    const { sink, sender } = await setup();
    const m = message();
    await sender.send(m);
    await sender.send(m);
    const got = await sink.waitFor(2);
    expect(got.map((g) => g.messageId)).toEqual([`<${m.messageId}@wismo>`, `<${m.messageId}@wismo>`]);
  });

  it('carries Japanese and Russian subjects and bodies intact', async () => {
    const { sink, sender } = await setup();
    const ja = message({
      subject: 'ご注文の商品を発送しました（注文番号 1001）',
      text: 'お届け予定日：3月14日',
      html: '<p>お届け予定日：<b>3月14日</b></p>',
    });
    const ru = message({
      subject: 'Ваш заказ № 1001 отправлен — ожидайте доставку',
      text: 'Ожидаемая дата доставки: 14 марта',
      html: '<p>Ожидаемая дата доставки: <b>14 марта</b></p>',
      from: { name: 'Магазин «Ёлка»', address: 'orders@acme.example' },
    });
    await sender.send(ja);
    await sender.send(ru);
    const got = await sink.waitFor(2);
    const bySubject = new Map(got.map((g) => [g.subject, g]));
    expect(bySubject.get(ja.subject)?.text.trim()).toBe(ja.text);
    expect(bySubject.get(ja.subject)?.html).toContain('<b>3月14日</b>');
    expect(bySubject.get(ru.subject)?.text.trim()).toBe(ru.text);
    expect(bySubject.get(ru.subject)?.from?.name).toBe('Магазин «Ёлка»');
    // Headers are 7-bit on the wire (encoded words): no relay has to speak SMTPUTF8.
    for (const g of got) expect(g.raw.split('\r\n\r\n')[0]).not.toMatch(/[\u0080-\uffff]/);
  });

  it('sends 20 messages at once over a pool of at most maxConnections connections', async () => {
    const { sink, sender } = await setup({}, { maxConnections: 3 });
    const sent = Array.from({ length: 20 }, () => message());
    const results = await Promise.all(sent.map((m) => sender.send(m)));
    expect(new Set(results.map((r) => r.providerId)).size).toBe(20);
    const got = await sink.waitFor(20);
    expect(new Set(got.map((g) => g.messageId))).toEqual(new Set(sent.map((m) => `<${m.messageId}@wismo>`)));
    expect(sink.connectionCount).toBeGreaterThan(0);
    expect(sink.connectionCount).toBeLessThanOrEqual(3);
  });

  it('logs in with the credentials of the URL and keeps them out of errors', async () => {
    const sink = await startSmtpSink({ reject: () => ({ code: 550, message: 'No such user here' }) });
    cleanup.push(() => sink.close());
    const url = new URL(sink.url);
    url.username = 'relay-user';
    url.password = 's3cret/pass word';
    const sender = createEmailSender(smtpConfig(url.toString()), silent);
    cleanup.push(() => sender.close());
    const err = await rejection(sender.send(message()));
    expect(sink.logins).toEqual([{ username: 'relay-user', password: 's3cret/pass word' }]);
    expect(err).toBeInstanceOf(PermanentSendError);
    expect((err as PermanentSendError).reason).not.toContain('s3cret');
  });

  it('turns a 550 recipient rejection into a PermanentSendError', async () => {
    const { sink, sender } = await setup({
      reject: (to) =>
        to === 'gone@example.com' ? { code: 550, message: '5.1.1 Mailbox does not exist' } : null,
    });
    const err = await rejection(sender.send(message({ to: 'gone@example.com' })));
    expect(err).toBeInstanceOf(PermanentSendError);
    expect((err as PermanentSendError).reason).toMatch(
      /^recipient rejected: 550 5\.1\.1 Mailbox does not exist/,
    );
    expect((err as PermanentSendError).code).toBe('550');
    // The connection survives a refused recipient: the next message goes through.
    await sender.send(message());
    expect(await sink.waitFor(1)).toHaveLength(1);
  });

  it('turns a 451 into a TransientSendError', async () => {
    const { sink, sender } = await setup({
      reject: () => ({ code: 451, message: '4.7.1 Greylisted, try again later' }),
    });
    const err = await rejection(sender.send(message()));
    expect(err).toBeInstanceOf(TransientSendError);
    expect((err as TransientSendError).reason).toContain('451');
    expect(sink.messages).toHaveLength(0);
  });

  it('turns a server that is down into a TransientSendError', async () => {
    const port = await closedPort();
    const sender = createEmailSender(smtpConfig(`smtp://127.0.0.1:${port}`), silent);
    cleanup.push(() => sender.close());
    const err = await rejection(sender.send(message()));
    expect(err).toBeInstanceOf(TransientSendError);
    expect((err as TransientSendError).reason).toMatch(/mail server unreachable/);
  });

  it('works without a pool too', async () => {
    const { sink, sender } = await setup({}, { pool: false });
    await Promise.all([sender.send(message()), sender.send(message())]);
    expect(await sink.waitFor(2)).toHaveLength(2);
  });

  it('refuses an address that is not one address, before talking to the server', async () => {
    const { sink, sender } = await setup();
    const err = await rejection(sender.send(message({ to: 'a@example.com, b@example.com' })));
    expect(err).toBeInstanceOf(PermanentSendError);
    expect((err as PermanentSendError).reason).toBe('invalid recipient address');
    expect(sink.connectionCount).toBe(0);
  });

  it('close() lets a message in flight finish, and later sends fail as transient', async () => {
    const { sink, sender } = await setup({ acceptDelayMs: 300 });
    const sending = sender.send(message());
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sender.close();
    await expect(sending).resolves.toHaveProperty('providerId');
    expect(sink.messages).toHaveLength(1);
    expect(await rejection(sender.send(message()))).toBeInstanceOf(TransientSendError);
  });
});

describe('smtp sink', () => {
  /** Speaks SMTP up to the end of DATA, then hangs up without waiting for the answer. */
  async function sendAndHangUp(url: string): Promise<void> {
    const { port } = new URL(url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let seen = '';
    socket.on('data', (d: Buffer) => {
      seen += d.toString();
    });
    const waitFor = async (re: RegExp) => {
      const until = Date.now() + 2_000;
      while (!re.test(seen)) {
        if (Date.now() > until) throw new Error(`no ${re} from the sink, got: ${seen}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      seen = '';
    };
    await waitFor(/^220 /m);
    for (const [line, reply] of [
      ['EHLO test', /^250 /m],
      ['MAIL FROM:<orders@acme.example>', /^250 /m],
      ['RCPT TO:<shopper@example.com>', /^250 /m],
      ['DATA', /^354 /m],
    ] as const) {
      socket.write(`${line}\r\n`);
      await waitFor(reply);
    }
    socket.write('Subject: hello\r\nMessage-ID: <x@wismo>\r\n\r\nhi\r\n.\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
  }

  it('records nothing when the client leaves before the delayed 250', async () => {
    const sink = await startSmtpSink({ acceptDelayMs: 200 });
    try {
      await sendAndHangUp(sink.url);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(sink.messages).toHaveLength(0);
      expect(sink.dropped.map((m) => m.subject)).toEqual(['hello']);
      await expect(sink.waitFor(1, 100)).rejects.toThrow(/0 of 1 messages/);
    } finally {
      await sink.close();
    }
  });
});

describe('email into the development mailbox', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'wismo-mailbox-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes a parseable .eml per message and logs its path and subject only', async () => {
    const lines: { obj: object; msg: string }[] = [];
    const mailboxDir = path.join(dir, 'nested', 'mail');
    const sender = createEmailSender(smtpConfig(null, { mailboxDir }), {
      info: (obj, msg) => lines.push({ obj, msg }),
    });
    expect(sender.kind).toBe('mailbox');
    const m = message({ subject: 'Заказ отправлен / 発送しました' });
    const { providerId } = await sender.send(m);
    await sender.close();

    expect(providerId).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[A-Za-z0-9._-]+\.eml$/);
    expect(providerId).toContain(m.messageId);
    expect(await readdir(mailboxDir)).toEqual([providerId]);
    const raw = await readFile(path.join(mailboxDir, providerId));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(m.subject);
    expect(parsed.html).toContain('<b>on its way</b>');
    expect(parsed.text?.trim()).toBe(m.text);
    expect(parsed.messageId).toBe(`<${m.messageId}@wismo>`);
    expect(parsed.replyTo?.text).toBe('support@acme.example');

    expect(lines).toHaveLength(1);
    expect(lines[0]?.obj).toEqual({ path: path.join(mailboxDir, providerId), subject: m.subject });
    expect(JSON.stringify(lines)).not.toContain('on its way');
  });

  it('keeps a message id with unsafe characters out of the file name', async () => {
    const sender = createEmailSender(smtpConfig(null, { mailboxDir: dir }), silent);
    const { providerId } = await sender.send(message({ messageId: '../../etc/passwd@wismo' }));
    expect(providerId).not.toContain('/');
    expect(await readdir(dir)).toContain(providerId);
  });
});

describe('SMS over a Twilio-compatible API', () => {
  const credentials = {
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'tok_9f8e7d6c5b4a39281706',
  };
  const providers: SmsProvider[] = [];
  afterEach(async () => {
    for (const p of providers.splice(0)) await p.close();
  });

  async function setup(options: SmsProviderOptions = {}, config: Partial<SmsConfig> = {}) {
    const provider = await startSmsProvider({ credentials, ...options });
    providers.push(provider);
    const sender = createSmsSender({
      apiUrl: provider.url,
      ...credentials,
      from: '+15005550006',
      timeoutMs: 1_000,
      ...config,
    });
    return { provider, sender };
  }

  it('posts To, From and Body with Basic auth and both idempotency headers, and returns the sid', async () => {
    const { provider, sender } = await setup();
    const { providerId } = await sender.send({
      to: '+14155550123',
      body: 'Acme: order #1001 is out for delivery — Доставка сегодня',
      idempotencyKey: 'notif-42-sms',
    });
    expect(providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(provider.requests).toHaveLength(1);
    const [req] = provider.requests;
    expect(req).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${credentials.accountSid}/Messages.json`,
      to: '+14155550123',
      from: '+15005550006',
      body: 'Acme: order #1001 is out for delivery — Доставка сегодня',
      idempotencyToken: 'notif-42-sms',
      idempotencyKey: 'notif-42-sms',
      auth: { username: credentials.accountSid, password: credentials.authToken },
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(provider.messages.map((m) => m.sid)).toEqual([providerId]);
  });

  it('uses the per-message sender when given', async () => {
    const { provider, sender } = await setup();
    await sender.send({ to: '+14155550123', body: 'hi', idempotencyKey: 'k1', from: 'ACME' });
    expect(provider.requests[0]?.from).toBe('ACME');
  });

  it('gets the same sid for a repeated idempotency key, and the shopper one message', async () => {
    const { provider, sender } = await setup();
    const m = { to: '+14155550123', body: 'hi', idempotencyKey: 'notif-7' };
    const first = await sender.send(m);
    const again = await sender.send(m);
    expect(again.providerId).toBe(first.providerId);
    expect(provider.requests).toHaveLength(2);
    expect(provider.messages).toHaveLength(1);
  });

  it('turns 400 21211 into a PermanentSendError naming the code', async () => {
    const { sender } = await setup({ invalidNumbers: ['+1555'] });
    const err = await rejection(sender.send({ to: '+1555', body: 'hi', idempotencyKey: 'k' }));
    expect(err).toBeInstanceOf(PermanentSendError);
    expect((err as PermanentSendError).reason).toBe(
      "HTTP 400: 21211 The 'To' number +1555 is not a valid phone number.",
    );
    expect((err as PermanentSendError).code).toBe('21211');
  });

  it('cuts a long provider message to 200 characters', async () => {
    const { sender } = await setup({
      script: [{ status: 400, body: { code: 21617, message: 'x'.repeat(5000) } }],
    });
    const err = (await rejection(
      sender.send({ to: '+14155550123', body: 'hi', idempotencyKey: 'k' }),
    )) as Error & {
      reason: string;
    };
    expect(err).toBeInstanceOf(PermanentSendError);
    expect(err.reason.length).toBeLessThanOrEqual(200);
    expect(err.reason).toMatch(/^HTTP 400: 21617 x+…$/);
  });

  it('refuses a number that is not E.164 without asking the provider', async () => {
    const { provider, sender } = await setup();
    const err = await rejection(sender.send({ to: '0415 555 0123', body: 'hi', idempotencyKey: 'k' }));
    expect(err).toBeInstanceOf(PermanentSendError);
    expect(provider.requests).toHaveLength(0);
  });

  it('turns a 500 into a TransientSendError, and the retry with the same key succeeds once', async () => {
    const { provider, sender } = await setup({ script: [500] });
    const m = { to: '+14155550123', body: 'hi', idempotencyKey: 'notif-9' };
    const err = await rejection(sender.send(m));
    expect(err).toBeInstanceOf(TransientSendError);
    expect((err as TransientSendError).reason).toMatch(/^HTTP 500: 20500 /);
    expect((err as TransientSendError).retryAfterMs).toBeNull();
    await sender.send(m);
    expect(provider.requests).toHaveLength(2);
    expect(provider.messages).toHaveLength(1);
  });

  it('turns a 429 into a TransientSendError with Retry-After', async () => {
    const { sender } = await setup({ script: [{ status: 429, headers: { 'retry-after': '7' } }] });
    const err = await rejection(sender.send({ to: '+14155550123', body: 'hi', idempotencyKey: 'k' }));
    expect(err).toBeInstanceOf(TransientSendError);
    expect((err as TransientSendError).retryAfterMs).toBe(7_000);
    expect((err as TransientSendError).reason).toMatch(/^HTTP 429/);
  });

  it('turns a provider that does not answer in time into a TransientSendError', async () => {
    const { sender } = await setup({ script: ['hang'] }, { timeoutMs: 300 });
    const started = Date.now();
    const err = await rejection(sender.send({ to: '+14155550123', body: 'hi', idempotencyKey: 'k' }));
    expect(err).toBeInstanceOf(TransientSendError);
    expect((err as TransientSendError).reason).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('keeps one message when a timed-out send was accepted after all and is retried', async () => {
    // undici's headers timer ticks about once a second: the late answer comes well after it has fired.
    const { provider, sender } = await setup(
      { script: [{ status: 201, delayMs: 2_000 }] },
      { timeoutMs: 300 },
    );
    const m = { to: '+14155550123', body: 'hi', idempotencyKey: 'notif-late' };
    expect(await rejection(sender.send(m))).toBeInstanceOf(TransientSendError);
    const retried = await sender.send(m);
    expect(provider.messages).toHaveLength(1);
    expect(retried.providerId).toBe(provider.messages[0]?.sid);
  });

  it('turns a provider that is down into a TransientSendError', async () => {
    const port = await closedPort();
    const sender = createSmsSender({
      apiUrl: `http://127.0.0.1:${port}`,
      ...credentials,
      from: '+1500',
      timeoutMs: 500,
    });
    const err = await rejection(sender.send({ to: '+14155550123', body: 'hi', idempotencyKey: 'k' }));
    expect(err).toBeInstanceOf(TransientSendError);
    expect((err as TransientSendError).reason).toMatch(/ECONNREFUSED/);
  });

  // Refused credentials are the operator's to fix: retried, so the messages outlive the fix.
  it('turns 401 into a TransientSendError that says the credentials were refused, without the token', async () => {
    const { sender } = await setup({}, { authToken: 'tok_wrong_0123456789' });
    const err = await rejection(sender.send({ to: '+14155550123', body: 'hi', idempotencyKey: 'k' }));
    expect(err).toBeInstanceOf(TransientSendError);
    const reason = (err as TransientSendError).reason;
    expect(reason).toMatch(/refused the credentials/);
    expect(reason).not.toContain('tok_wrong_0123456789');
    expect(JSON.stringify(err)).not.toContain('tok_wrong_0123456789');
    expect((err as Error).message).not.toContain('tok_wrong_0123456789');
  });

  it('masks the token if a provider echoes it in an error', async () => {
    const { sender } = await setup({
      script: [
        { status: 400, body: { code: 21000, message: `bad request with token ${credentials.authToken}` } },
      ],
    });
    const err = await rejection(sender.send({ to: '+14155550123', body: 'hi', idempotencyKey: 'k' }));
    expect((err as PermanentSendError).reason).toBe('HTTP 400: 21000 bad request with token ***');
  });
});
