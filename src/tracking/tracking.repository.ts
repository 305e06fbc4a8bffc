import { sql } from 'kysely';
import type { CanonicalEvent, TrackedShipment } from '../carriers/model.js';
import type { Database } from '../db/database.js';
import type { DelayReason, EventDecision, ShipmentStatus, TrackingSource } from '../domain/status.js';
import { jsonForPostgres } from '../lib/json-text.js';
import type { Derived } from './derive.js';

// The SQL of normalization: raw payloads in, events and derived shipment state out.

export interface RawPayloadRow {
  id: number;
  merchantId: string | null;
  carrierCode: string;
  source: TrackingSource;
  body: Buffer;
  contentType: string | null;
  httpStatus: number | null;
  trackingNumbers: string[];
  receivedAt: Date;
  state: 'pending' | 'processed' | 'failed';
  attempts: number;
  lastError: string | null;
}

export interface ShipmentTarget {
  id: string;
  merchantId: string;
  orderId: string;
  carrierCode: string;
  trackingNumber: string;
  status: ShipmentStatus;
  delayReason: DelayReason | null;
  /** The estimate the delay is about (src/delays/delay.ts). */
  delayEdd: string | null;
  firstEdd: string | null;
  latestEdd: string | null;
  promisedDate: string | null;
}

export interface StoredEvent {
  id: number;
  dedupeKey: string;
  occurredAt: string;
  status: ShipmentStatus;
  substatus: string | null;
  rawCode: string;
  rawText: string;
  location: { city?: string | null } | null;
  decision: EventDecision;
}

/** The carrier's facts about a shipment, as given by one or more payloads (later ones winning). */
export interface ShipmentFacts {
  service: string | null;
  signedBy: string | null;
  pieces: number | null;
  origin: unknown;
  destination: unknown;
  carrierStatus: { code: string; text: string } | null;
  /** The latest estimate given, whole (a date, a window, or a window without a date). */
  edd: { date: string | null; windowStart: string | null; windowEnd: string | null } | null;
  /** The latest and the first estimated date given. */
  latestEddDate: string | null;
  firstEddDate: string | null;
}

export interface ShipmentUpdate {
  shipmentId: string;
  derived: Derived;
  facts: ShipmentFacts;
  seen: { source: TrackingSource; at: Date } | null;
  problem: string | null;
  eventsChanged: boolean;
  /** The next poll as planned from the new state (undefined: the plan shown is left as it is). */
  nextCheckAt?: Date | null;
  /** The estimate the delay (derived.delayReason) is about. */
  delayEdd: string | null;
}

/** Facts of several payloads about one shipment, merged in payload order: later ones win, sparse ones keep. */
export function mergeFacts(list: readonly (TrackedShipment | null)[]): ShipmentFacts {
  const facts: ShipmentFacts = {
    service: null,
    signedBy: null,
    pieces: null,
    origin: null,
    destination: null,
    carrierStatus: null,
    edd: null,
    latestEddDate: null,
    firstEddDate: null,
  };
  for (const t of list) {
    if (!t) continue;
    facts.service = t.service || facts.service;
    facts.signedBy = t.signedBy || facts.signedBy;
    facts.pieces = t.pieces || facts.pieces;
    facts.origin = t.origin ?? facts.origin;
    facts.destination = t.destination ?? facts.destination;
    facts.carrierStatus = t.carrierStatus ?? facts.carrierStatus;
    if (t.edd) {
      facts.edd = t.edd;
      if (t.edd.date) {
        facts.latestEddDate = t.edd.date;
        facts.firstEddDate ??= t.edd.date;
      }
    }
  }
  return facts;
}

export interface KeyedEvent {
  key: string;
  event: CanonicalEvent;
  /** null for wismo's own verdicts (marks.ts), which no payload carries. */
  rawPayloadId: number | null;
}

const payloadColumns = [
  'id',
  'merchant_id as merchantId',
  'carrier_code as carrierCode',
  'source',
  'body',
  'content_type as contentType',
  'http_status as httpStatus',
  'tracking_numbers as trackingNumbers',
  'received_at as receivedAt',
  'state',
  'attempts',
  'last_error as lastError',
] as const;

const shipmentColumns = [
  'id',
  'merchant_id as merchantId',
  'order_id as orderId',
  'carrier_code as carrierCode',
  'tracking_number as trackingNumber',
  'status',
  'delay_reason as delayReason',
  'delay_edd as delayEdd',
  'first_edd as firstEdd',
  'latest_edd as latestEdd',
  'promised_date as promisedDate',
] as const;

export class TrackingRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): TrackingRepository {
    return new TrackingRepository(trx);
  }

  /**
   * Takes pending payloads for processing and counts the attempt, so a payload that keeps failing (or keeps
   * killing its worker) is given up after a bounded number of tries; those not pending any more are left
   * out. One statement, answered in id order. The count is committed without waiting for the WAL flush (a Postgres crash could forget the latest attempt, which only means one more try):
   * the flush would be the longest wait of a small job.
   */
  async claimPayloads(ids: readonly number[]): Promise<RawPayloadRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL synchronous_commit = off`.execute(trx);
      return trx
        .updateTable('raw_payloads')
        .set({ attempts: sql<number>`attempts + 1` })
        .where('id', 'in', ids)
        .where('state', '=', 'pending')
        .returning(payloadColumns)
        .execute();
    });
    return (rows as RawPayloadRow[]).sort((a, b) => a.id - b.id);
  }

  /** The attempts already spent on those of these payloads still pending. */
  async pendingAttempts(ids: readonly number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('raw_payloads')
      .select(['id', 'attempts'])
      .where('id', 'in', ids)
      .where('state', '=', 'pending')
      .execute();
    return new Map(rows.map((r) => [Number(r.id), r.attempts]));
  }

  /** Why the last attempt failed, kept while the payload waits for its next attempt. */
  async recordAttemptError(id: number, error: string): Promise<void> {
    await this.db
      .updateTable('raw_payloads')
      .set({ last_error: error.replaceAll('\u0000', '') })
      .where('id', '=', id)
      .execute();
  }

  async finishPayload(
    id: number,
    state: 'processed' | 'failed',
    numbers: string[],
    result: unknown,
    error: string | null,
  ) {
    await this.db
      .updateTable('raw_payloads')
      .set({
        state,
        tracking_numbers: numbers,
        result: jsonForPostgres(result),
        last_error: error?.replaceAll('\u0000', '') ?? null,
        // The moment the work was done, not the start of its transaction: received_at → processed_at is the
        // delay a shopper's status waits for.
        processed_at: sql<Date>`clock_timestamp()`,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Shipments a payload may speak about: this merchant's (or any, for a payload of no merchant), by number. */
  async shipmentsByNumbers(merchantId: string | null, numbers: readonly string[]): Promise<ShipmentTarget[]> {
    if (numbers.length === 0) return [];
    let q = this.db.selectFrom('shipments').select(shipmentColumns).where('tracking_number', 'in', numbers);
    if (merchantId) q = q.where('merchant_id', '=', merchantId);
    return (await q.orderBy('created_at').orderBy('id').execute()) as ShipmentTarget[];
  }

  /**
   * Locks these shipments in id order for the rest of the transaction (after their orders). FOR NO KEY
   * UPDATE, as every shipment lock: writers exclude each other, inserts that only reference the shipment do not.
   */
  async lockShipments(ids: readonly string[]): Promise<ShipmentTarget[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('shipments')
      .select(shipmentColumns)
      .where('id', 'in', [...new Set(ids)].sort())
      .orderBy('id')
      .forNoKeyUpdate()
      .execute();
    return rows as ShipmentTarget[];
  }

  /**
   * Appends the events of several shipments in one statement; one already stored under its key (or twice
   * in the list) is left as it is. Answers the rows that were new.
   */
  async appendEventsMany(
    items: readonly { shipment: ShipmentTarget; events: readonly KeyedEvent[] }[],
  ): Promise<{ shipmentId: string; dedupeKey: string; rawPayloadId: number | null }[]> {
    const rows = items.flatMap(({ shipment, events }) => events.map((k) => this.eventRow(shipment, k)));
    if (rows.length === 0) return [];
    return this.db
      .insertInto('tracking_events')
      .values(rows)
      .onConflict((oc) => oc.columns(['shipment_id', 'dedupe_key']).doNothing())
      .returning(['shipment_id as shipmentId', 'dedupe_key as dedupeKey', 'raw_payload_id as rawPayloadId'])
      .execute();
  }
  /** Shipments by id, unlocked (to find the orders to lock first). */
  async shipmentsByIds(ids: readonly string[]): Promise<ShipmentTarget[]> {
    if (ids.length === 0) return [];
    return (await this.db
      .selectFrom('shipments')
      .select(shipmentColumns)
      .where('id', 'in', [...new Set(ids)])
      .execute()) as ShipmentTarget[];
  }

  async lockShipment(id: string): Promise<ShipmentTarget | null> {
    const row = await this.db
      .selectFrom('shipments')
      .select(shipmentColumns)
      .where('id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    return (row as ShipmentTarget | undefined) ?? null;
  }

  /**
   * Makes the stored events exactly these (renormalization): new ones inserted, known ones rewritten with
   * the current mapping (ids and recorded_at kept), ones no mapping produces any more removed.
   */
  async replaceEvents(
    shipment: ShipmentTarget,
    events: readonly KeyedEvent[],
  ): Promise<{ upserted: number; removed: number }> {
    let upserted = 0;
    if (events.length > 0) {
      const rows = await this.db
        .insertInto('tracking_events')
        .values(events.map((k) => this.eventRow(shipment, k)))
        .onConflict((oc) =>
          oc.columns(['shipment_id', 'dedupe_key']).doUpdateSet((eb) => ({
            occurred_at_local: eb.ref('excluded.occurred_at_local'),
            utc_offset_minutes: eb.ref('excluded.utc_offset_minutes'),
            offset_source: eb.ref('excluded.offset_source'),
            status: eb.ref('excluded.status'),
            substatus: eb.ref('excluded.substatus'),
            raw_text: eb.ref('excluded.raw_text'),
            location: eb.ref('excluded.location'),
            mapped: eb.ref('excluded.mapped'),
          })),
        )
        .returning('id')
        .execute();
      upserted = rows.length;
    }
    const keys = events.map((k) => k.key);
    // Events of no payload (wismo's own verdicts, or payloads since deleted) cannot be mapped again: kept.
    let del = this.db
      .deleteFrom('tracking_events')
      .where('shipment_id', '=', shipment.id)
      .where('raw_payload_id', 'is not', null);
    if (keys.length > 0) del = del.where('dedupe_key', 'not in', keys);
    const removed = await del.executeTakeFirst();
    return { upserted, removed: Number(removed.numDeletedRows) };
  }

  private eventRow(shipment: ShipmentTarget, { key, event: e, rawPayloadId }: KeyedEvent) {
    return {
      merchant_id: shipment.merchantId,
      shipment_id: shipment.id,
      raw_payload_id: rawPayloadId,
      dedupe_key: key,
      occurred_at: new Date(e.occurredAt),
      occurred_at_local: e.occurredAtLocal,
      utc_offset_minutes: e.utcOffsetMinutes,
      offset_source: e.offsetSource,
      status: e.status,
      substatus: e.substatus,
      raw_code: e.rawCode,
      raw_text: e.rawText,
      location: e.location ? JSON.stringify(e.location) : null,
      mapped: e.mapped,
      // Provisional: the derivation that follows in the same transaction decides.
      decision: 'applied' as const,
    };
  }

  async events(shipmentId: string): Promise<StoredEvent[]> {
    return (await this.eventsOf([shipmentId])).get(shipmentId) ?? [];
  }

  /** The stored events of several shipments, by shipment id, in one query. */
  async eventsOf(shipmentIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const byShipment = new Map<string, StoredEvent[]>(shipmentIds.map((id) => [id, []]));
    if (shipmentIds.length === 0) return byShipment;
    const rows = await this.db
      .selectFrom('tracking_events')
      .select([
        'shipment_id as shipmentId',
        'id',
        'dedupe_key as dedupeKey',
        'occurred_at as occurredAt',
        'status',
        'substatus',
        'raw_code as rawCode',
        'raw_text as rawText',
        'location',
        'decision',
      ])
      .where('shipment_id', 'in', shipmentIds)
      .execute();
    for (const { shipmentId, ...r } of rows) {
      byShipment.get(shipmentId)?.push({ ...r, occurredAt: r.occurredAt.toISOString() } as StoredEvent);
    }
    return byShipment;
  }

  /** Writes the decisions that changed, of any number of shipments, in one statement. */
  async setDecisionsMany(
    changes: readonly { id: number; shipmentId: string; decision: EventDecision }[],
  ): Promise<void> {
    if (changes.length === 0) return;
    await sql`
      UPDATE tracking_events e SET decision = c.decision
      FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS c(id bigint, "shipmentId" uuid, decision text)
      WHERE e.id = c.id AND e.shipment_id = c."shipmentId"`.execute(this.db);
  }

  /** Marks payloads processed, each with the numbers it spoke about and what normalizing it did. */
  async finishPayloadsProcessed(
    done: readonly { id: number; numbers: readonly string[]; result: unknown }[],
  ): Promise<void> {
    if (done.length === 0) return;
    await sql`
      UPDATE raw_payloads p SET state = 'processed', tracking_numbers = d.numbers, result = d.result,
        last_error = NULL, processed_at = clock_timestamp()
      FROM jsonb_to_recordset(${jsonForPostgres(done)}::jsonb) AS d(id bigint, numbers text[], result jsonb)
      WHERE p.id = d.id`.execute(this.db);
  }

  /**
   * The derived state and the carrier's facts of several shipments, in one statement. Facts a payload did
   * not give are kept as they were (a sparse webhook does not erase what a full poll said); the first
   * estimate is kept forever; updated_at moves only when something a reader sees changed.
   */
  async updateShipments(updates: readonly ShipmentUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const rows = updates.map((u) => {
      const f = u.facts;
      return {
        id: u.shipmentId,
        status: u.derived.status,
        substatus: u.derived.substatus,
        delayed: u.derived.delayReason !== null,
        delay_reason: u.derived.delayReason,
        delay_edd: u.delayEdd,
        shipped_at: u.derived.shippedAt,
        delivered_at: u.derived.deliveredAt,
        last_event_at: u.derived.lastEventAt,
        service: f.service,
        signed_by: f.signedBy,
        pieces: f.pieces,
        origin: f.origin,
        destination: f.destination,
        has_carrier_status: f.carrierStatus !== null,
        carrier_status_code: f.carrierStatus?.code ?? null,
        carrier_status_text: f.carrierStatus?.text ?? null,
        has_edd: f.edd !== null,
        edd_date: f.edd?.date ?? null,
        edd_window_start: f.edd?.windowStart ?? null,
        edd_window_end: f.edd?.windowEnd ?? null,
        latest_edd: f.latestEddDate,
        first_edd: f.firstEddDate,
        source: u.seen?.source ?? null,
        seen_at: u.seen?.at.toISOString() ?? null,
        last_error: u.problem,
        events_changed: u.eventsChanged,
        plans_check: u.nextCheckAt !== undefined,
        next_check_at: u.nextCheckAt?.toISOString() ?? null,
      };
    });
    await sql`
      UPDATE shipments s SET
        status = v.status, substatus = v.substatus, delayed = v.delayed, delay_reason = v.delay_reason,
        delay_edd = v.delay_edd,
        shipped_at = v.shipped_at, delivered_at = v.delivered_at, last_event_at = v.last_event_at,
        service = coalesce(v.service, s.service),
        signed_by = coalesce(v.signed_by, s.signed_by),
        pieces = coalesce(v.pieces, s.pieces),
        origin = coalesce(v.origin, s.origin),
        destination = coalesce(v.destination, s.destination),
        carrier_status_code = CASE WHEN v.has_carrier_status THEN v.carrier_status_code ELSE s.carrier_status_code END,
        carrier_status_text = CASE WHEN v.has_carrier_status THEN v.carrier_status_text ELSE s.carrier_status_text END,
        carrier_edd = CASE WHEN v.has_edd THEN v.edd_date ELSE s.carrier_edd END,
        carrier_edd_window_start = CASE WHEN v.has_edd THEN v.edd_window_start ELSE s.carrier_edd_window_start END,
        carrier_edd_window_end = CASE WHEN v.has_edd THEN v.edd_window_end ELSE s.carrier_edd_window_end END,
        latest_edd = coalesce(v.latest_edd, s.latest_edd),
        first_edd = coalesce(s.first_edd, v.first_edd),
        last_source = coalesce(v.source, s.last_source),
        last_checked_at = CASE WHEN v.seen_at IS NULL THEN s.last_checked_at
                               ELSE greatest(s.last_checked_at, v.seen_at) END,
        last_error = v.last_error,
        next_check_at = CASE WHEN v.plans_check THEN v.next_check_at ELSE s.next_check_at END,
        updated_at = CASE
          WHEN v.events_changed OR (s.status, s.substatus, s.delay_reason, s.last_event_at, s.carrier_edd)
            IS DISTINCT FROM (v.status, v.substatus, v.delay_reason, v.last_event_at,
                              CASE WHEN v.has_edd THEN coalesce(v.edd_date, s.carrier_edd) ELSE s.carrier_edd END)
          THEN now() ELSE s.updated_at END
      FROM jsonb_to_recordset(${jsonForPostgres(rows)}::jsonb) AS v(
        id uuid, status text, substatus text, delayed boolean, delay_reason text, delay_edd date,
        shipped_at timestamptz, delivered_at timestamptz, last_event_at timestamptz,
        service text, signed_by text, pieces integer, origin jsonb, destination jsonb,
        has_carrier_status boolean, carrier_status_code text, carrier_status_text text,
        has_edd boolean, edd_date date, edd_window_start timestamptz, edd_window_end timestamptz,
        latest_edd date, first_edd date, source text, seen_at timestamptz, last_error text,
        events_changed boolean, plans_check boolean, next_check_at timestamptz)
      WHERE s.id = v.id`.execute(this.db);
  }

  /** Raw payloads that spoke about this number for this merchant, oldest first (renormalization). */
  async payloadsForShipment(shipment: ShipmentTarget): Promise<RawPayloadRow[]> {
    const rows = await this.db
      .selectFrom('raw_payloads')
      .select(payloadColumns)
      .where(sql<boolean>`tracking_numbers @> ARRAY[${shipment.trackingNumber}]::text[]`)
      .where((eb) => eb.or([eb('merchant_id', '=', shipment.merchantId), eb('merchant_id', 'is', null)]))
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    return rows as RawPayloadRow[];
  }

  /** Shipments whose history renormalization should rebuild, in pages by id. */
  async shipmentsToRenormalize(f: {
    carrier?: string;
    since?: Date;
    afterId?: string;
    limit: number;
  }): Promise<ShipmentTarget[]> {
    let q = this.db.selectFrom('shipments as s').select(shipmentColumns.map((c) => `s.${c}` as const));
    if (f.carrier) q = q.where('s.carrier_code', '=', f.carrier);
    if (f.since) {
      const since = f.since;
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('raw_payloads as p')
            .select(sql`1`.as('one'))
            .where(sql<boolean>`p.tracking_numbers @> ARRAY[s.tracking_number]::text[]`)
            .where('p.received_at', '>=', since),
        ),
      );
    }
    if (f.afterId) q = q.where('s.id', '>', f.afterId);
    return (await q.orderBy('s.id').limit(f.limit).execute()) as ShipmentTarget[];
  }

  async setLastError(
    shipmentId: string,
    error: string,
    seen: { source: TrackingSource; at: Date },
  ): Promise<void> {
    await this.db
      .updateTable('shipments')
      .set({
        last_error: error,
        last_source: seen.source,
        last_checked_at: sql<Date>`greatest(last_checked_at, ${seen.at})`,
      })
      .where('id', '=', shipmentId)
      .execute();
  }
}
