import type { OrderStatus } from '../domain/status.js';
import type { ShipmentRow, TrackingEventRow } from './shipments.repository.js';
import type { ShipmentSummaryView, ShipmentView, TrackingEventView } from './shipments.schemas.js';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function toEventView(e: TrackingEventRow): TrackingEventView {
  return {
    id: e.id,
    occurredAt: e.occurred_at.toISOString(),
    occurredAtLocal: e.occurred_at_local,
    offsetSource: e.offset_source,
    status: e.status,
    substatus: e.substatus,
    rawCode: e.raw_code,
    rawText: e.raw_text,
    location: e.location
      ? {
          city: e.location.city ?? null,
          region: e.location.region ?? null,
          postalCode: e.location.postalCode ?? null,
          countryCode: e.location.countryCode ?? null,
        }
      : null,
    decision: e.decision,
    recordedAt: e.recorded_at.toISOString(),
  };
}

export function toShipmentSummary(s: ShipmentRow): ShipmentSummaryView {
  const hasCarrierEdd =
    s.carrier_edd !== null || s.carrier_edd_window_start !== null || s.carrier_edd_window_end !== null;
  return {
    id: s.id,
    orderId: s.order_id,
    carrier: s.carrier_code,
    trackingNumber: s.tracking_number,
    status: s.status,
    substatus: s.substatus,
    delayed: s.delayed,
    delayReason: s.delay_reason,
    items: s.items,
    edd: {
      carrier: hasCarrierEdd
        ? {
            date: s.carrier_edd,
            windowStart: iso(s.carrier_edd_window_start),
            windowEnd: iso(s.carrier_edd_window_end),
          }
        : null,
      promised: s.promised_date,
      predicted: s.predicted_edd,
      first: s.first_edd,
      latest: s.latest_edd,
    },
    freshness: {
      lastCheckedAt: iso(s.last_checked_at),
      nextCheckAt: iso(s.next_check_at),
      lastSource: s.last_source,
      lastError: s.last_error,
      lastEventAt: iso(s.last_event_at),
    },
    shippedAt: iso(s.shipped_at),
    deliveredAt: iso(s.delivered_at),
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

export function toShipmentView(s: ShipmentRow, events: readonly TrackingEventRow[]): ShipmentView {
  return { ...toShipmentSummary(s), events: events.map(toEventView) };
}

export interface OrderRefRow {
  id: string;
  order_number: string;
  status: OrderStatus;
  promised_date: string | null;
}

export function toOrderRef(o: OrderRefRow) {
  return { id: o.id, orderNumber: o.order_number, status: o.status, promisedDate: o.promised_date };
}
