import { calendarDate } from '../lib/time-zone.js';
import type { ShipmentView } from '../shipments/shipments.schemas.js';
import type { ExpectedDelivery } from './order-view.schemas.js';

// Which estimate an agent tells the shopper. The carrier's own is the freshest word on a moving parcel; the
// prediction from the lane's history stands in when the carrier gives none; the storefront's promise is
// the last resort. A date already past is no answer to "when will it come?" (the delay says what happened),
// so it is skipped, judged by the calendar day `today` of the shopper's zone.

export function expectedDelivery(
  shipment: ShipmentView,
  today: string,
  zone: string,
): ExpectedDelivery | null {
  if (shipment.deliveredAt !== null || shipment.status === 'delivered') return null;
  const { carrier, predicted, promised } = shipment.edd;
  // A window alone dates the parcel by the day its window ends, in the shopper's zone.
  const windowDay = carrier?.windowEnd ? calendarDate(new Date(carrier.windowEnd), zone) : null;
  const carrierDate = carrier?.date ?? windowDay;
  if (carrierDate !== null && carrierDate >= today) {
    return {
      date: carrierDate,
      kind: 'carrier',
      windowStart: carrier?.windowStart ?? null,
      windowEnd: carrier?.windowEnd ?? null,
    };
  }
  if (predicted !== null && predicted >= today) {
    return { date: predicted, kind: 'predicted', windowStart: null, windowEnd: null };
  }
  if (promised !== null && promised >= today) {
    return { date: promised, kind: 'promised', windowStart: null, windowEnd: null };
  }
  return null;
}
