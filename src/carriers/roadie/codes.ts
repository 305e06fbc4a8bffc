import { defineCodeTable } from '../adapter.js';

// Roadie (same-day crowd-sourced delivery, US). Events are named by what the driver did; the shipment has a
// state. Event names are those of Roadie's API documentation and karrio's connector; states are Roadie's
// documented shipment states. A Roadie driver goes straight from the pickup to the recipient, so once the
// parcel is picked up, heading to the recipient is the last mile.

export const ROADIE_EVENTS = defineCodeTable('Roadie shipment event', {
  driver_assigned: {
    status: 'info_received',
    substatus: null,
    note: 'A driver accepted the gig; the parcel is still at the pickup location.',
  },
  en_route_to_pickup: {
    status: 'info_received',
    substatus: null,
    note: 'Driver heading to the pickup location.',
  },
  driver_approaching_pickup: {
    status: 'info_received',
    substatus: null,
    note: 'Driver nearly at the pickup location.',
  },
  at_pickup: {
    status: 'info_received',
    substatus: null,
    note: 'Driver at the pickup location; the parcel is not picked up yet (karrio reads it as in transit).',
  },
  pickup_confirmed: { status: 'in_transit', substatus: 'picked_up' },
  en_route_to_delivery: {
    status: 'out_for_delivery',
    note: 'Driver heading to the recipient with the parcel: the last mile.',
  },
  driver_approaching_delivery: { status: 'out_for_delivery', note: 'Driver nearly at the recipient.' },
  at_delivery: {
    status: 'out_for_delivery',
    note: 'Driver at the recipient’s address; not delivered until delivery_confirmed.',
  },
  delivery_confirmed: { status: 'delivered' },
  delivery_attempted: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'Roadie reattempts or returns the parcel; the return comes as its own event.',
  },
  returned: {
    status: 'returned',
    substatus: 'return_to_sender',
    note: 'The driver brought the parcel back to the pickup location (karrio reads it as a failed delivery).',
  },
  canceled: { status: 'cancelled' },
});

export const ROADIE_STATES = defineCodeTable('Roadie shipment state', {
  scheduled: { status: 'info_received', substatus: 'label_created', note: 'Created, waiting for a driver.' },
  assigned: {
    status: 'info_received',
    substatus: null,
    note: 'A driver is assigned; nothing picked up yet.',
  },
  en_route: { status: 'out_for_delivery', note: 'Picked up and on the way to the recipient.' },
  delivered: { status: 'delivered' },
  attempted: { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  returned: { status: 'returned', substatus: 'return_to_sender' },
  canceled: { status: 'cancelled' },
});
