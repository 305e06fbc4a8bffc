import { defineCodeTable } from '../adapter.js';

// Sendle tracking event_type values (Sendle API, GET /parcels/{ref}/tracking and tracking webhooks).
// "Info" events are notices (a note from the courier, a changed estimate), not steps: they are left to their
// description and marked unmapped.

export const SENDLE_EVENT_TYPES = defineCodeTable('Sendle tracking event_type', {
  'Pickup Attempted': {
    status: 'info_received',
    note: 'The courier came but could not collect (reason given, e.g. "Parcel not ready"): the parcel is still with the sender, which is no delivery problem (karrio: on hold).',
  },
  Pickup: { status: 'in_transit', substatus: 'picked_up' },
  'Drop Off': { status: 'in_transit', substatus: 'dropped_off' },
  'Dropped Off': { status: 'in_transit', substatus: 'dropped_off' },
  'Dropped off': { status: 'in_transit', substatus: 'dropped_off' },
  'In Transit': { status: 'in_transit', substatus: 'in_transit' },
  'Local Delivery': {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: 'Handed to the local delivery courier.',
  },
  'Out for Delivery': { status: 'out_for_delivery' },
  'Delivery Attempted': { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  'Card Left': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'Nobody home, a card was left: the parcel is redelivered or collected later.',
  },
  'Left with Agent': {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Left at an agent (post office, newsagent) for the receiver to collect.',
  },
  Delivered: { status: 'delivered' },
  Damaged: { status: 'exception', substatus: 'damaged' },
  'Unable to Deliver': { status: 'exception', substatus: 'undeliverable' },
  Expired: {
    status: 'cancelled',
    note: 'The booking expired before the parcel was ever picked up.',
  },
});
