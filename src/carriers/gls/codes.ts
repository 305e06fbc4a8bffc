import type { CodeRule } from '../adapter.js';
import { defineCodeTable, lookupCode } from '../adapter.js';

// GLS Track & Trace API (ParcelDTO). Event codes are "<STATUS>.<detail>": the part before the dot is the
// parcel status class the event belongs to (GLS writes the first class "INTIAL", sic), the detail says what
// happened. Unknown codes take their class's status (unmapped). The parcel's own status uses the class
// names alone.

export const GLS_STATUSES = defineCodeTable('GLS parcel status (ParcelDTO.status, event code class)', {
  PLANNEDPICKUP: {
    status: 'info_received',
    note: 'A pickup is planned: GLS does not have the parcel yet.',
  },
  INPICKUP: {
    status: 'info_received',
    note: 'The driver is on the way to collect the parcel; it is still with the sender.',
  },
  NOTPICKEDUP: {
    status: 'info_received',
    note: 'The pickup failed: the parcel is still with the sender, which is not a delivery problem.',
  },
  PREADVICE: { status: 'info_received', substatus: 'label_created' },
  INTRANSIT: { status: 'in_transit', substatus: 'in_transit' },
  INWAREHOUSE: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'At a GLS depot (warehouse).',
  },
  INDELIVERY: { status: 'out_for_delivery' },
  NOTDELIVERED: {
    status: 'attempt_failed',
    note: 'A delivery attempt failed; GLS tries again or takes the parcel to a ParcelShop. The reason is in the event detail.',
  },
  DELIVEREDPS: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Delivered to a GLS ParcelShop, where the recipient collects it (karrio lists it as both delivered and ready for pickup).',
  },
  DELIVERED: { status: 'delivered' },
  FINAL: {
    status: 'delivered',
    note: "The parcel's tracking is closed after delivery (karrio: delivered).",
  },
  CANCELED: { status: 'cancelled' },
});

export const GLS_EVENT_CODES = defineCodeTable('GLS Track & Trace event code', {
  'INTIAL.PREADVICE': {
    status: 'info_received',
    substatus: 'label_created',
    note: '"The parcel data was entered into the GLS IT system."',
  },
  'INTIAL.NORMAL': {
    status: 'in_transit',
    substatus: 'picked_up',
    note: '"The parcel was handed over to GLS": GLS writes it in the initial class, but GLS now has the parcel.',
  },
});

/** The status of an event code's class ("INWAREHOUSE.NORMAL" → INWAREHOUSE), for codes not in the table. */
export function classRule(code: string | null): CodeRule | null {
  const cls = code?.split('.')[0];
  return cls ? (lookupCode(GLS_STATUSES, cls) ?? null) : null;
}
