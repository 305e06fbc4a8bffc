import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// Where a benchmark's messages end up: a real SMTP server and a merchant's webhook endpoint, both in the
// benchmark's process, noting when each message arrived under its identity (Message-ID, webhook-id), so
// exactly-once and latency are counted at the sinks, not in wismo's tables.

export interface Arrival {
  id: string;
  at: number;
  /** The recipient and subject (email) or the event type and status (webhook). */
  what: string;
}

export interface Sink {
  url: string;
  /** Every arrival, repeats included, in order. */
  arrivals: Arrival[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<Sink> {
  const arrivals: Arrival[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (c: Buffer) => {
        if (head.length < 8192) head += c.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*<([^>]+)>/im.exec(head)?.[1] ?? `unknown-${arrivals.length}`;
        const subject = /^Subject:\s*(.*)$/im.exec(head)?.[1] ?? '';
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        arrivals.push({ id, at: Date.now(), what: `${to} ${subject}` });
        callback(null, 'OK');
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    arrivals,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

/** A merchant's endpoint that answers 204 to everything (signatures are checked by the tests, not here). */
export async function startWebhookSink(): Promise<Sink> {
  const arrivals: Arrival[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let what = '';
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        what = `${body.type} ${body.data?.status ?? ''}`;
      } catch {
        what = 'unreadable';
      }
      arrivals.push({ id: String(req.headers['webhook-id'] ?? ''), at: Date.now(), what });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Arrivals by identity: how many distinct, and how many came again under an identity already seen. */
export function countDistinct(arrivals: readonly Arrival[]): { distinct: number; repeats: number } {
  const ids = new Set(arrivals.map((a) => a.id));
  return { distinct: ids.size, repeats: arrivals.length - ids.size };
}
