import { sql } from 'kysely';
import type { Database } from '../src/db/database.js';
import { countDistinct, type Sink } from './sinks.js';

// What the end-to-end benchmark (pipeline.ts) measures once the flow has settled: the flow's figures, read
// from wismo's tables and counted at the sinks, and agent search timed over HTTP.

export interface SearchableOrder {
  orderNumber: string;
  email: string;
  trackingNumber: string;
  name: string;
}

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 10) / 10;
}

/** Agent search, one query at a time over HTTP, by what agents type; next to a bare route the same way. */
export async function searchFigures(
  orders: readonly SearchableOrder[],
  queries: number,
  /** One GET with the key's bearer; answers its status. */
  get: (path: string, key: string) => Promise<number>,
  keys: { agent: string; read: string },
) {
  const pick = () => orders[Math.floor(Math.random() * orders.length)] as SearchableOrder;
  const kinds: Record<string, () => string> = {
    'order number': () => pick().orderNumber,
    email: () => pick().email,
    'tracking number': () => pick().trackingNumber,
    name: () => pick().name,
  };
  const timed = async (path: string, key: string) => {
    const started = performance.now();
    const status = await get(path, key);
    if (status !== 200) throw new Error(`${path}: ${status}`);
    return performance.now() - started;
  };
  const times: number[] = [];
  const bareTimes: number[] = [];
  const byKind: Record<string, { p50Ms: number; p99Ms: number }> = {};
  for (const [kind, query] of Object.entries(kinds)) {
    const own: number[] = [];
    for (let i = 0; i < queries / 4; i++) {
      own.push(await timed(`/v1/search?q=${encodeURIComponent(query())}`, keys.agent));
      bareTimes.push(await timed('/bench/bare', keys.read));
    }
    byKind[kind] = { p50Ms: percentile(own, 0.5), p99Ms: percentile(own, 0.99) };
    times.push(...own);
  }
  return {
    queries: times.length,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    bareP50Ms: percentile(bareTimes, 0.5),
    bareP99Ms: percentile(bareTimes, 0.99),
    byKind,
  };
}

/** What the flow did, from wismo's tables (events, payloads) and the sinks (messages). */
export async function flowFigures(db: Database, smtp: Sink, hooks: Sink) {
  const eventStats = (
    await sql<{ n: string; span: number }>`
      SELECT count(*) AS n, extract(epoch FROM max(recorded_at) - min(recorded_at)) AS span
      FROM tracking_events`.execute(db)
  ).rows[0];
  const peak = (
    await sql<{ n: string }>`
      SELECT coalesce(max(c), 0) AS n FROM (
        SELECT count(*) AS c FROM tracking_events GROUP BY floor(extract(epoch FROM recorded_at) / 10)
      ) w`.execute(db)
  ).rows[0];
  const payloads = (
    await sql<{ source: string; n: string; failed: string }>`
      SELECT source, count(*) AS n, count(*) FILTER (WHERE state <> 'processed') AS failed
      FROM raw_payloads GROUP BY source`.execute(db)
  ).rows;
  const statuses = (
    await sql<{ status: string; n: string }>`
      SELECT status, count(*) AS n FROM shipments GROUP BY status ORDER BY count(*) DESC`.execute(db)
  ).rows;
  const messages = (
    await sql<{ status: string; n: string }>`
      SELECT status, count(*) AS n FROM notifications GROUP BY status`.execute(db)
  ).rows;

  // Event → email: from the moment wismo held the carrier's news (the push or poll answer stored) to the
  // SMTP server accepting the message, for each email about a parcel's status (the first applied event of
  // that status). The sink's times go into a scratch table to be joined with wismo's rows.
  const first = new Map<string, number>();
  for (const a of smtp.arrivals) {
    const id = a.id.split('@')[0] as string;
    if (!first.has(id)) first.set(id, a.at);
  }
  const rows = [...first].filter(([id]) => /^[0-9a-f-]{36}$/.test(id));
  const latencies: number[] = [];
  await db.connection().execute(async (c) => {
    await sql`CREATE TEMP TABLE bench_arrivals (id uuid PRIMARY KEY, at timestamptz(3))`.execute(c);
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await sql`
        INSERT INTO bench_arrivals (id, at)
        SELECT * FROM unnest(${part.map((r) => r[0])}::uuid[], ${part.map((r) => new Date(r[1]).toISOString())}::timestamptz[])`.execute(
        c,
      );
    }
    const measured = await sql<{ ms: number }>`
      SELECT extract(epoch FROM a.at - heard.at) * 1000 AS ms
      FROM bench_arrivals a
      JOIN notifications n ON n.id = a.id AND n.channel = 'email' AND n.shipment_id IS NOT NULL
      CROSS JOIN LATERAL (
        SELECT min(rp.received_at) AS at
        FROM tracking_events te JOIN raw_payloads rp ON rp.id = te.raw_payload_id
        WHERE te.shipment_id = n.shipment_id AND te.decision = 'applied' AND te.status = n.milestone
      ) heard
      WHERE heard.at IS NOT NULL`.execute(c);
    for (const m of measured.rows) latencies.push(Number(m.ms));
  });

  // Deadlocks Postgres broke during the flow (each costs a retry of a job): a fresh database counts from 0.
  const deadlocks = Number(
    (
      await sql<{
        n: string;
      }>`SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`.execute(db)
    ).rows[0]?.n ?? 0,
  );
  const emails = countDistinct(smtp.arrivals);
  const perSubject = new Map<string, number>();
  for (const a of smtp.arrivals) perSubject.set(a.what, (perSubject.get(a.what) ?? 0) + 1);
  const webhooks = countDistinct(hooks.arrivals);
  const span = Number(eventStats?.span ?? 0);
  const events = Number(eventStats?.n ?? 0);
  const sinkSpan = (arrivals: readonly { at: number }[]) =>
    arrivals.length > 1 ? ((arrivals.at(-1)?.at ?? 0) - (arrivals[0]?.at ?? 0)) / 1000 : 0;
  return {
    events,
    eventSeconds: Math.round(span),
    eventsPerSecond: span > 0 ? events / span : 0,
    peakEventsPerSecond: Math.round(Number(peak?.n ?? 0) / 10),
    deadlocks,
    payloads: Object.fromEntries(
      payloads.map((p) => [p.source, { stored: Number(p.n), failed: Number(p.failed) }]),
    ),
    statuses: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
    notifications: Object.fromEntries(messages.map((m) => [m.status, Number(m.n)])),
    emails: {
      ...emails,
      sameRecipientAndSubjectTwice: [...perSubject.values()].filter((n) => n > 1).length,
      perSecond: emails.distinct / Math.max(1, sinkSpan(smtp.arrivals)),
    },
    webhooks: { ...webhooks, perSecond: webhooks.distinct / Math.max(1, sinkSpan(hooks.arrivals)) },
    emailLatency: {
      measured: latencies.length,
      p50Ms: Math.round(percentile(latencies, 0.5)),
      p99Ms: Math.round(percentile(latencies, 0.99)),
    },
  };
}
