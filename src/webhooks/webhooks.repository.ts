import { sql } from 'kysely';
import type { Database } from '../db/database.js';

// The SQL of merchant webhooks: endpoints, and one delivery row per (endpoint, event) that senders claim
// with a lease, like shopper messages.

export type EndpointState = 'enabled' | 'paused' | 'disabled';

export interface EndpointRow {
  id: string;
  merchantId: string;
  url: string;
  description: string;
  secretEncrypted: Buffer;
  eventTypes: string[];
  state: EndpointState;
  stateReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClaimedDelivery {
  id: number;
  endpointId: string;
  merchantId: string;
  attempts: number;
  createdAt: Date;
  endpoint: { url: string; secretEncrypted: Buffer; state: EndpointState };
  event: {
    eventId: string;
    topic: string;
    sequence: number | null;
    createdAt: Date;
    payload: Record<string, unknown>;
  };
}

/** A sender's hold on a delivery: its id and the attempt number its claim gave it. */
export interface Claim {
  id: number;
  attempts: number;
}

export interface DeliveryWork {
  id: number;
  attempts: number;
  nextAttemptAt: Date;
}

export interface DeliveryView {
  id: number;
  endpointId: string;
  eventId: string;
  topic: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const ENDPOINT_COLUMNS = [
  'id',
  'merchant_id',
  'url',
  'description',
  'secret_encrypted',
  'event_types',
  'state',
  'state_reason',
  'created_at',
  'updated_at',
] as const;

function toEndpoint(r: {
  id: string;
  merchant_id: string;
  url: string;
  description: string;
  secret_encrypted: Buffer;
  event_types: string[];
  state: string;
  state_reason: string | null;
  created_at: Date;
  updated_at: Date;
}): EndpointRow {
  return {
    id: r.id,
    merchantId: r.merchant_id,
    url: r.url,
    description: r.description,
    secretEncrypted: r.secret_encrypted,
    eventTypes: r.event_types,
    state: r.state as EndpointState,
    stateReason: r.state_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const interval = (ms: number) => sql<Date>`now() + ${`${Math.round(ms)} milliseconds`}::interval`;

export class WebhooksRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): WebhooksRepository {
    return new WebhooksRepository(trx);
  }

  async createEndpoint(e: {
    merchantId: string;
    url: string;
    description: string;
    secretEncrypted: Buffer;
    eventTypes: string[];
  }): Promise<EndpointRow> {
    const row = await this.db
      .insertInto('webhook_endpoints')
      .values({
        merchant_id: e.merchantId,
        url: e.url,
        description: e.description,
        secret_encrypted: e.secretEncrypted,
        event_types: e.eventTypes,
      })
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirstOrThrow();
    return toEndpoint(row);
  }

  async endpoint(merchantId: string, id: string): Promise<EndpointRow | null> {
    const row = await this.db
      .selectFrom('webhook_endpoints')
      .select(ENDPOINT_COLUMNS)
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toEndpoint(row) : null;
  }

  async endpoints(merchantIds: readonly string[]): Promise<EndpointRow[]> {
    if (merchantIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('webhook_endpoints')
      .select(ENDPOINT_COLUMNS)
      .where('merchant_id', 'in', [...new Set(merchantIds)])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toEndpoint);
  }

  async updateEndpoint(
    merchantId: string,
    id: string,
    set: Partial<{ url: string; description: string; event_types: string[]; secret_encrypted: Buffer }>,
  ): Promise<EndpointRow | null> {
    const row = await this.db
      .updateTable('webhook_endpoints')
      .set({ ...set, updated_at: sql`now()` })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirst();
    return row ? toEndpoint(row) : null;
  }

  async deleteEndpoint(merchantId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('webhook_endpoints')
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async setState(id: string, state: EndpointState, reason: string | null): Promise<EndpointRow | null> {
    const row = await this.db
      .updateTable('webhook_endpoints')
      .set({ state, state_reason: reason, updated_at: sql`now()` })
      .where('id', '=', id)
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirst();
    return row ? toEndpoint(row) : null;
  }

  /** Deliveries for (endpoint, event) pairs; existing ones are left alone. Held when the endpoint is not enabled. */
  async insertDeliveries(
    rows: readonly { merchantId: string; endpointId: string; outboxId: number; held: boolean }[],
  ): Promise<DeliveryWork[]> {
    if (rows.length === 0) return [];
    const inserted = await this.db
      .insertInto('webhook_deliveries')
      .values(
        rows.map((r) => ({
          merchant_id: r.merchantId,
          endpoint_id: r.endpointId,
          outbox_id: r.outboxId,
          status: r.held ? 'held' : 'pending',
        })),
      )
      .onConflict((oc) => oc.columns(['endpoint_id', 'outbox_id']).doNothing())
      .returning(['id', 'attempts', 'next_attempt_at', 'status'])
      .execute();
    return inserted
      .filter((r) => r.status === 'pending')
      .map((r) => ({ id: Number(r.id), attempts: r.attempts, nextAttemptAt: r.next_attempt_at }));
  }

  /** Takes deliveries for sending: pending ones whose time has come, and ones whose lease ran out. */
  async claim(ids: readonly number[], leaseMs: number): Promise<ClaimedDelivery[]> {
    if (ids.length === 0) return [];
    const claimed = await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: 'sending',
        attempts: sql`attempts + 1`,
        lease_until: interval(leaseMs),
        updated_at: sql`now()`,
      })
      .where('id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', sql<Date>`now()`)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', sql<Date>`now()`)]),
        ]),
      )
      .returning(['id', 'endpoint_id', 'merchant_id', 'outbox_id', 'attempts', 'created_at'])
      .execute();
    if (claimed.length === 0) return [];
    const [endpoints, events] = await Promise.all([
      this.db
        .selectFrom('webhook_endpoints')
        .select(['id', 'url', 'secret_encrypted', 'state'])
        .where('id', 'in', [...new Set(claimed.map((c) => c.endpoint_id))])
        .execute(),
      this.db
        .selectFrom('outbox')
        .select(['id', 'event_id', 'topic', 'sequence', 'created_at', 'payload'])
        .where('id', 'in', [...new Set(claimed.map((c) => c.outbox_id))])
        .execute(),
    ]);
    const endpointById = new Map(endpoints.map((e) => [e.id, e]));
    const eventById = new Map(events.map((e) => [Number(e.id), e]));
    return claimed.flatMap((c) => {
      const e = endpointById.get(c.endpoint_id);
      const o = eventById.get(Number(c.outbox_id));
      if (!e || !o) return [];
      return [
        {
          id: Number(c.id),
          endpointId: c.endpoint_id,
          merchantId: c.merchant_id,
          attempts: c.attempts,
          createdAt: c.created_at,
          endpoint: { url: e.url, secretEncrypted: e.secret_encrypted, state: e.state as EndpointState },
          event: {
            eventId: o.event_id,
            topic: o.topic,
            sequence: o.sequence,
            createdAt: o.created_at,
            payload: o.payload as Record<string, unknown>,
          },
        },
      ];
    });
  }

  /** Pending deliveries among these that are due later than now: a job that came early asks again. */
  async dueLater(ids: readonly number[]): Promise<DeliveryWork[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'attempts', 'next_attempt_at'])
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '>', sql<Date>`now()`)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), attempts: r.attempts, nextAttemptAt: r.next_attempt_at }));
  }

  // Outcomes are written only by the sender that holds the row: its claim's attempt number must still be the
  // row's. A sender whose lease ran out (and whose row another sender took) writes nothing.

  async deliveredMany(outcomes: readonly { id: number; attempts: number; status: number }[]): Promise<void> {
    if (outcomes.length === 0) return;
    await sql`
      WITH done AS (
        UPDATE webhook_deliveries d SET status = 'delivered', last_status_code = v.code, last_error = NULL,
               delivered_at = now(), lease_until = NULL, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(
          outcomes.map((o) => ({ id: o.id, attempts: o.attempts, code: o.status })),
        )}::jsonb) AS v(id bigint, attempts integer, code integer)
        WHERE d.id = v.id AND d.status = 'sending' AND d.attempts = v.attempts
        RETURNING d.endpoint_id)
      -- One delivery got through: the endpoint is not failing.
      UPDATE webhook_endpoints SET failing_since = NULL
      WHERE id IN (SELECT endpoint_id FROM done) AND failing_since IS NOT NULL`.execute(this.db);
  }

  async retry(claim: Claim, at: Date, status: number | null, error: string): Promise<void> {
    await this.finish(claim, {
      status: 'pending',
      next_attempt_at: at,
      last_status_code: status,
      last_error: error,
    });
  }

  async failed(claim: Claim, status: number | null, error: string): Promise<void> {
    await this.finish(claim, { status: 'failed', last_status_code: status, last_error: error });
  }

  /** Back to waiting for its endpoint (paused or disabled); the attempt it did not make is not counted. */
  async hold(claim: Claim): Promise<void> {
    await this.finish(claim, { status: 'held', attempts: sql`greatest(attempts - 1, 0)` });
  }

  private async finish(claim: Claim, set: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ ...set, lease_until: null, updated_at: sql`now()` })
      .where('id', '=', claim.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', claim.attempts)
      .execute();
  }

  /** Notes a failed delivery on its endpoint; answers since when the endpoint has been failing. */
  async endpointFailing(endpointId: string): Promise<Date | null> {
    const row = await this.db
      .updateTable('webhook_endpoints')
      .set({ failing_since: sql`coalesce(failing_since, now())` })
      .where('id', '=', endpointId)
      .returning('failing_since')
      .executeTakeFirst();
    return row?.failing_since ?? null;
  }

  /**
   * Held deliveries of endpoints that are enabled again, held a while ago: a resume that raced a relay or a
   * sender holding them. Due now, with a fresh retry window.
   */
  async releaseStrandedHeld(olderThanMs: number, limit: number): Promise<DeliveryWork[]> {
    const rows = await sql<{ id: string; attempts: number; next_attempt_at: Date }>`
      UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = now(), attempts = 0,
             created_at = now(), updated_at = now()
      WHERE d.id IN (
        SELECT h.id FROM webhook_deliveries h JOIN webhook_endpoints e ON e.id = h.endpoint_id
        WHERE h.status = 'held' AND e.state = 'enabled'
          AND h.updated_at < now() - ${`${olderThanMs} milliseconds`}::interval
        LIMIT ${limit})
        AND d.status = 'held'
      RETURNING d.id, d.attempts, d.next_attempt_at`.execute(this.db);
    return rows.rows.map((r) => ({
      id: Number(r.id),
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
    }));
  }

  /** Holds every waiting delivery of an endpoint (paused or disabled). */
  async holdPending(endpointId: string): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'held', updated_at: sql`now()` })
      .where('endpoint_id', '=', endpointId)
      .where('status', '=', 'pending')
      .execute();
  }

  /** Releases an endpoint's held deliveries, due now, with a fresh retry window. */
  async releaseHeld(endpointId: string): Promise<DeliveryWork[]> {
    const rows = await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: 'pending',
        next_attempt_at: sql`now()`,
        attempts: 0,
        created_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('endpoint_id', '=', endpointId)
      .where('status', '=', 'held')
      .returning(['id', 'attempts', 'next_attempt_at'])
      .execute();
    return rows.map((r) => ({ id: Number(r.id), attempts: r.attempts, nextAttemptAt: r.next_attempt_at }));
  }

  /**
   * Sends events to an endpoint again: the matching deliveries become due now (new ones are made for events
   * older than the endpoint), whatever their state, except those being sent this moment.
   */
  async replay(
    merchantId: string,
    endpoint: EndpointRow,
    filter: { eventId?: string; from?: Date; to?: Date },
    limit: number,
  ): Promise<{ work: DeliveryWork[]; matched: number; more: boolean }> {
    let events = this.db
      .selectFrom('outbox')
      .select('id')
      .where('merchant_id', '=', merchantId)
      .orderBy('id')
      .limit(limit + 1);
    if (filter.eventId) events = events.where('event_id', '=', filter.eventId);
    if (filter.from) events = events.where('created_at', '>=', filter.from);
    if (filter.to) events = events.where('created_at', '<', filter.to);
    if (endpoint.eventTypes.length > 0) events = events.where('topic', 'in', endpoint.eventTypes);
    const found = (await events.execute()).map((r) => Number(r.id));
    const more = found.length > limit;
    const ids = found.slice(0, limit);
    if (ids.length === 0) return { work: [], matched: 0, more };
    const held = endpoint.state !== 'enabled';
    const rows = await this.db
      .insertInto('webhook_deliveries')
      .values(
        ids.map((outboxId) => ({
          merchant_id: merchantId,
          endpoint_id: endpoint.id,
          outbox_id: outboxId,
          status: held ? 'held' : 'pending',
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['endpoint_id', 'outbox_id'])
          .doUpdateSet({
            status: held ? 'held' : 'pending',
            next_attempt_at: sql`now()`,
            attempts: 0,
            created_at: sql`now()`,
            updated_at: sql`now()`,
          })
          .where('webhook_deliveries.status', '<>', 'sending'),
      )
      .returning(['id', 'attempts', 'next_attempt_at', 'status'])
      .execute();
    const work = rows
      .filter((r) => r.status === 'pending')
      .map((r) => ({ id: Number(r.id), attempts: r.attempts, nextAttemptAt: r.next_attempt_at }));
    return { work, matched: ids.length, more };
  }

  async deliveries(
    merchantId: string,
    endpointId: string,
    f: { status?: string; limit: number; beforeId?: number },
  ): Promise<DeliveryView[]> {
    let q = this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
      .select([
        'd.id',
        'd.endpoint_id',
        'o.event_id',
        'o.topic',
        'd.status',
        'd.attempts',
        'd.next_attempt_at',
        'd.last_status_code',
        'd.last_error',
        'd.created_at',
        'd.delivered_at',
      ])
      .where('d.merchant_id', '=', merchantId)
      .where('d.endpoint_id', '=', endpointId)
      .orderBy('d.id', 'desc')
      .limit(f.limit);
    if (f.status) q = q.where('d.status', '=', f.status);
    if (f.beforeId !== undefined) q = q.where('d.id', '<', f.beforeId);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: Number(r.id),
      endpointId: r.endpoint_id,
      eventId: r.event_id,
      topic: r.topic,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
    }));
  }

  async stranded(olderThanMs: number, limit: number): Promise<(DeliveryWork & { abandoned: boolean })[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'attempts', 'next_attempt_at', 'status'])
      .where('status', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<', sql<Date>`now() - ${`${olderThanMs} milliseconds`}::interval`)
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb('lease_until', '<', sql<Date>`now()`)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      abandoned: r.status === 'sending',
    }));
  }
}
