import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { mapSandbox } from '../carriers/sandbox/map.js';
import { verifyStandardWebhook } from '../lib/standard-webhooks.js';
import { startSandboxCarrier } from './index.js';
import { DEFAULT_SHARES } from './journey.js';
import { type Pusher, startPusher } from './pusher.js';
import { SandboxState } from './state.js';

const SECRET = `whsec_${Buffer.alloc(32, 'sandbox-pusher-test').toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.alloc(32, 'someone-else').toString('base64')}`;

interface Received {
  headers: Record<string, string | undefined>;
  body: Buffer;
}

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A local receiver answering each delivery with the next status of `statuses` (then the last one). */
async function receiver(statuses: number[] = [200]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: flat(req.headers), body: Buffer.concat(chunks) });
      res.statusCode = statuses.length > 1 ? (statuses.shift() as number) : (statuses[0] as number);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sandbox`, received };
}

function flat(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
  );
}

function setup(retryDelaysMs: number[] = [1000, 5000]) {
  const clock = { now: new Date() };
  const state = new SandboxState({ speed: 720, shares: DEFAULT_SHARES }, () => clock.now);
  // Rounds are driven by the test (tick), not by the timer.
  const pusher: Pusher = startPusher(state, { intervalMs: 3_600_000, now: () => clock.now, retryDelaysMs });
  closers.push(() => pusher.close());
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { clock, state, pusher, advance };
}

describe('sandbox webhook pusher', () => {
  it('pushes new events, signed the Standard Webhooks way, and stops after the final event', async () => {
    const hook = await receiver();
    const { clock, state, pusher, advance } = setup();
    state.subscribe('acct', hook.url, SECRET);
    const parcels = state.createParcels('acct', 2, true);
    state.createParcels('someone-else', 1, true);

    await pusher.tick();
    expect(hook.received).toHaveLength(2);
    for (const d of hook.received) {
      expect(d.headers['content-type']).toBe('application/json');
      expect(verifyStandardWebhook(d.headers, d.body, [SECRET], clock.now)).toEqual({ ok: true });
      expect(verifyStandardWebhook(d.headers, d.body, [OTHER_SECRET], clock.now).ok).toBe(false);
      const payload = JSON.parse(d.body.toString('utf8'));
      expect(payload.type).toBe('tracking.updated');
      expect(payload.data.events.map((e: { code: string }) => e.code)).toEqual(['LC']);
      const result = mapSandbox({ body: d.body.toString(), httpStatus: null });
      expect(result.problems).toEqual([]);
      expect(result.shipments[0]?.events).toHaveLength(1);
    }
    expect(hook.received.map((d) => JSON.parse(d.body.toString()).data.trackingNumber).sort()).toEqual(
      parcels.map((p) => p.trackingNumber).sort(),
    );

    // Nothing new, nothing sent.
    await pusher.tick();
    expect(hook.received).toHaveLength(2);

    // An hour of real time is a month of sandbox time: every journey is over.
    advance(3_600_000);
    await pusher.tick();
    expect(hook.received).toHaveLength(4);
    const ids = hook.received.map((d) => d.headers['webhook-id']);
    expect(new Set(ids).size).toBe(4);
    for (const d of hook.received.slice(2)) {
      expect(verifyStandardWebhook(d.headers, d.body, [SECRET], clock.now)).toEqual({ ok: true });
      const events = mapSandbox({ body: d.body.toString() }).shipments[0]?.events ?? [];
      expect(['delivered', 'returned', 'exception']).toContain(events.at(-1)?.status);
    }
    // Final events reached: the account's parcels are no longer watched.
    expect([...state.notify.values()].filter((p) => p.account === 'acct')).toEqual([]);
    advance(3_600_000);
    await pusher.tick();
    expect(hook.received).toHaveLength(4);
  });

  it('retries a failed delivery with the same webhook-id, and gives up after its attempts', async () => {
    const flaky = await receiver([500, 200]);
    const { clock, state, pusher, advance } = setup([1000, 5000]);
    state.subscribe('acct', flaky.url, SECRET);
    state.createParcels('acct', 1, true);

    await pusher.tick();
    expect(flaky.received).toHaveLength(1);
    expect(pusher.pending()).toBe(1);
    // Not yet due.
    await pusher.tick();
    expect(flaky.received).toHaveLength(1);
    advance(1000);
    await pusher.tick();
    expect(flaky.received).toHaveLength(2);
    const [first, second] = flaky.received as [Received, Received];
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body.equals(first.body)).toBe(true);
    expect(verifyStandardWebhook(second.headers, second.body, [SECRET], clock.now)).toEqual({ ok: true });
    expect(pusher.pending()).toBe(0);

    const down = await receiver([503]);
    const other = setup([10, 10]);
    other.state.subscribe('acct', down.url, SECRET);
    other.state.createParcels('acct', 1, true);
    for (let i = 0; i < 5; i++) {
      await other.pusher.tick();
      other.advance(10);
    }
    expect(down.received).toHaveLength(3);
    expect(new Set(down.received.map((d) => d.headers['webhook-id'])).size).toBe(1);
    expect(other.pusher.pending()).toBe(0);
  });

  it('keeps its deliveries in flight: one settling starts the next, without waiting for a round', async () => {
    const hook = await receiver();
    const clock = { now: new Date() };
    const state = new SandboxState({ speed: 720, shares: DEFAULT_SHARES }, () => clock.now);
    const pusher = startPusher(state, { intervalMs: 3_600_000, now: () => clock.now, concurrency: 2 });
    closers.push(() => pusher.close());
    state.subscribe('acct', hook.url, SECRET);
    state.createParcels('acct', 10, true);

    // One round: two start at once, and each that settles starts another, until all ten went. (The receiver
    // counts a delivery before the pusher has read its answer, so both are waited for.)
    await pusher.tick();
    const deadline = Date.now() + 5000;
    while ((hook.received.length < 10 || pusher.pending() > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(hook.received).toHaveLength(10);
    expect(pusher.pending()).toBe(0);
  });

  it('runs in-process: startSandboxCarrier serves the API and pushes on its own', async () => {
    const hook = await receiver();
    const carrier = await startSandboxCarrier({ port: 0, apiKeys: ['in-process'], pushIntervalMs: 50 });
    closers.push(() => carrier.close());
    expect(carrier.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    carrier.subscribe(hook.url, SECRET);
    const [parcel] = carrier.createParcels(1, true);
    const res = await request(`${carrier.url}/v1/tracking/${parcel?.trackingNumber}`, {
      headers: { authorization: 'Bearer in-process' },
    });
    expect(res.statusCode).toBe(200);
    expect(((await res.body.json()) as { trackingNumber: string }).trackingNumber).toBe(
      parcel?.trackingNumber,
    );
    const deadline = Date.now() + 5000;
    while (hook.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const first = hook.received[0] as Received;
    expect(verifyStandardWebhook(first.headers, first.body, [SECRET], new Date())).toEqual({ ok: true });
    expect(JSON.parse(first.body.toString()).data.trackingNumber).toBe(parcel?.trackingNumber);
  });
});
