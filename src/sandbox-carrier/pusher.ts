import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import { standardSignature } from '../lib/standard-webhooks.js';
import { realInstant } from './clock.js';
import { trackingAt } from './document.js';
import type { SandboxState } from './state.js';

// Pushes `{ "type": "tracking.updated", "data": <document> }` to the account's subscriptions whenever a
// watched parcel has new visible events, signed the Standard Webhooks way. Everything is in memory: a
// restart forgets the watched parcels and the deliveries still being retried (polling still sees them).

export interface PusherOptions {
  intervalMs: number;
  now?: () => Date;
  /** Waits before the 2nd, 3rd… attempt of a failed delivery; its length + 1 is the number of attempts. */
  retryDelaysMs?: readonly number[];
  /** Connect, headers and body timeouts of one attempt. */
  timeoutMs?: number;
  /** Deliveries in flight at once; one settling starts the next that is due. */
  concurrency?: number;
  logger?: Pick<Logger, 'debug' | 'info' | 'warn'>;
}

export interface Pusher {
  /** One round: find new events, send what is due. Resolves when the sends it started have settled. */
  tick(): Promise<void>;
  /** Deliveries waiting for their first attempt or a retry. */
  pending(): number;
  close(): Promise<void>;
}

interface Delivery {
  /** The webhook-id: one per delivery, the same on every retry, so the receiver can drop repeats. */
  id: string;
  url: string;
  secret: string;
  body: Buffer;
  attempts: number;
  nextAt: number;
  inFlight: boolean;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
// A receiver that is down for long must not make the process grow without bound; the oldest go first.
const MAX_PENDING = 20_000;

export function startPusher(state: SandboxState, options: PusherOptions): Pusher {
  const now = options.now ?? (() => new Date());
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = options.concurrency ?? 32;
  const log = options.logger;
  const agent = new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const queue: Delivery[] = [];
  let inFlight = 0;
  let closed = false;
  const running = new Set<Promise<void>>();

  function collect(at: Date): void {
    const nowMs = at.getTime();
    for (const parcel of state.notify.values()) {
      if (parcel.nextDueMs > nowMs) continue;
      const answer = trackingAt(parcel.trackingNumber, at, state.options, parcel.journey);
      const total = parcel.journey.events.length;
      if (!answer.found) continue;
      if (answer.visibleEvents > parcel.pushedEvents) {
        const body = Buffer.from(JSON.stringify({ type: 'tracking.updated', data: answer.document }));
        for (const s of state.subscriptionsOf(parcel.account)) {
          queue.push({
            id: `msg_${randomBytes(12).toString('hex')}`,
            url: s.url,
            secret: s.secret,
            body,
            attempts: 0,
            nextAt: nowMs,
            inFlight: false,
          });
        }
        parcel.pushedEvents = answer.visibleEvents;
      }
      if (parcel.pushedEvents >= total) {
        state.notify.delete(parcel.trackingNumber);
      } else {
        const next = parcel.journey.events[parcel.pushedEvents];
        parcel.nextDueMs = next
          ? realInstant(parcel.journey.labelTime, next.offsetMinutes, state.options.speed)
          : nowMs;
      }
    }
    if (queue.length > MAX_PENDING) {
      const dropped = queue.splice(0, queue.length - MAX_PENDING);
      log?.warn(
        { dropped: dropped.length },
        'sandbox carrier: too many webhook deliveries pending; oldest dropped',
      );
    }
  }

  async function attempt(d: Delivery): Promise<void> {
    d.attempts++;
    let failure: string | null = null;
    try {
      const timestamp = Math.floor(now().getTime() / 1000);
      const res = await request(d.url, {
        method: 'POST',
        dispatcher: agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'webhook-id': d.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': standardSignature(d.secret, d.id, timestamp, d.body),
          'user-agent': 'wismo-sandbox-carrier',
        },
        body: d.body,
      });
      // Read to the end so the connection goes back to the pool.
      await res.body.dump();
      if (res.statusCode < 200 || res.statusCode >= 300) failure = `HTTP ${res.statusCode}`;
    } catch (err) {
      failure = (err as { code?: string }).code ?? (err as Error).message;
    }
    d.inFlight = false;
    const index = queue.indexOf(d);
    if (failure === null) {
      if (index >= 0) queue.splice(index, 1);
      log?.debug({ webhookId: d.id, url: d.url, attempts: d.attempts }, 'sandbox webhook delivered');
      return;
    }
    const delay = retryDelays[d.attempts - 1];
    if (delay === undefined || closed) {
      if (index >= 0) queue.splice(index, 1);
      log?.warn({ webhookId: d.id, url: d.url, attempts: d.attempts, failure }, 'sandbox webhook given up');
      return;
    }
    d.nextAt = now().getTime() + delay;
    log?.debug(
      { webhookId: d.id, url: d.url, attempts: d.attempts, failure },
      'sandbox webhook will be retried',
    );
  }

  function send(at: Date): Promise<void>[] {
    const started: Promise<void>[] = [];
    for (const d of queue) {
      if (inFlight >= concurrency) break;
      if (d.inFlight || d.nextAt > at.getTime()) continue;
      d.inFlight = true;
      inFlight++;
      const p = attempt(d).finally(() => {
        inFlight--;
        running.delete(p);
        // The next due delivery starts as soon as one settles: a receiver is fed as fast as it answers,
        // not `concurrency` deliveries a round.
        if (!closed) send(now());
      });
      running.add(p);
      started.push(p);
    }
    return started;
  }

  async function tick(): Promise<void> {
    if (closed) return;
    const at = now();
    collect(at);
    await Promise.all(send(at));
  }

  let timer: NodeJS.Timeout | null = null;
  const loop = () => {
    tick().catch((err) => log?.warn({ err }, 'sandbox carrier: push round failed'));
    if (!closed) {
      timer = setTimeout(loop, options.intervalMs);
      // In-process (wismo's npm start) the pusher must not keep the process alive on its own.
      timer.unref();
    }
  };
  timer = setTimeout(loop, options.intervalMs);
  timer.unref();

  return {
    tick,
    pending: () => queue.length,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...running]);
      await agent.close();
    },
  };
}
