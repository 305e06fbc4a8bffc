import { defineCodeTable } from '../adapter.js';

// Easyship reports one state per courier leg (trackings[].tracking_state, snake_case) and, on checkpoints
// and webhooks, a status in words ("In Transit To Customer"). Both are looked up in one table, in snake
// case: "In Transit To Customer" → in_transit_to_customer. The event keeps Easyship's text as its code.

export const EASYSHIP_STATUS = defineCodeTable('Easyship tracking state / status (snake_case)', {
  not_created: {
    status: 'info_received',
    note: 'The shipment exists at Easyship; no label yet.',
  },
  pending: { status: 'info_received', note: 'Known to Easyship, no courier event yet.' },
  pending_tracking_event: { status: 'info_received', note: 'Known to Easyship, no courier event yet.' },
  label_generated: { status: 'info_received', substatus: 'label_created' },
  label_created: { status: 'info_received', substatus: 'label_created' },
  info_received: { status: 'info_received', substatus: 'label_created' },
  tracking_information_received: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The courier acknowledged the label; it does not have the parcel yet.',
  },
  in_transit: { status: 'in_transit' },
  in_transit_to_customer: { status: 'in_transit' },
  delivery_delayed: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'A delay keeps the parcel moving.',
  },
  out_for_delivery: { status: 'out_for_delivery' },
  ready_for_pickup: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  failed_attempt: { status: 'attempt_failed' },
  delivery_failed: {
    status: 'attempt_failed',
    note: 'A failed delivery attempt; the courier usually retries.',
  },
  delivered: { status: 'delivered' },
  exception: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'Easyship: on hold (customs clearance, the courier needs the receiver to confirm the address…).',
  },
  on_hold: { status: 'exception', substatus: 'held' },
  lost: { status: 'exception', substatus: 'lost' },
  returned: { status: 'returning', substatus: 'return_to_sender' },
  returned_to_sender: { status: 'returning', substatus: 'return_to_sender' },
  cancelled: { status: 'cancelled', substatus: 'label_voided' },
  cancelled_pending_refund: { status: 'cancelled', substatus: 'label_voided' },
  cancelled_and_refunded: { status: 'cancelled', substatus: 'label_voided' },
  expired: { status: 'expired' },
});

/** "In Transit To Customer", "in_transit" and "Cancelled, Pending Refund" as table keys. */
export function statusKey(value: string | null): string | null {
  if (!value) return null;
  const key = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return key || null;
}
