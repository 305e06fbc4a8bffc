import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Deps } from '../../src/deps.js';
import { IntakeRepository, keyOf } from '../../src/intake/intake.repository.js';

// Helpers of the notification tests: carrier news as EasyPost would push it (stored and normalized as the
// intake does), and a merchant's webhook receiver that checks signatures with the official library.

let eventCounter = 0;

export interface Scan {
  status: 'pre_transit' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'failure' | 'return_to_sender';
  at: string;
  city?: string;
  statusDetail?: string;
}

/** One EasyPost tracker update about a number, stored as a raw payload and normalized at once. */
export async function carrierNews(
  deps: Deps,
  merchantId: string,
  connectionId: string,
  trackingNumber: string,
  scans: Scan[],
  opts: { edd?: string } = {},
): Promise<number> {
  eventCounter += 1;
  const last = scans[scans.length - 1];
  const body = JSON.stringify({
    object: 'Event',
    id: `evt_${process.pid}_${Date.now()}_${eventCounter}`,
    description: 'tracker.updated',
    result: {
      object: 'Tracker',
      tracking_code: trackingNumber,
      carrier: 'UPS',
      status: last?.status,
      est_delivery_date: opts.edd ? `${opts.edd}T00:00:00Z` : null,
      tracking_details: scans.map((s) => ({
        status: s.status,
        status_detail: s.statusDetail ?? null,
        message: `${s.status} scan`,
        datetime: s.at,
        tracking_location: { city: s.city ?? 'Poznań', country: 'PL' },
      })),
    },
  });
  const stored = {
    merchantId,
    connectionId,
    carrier: 'easypost',
    body: Buffer.from(body),
    contentType: 'application/json',
    headers: {},
    dedupeKey: `test:${process.pid}:${Date.now()}:${eventCounter}`,
    verifiedBy: 'signature' as const,
    normalizeJob: `test-${eventCounter}`,
  };
  const id = (await new IntakeRepository(deps.db).insertMany([stored])).get(keyOf(stored)) ?? 0;
  await deps.services.normalize.normalizePayload(id);
  return id;
}

export interface Received {
  id: string;
  timestamp: string;
  body: { id: string; type: string; sequence: number; createdAt: string; data: Record<string, unknown> };
}

export interface Receiver {
  url: string;
  /** The endpoint's whsec_ secret, set by the test once wismo issued it. */
  secret: string;
  /** Deliveries that passed the signature check (answered 2xx). */
  received: Received[];
  requests: number;
  /** Status codes for the next requests, in order; then 200. */
  answers: number[];
  close(): Promise<void>;
}

/** A merchant endpoint: verifies every delivery with the `standardwebhooks` package and records the good ones. */
export async function startReceiver(): Promise<Receiver> {
  const state: Receiver = {
    url: '',
    secret: '',
    received: [],
    requests: 0,
    answers: [],
    close: async () => {},
  };
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => resolve(data));
    });
  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    state.requests += 1;
    const status = state.answers.shift() ?? 200;
    if (status >= 200 && status < 300) {
      try {
        new Webhook(state.secret).verify(raw, req.headers as Record<string, string>);
      } catch {
        res.writeHead(401).end('bad signature');
        return;
      }
      state.received.push({
        id: String(req.headers['webhook-id']),
        timestamp: String(req.headers['webhook-timestamp']),
        body: JSON.parse(raw),
      });
    }
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? `no (${status})` : 'ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
