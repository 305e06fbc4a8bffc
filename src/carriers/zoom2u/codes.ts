import { defineCodeTable } from '../adapter.js';

// Zoom2u (same-day courier, Australia) booking statuses, as its Customer API documents them ("Get Booking
// Status"): seven in order, then four outside the standard flow. Matched without regard to case ("Picked
// up" / "Picked Up").

export const ZOOM2U_STATUSES = defineCodeTable('Zoom2u booking status', {
  Unassigned: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The booking is being offered to couriers; Zoom2u sends no time with it.',
  },
  Accepted: {
    status: 'info_received',
    substatus: null,
    note: 'A courier accepted the booking; nothing has moved.',
  },
  'On Route to Pickup': {
    status: 'info_received',
    substatus: null,
    note: 'The courier is heading to the pickup.',
  },
  'Picked up': { status: 'in_transit', substatus: 'picked_up' },
  'On Route to Dropoff': {
    status: 'out_for_delivery',
    note: 'The courier has the parcel and heads straight to the drop-off: the last mile.',
  },
  'Tried to deliver': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: '“Parcel has attempted to be delivered. Contact courier or Zoom2u for redelivery options.”',
  },
  'Dropped Off': { status: 'delivered', note: '“Booking is complete!”' },
  Cancelled: { status: 'cancelled' },
  Returning: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Being taken back to the pickup location.',
  },
  Returned: {
    status: 'returned',
    substatus: 'return_to_sender',
    note: 'Back at the pickup location, usually after a failed delivery.',
  },
  'On Hold - With Courier': {
    status: 'exception',
    substatus: 'held',
    note: 'The booking is paused; the courier keeps the parcel.',
  },
});

const BY_LOWER = new Map(Object.keys(ZOOM2U_STATUSES.rules).map((k) => [k.toLowerCase(), k]));

/** The table's spelling of a status, whatever its case and spacing. */
export function canonicalStatus(status: string | null): string | null {
  return status ? (BY_LOWER.get(status.replace(/\s+/g, ' ').trim().toLowerCase()) ?? null) : null;
}
