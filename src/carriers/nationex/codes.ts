import { defineCodeTable } from '../adapter.js';

// Nationex (Quebec-based courier) publishes no public code list. Shipment statuses are the values its API
// returns in ShipmentStatus / StatusHistories[].ShipmentStatus, as karrio's connector lists them plus the
// ones seen in answers ("Creation", "DataReceived"); parcel exceptions are Parcels[].History[].ExceptionId,
// of which only the one seen in an answer is listed: others are read from their English description.

export const NATIONEX_STATUSES = defineCodeTable('Nationex shipment status', {
  Creation: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The shipment was created; Nationex describes it as “Data received / Données reçues”.',
  },
  DataReceived: { status: 'info_received', substatus: 'label_created', note: '“Data received”.' },
  Pickup: { status: 'in_transit', substatus: 'picked_up' },
  Transit: { status: 'in_transit', substatus: 'in_transit' },
  OutForDelivery: { status: 'out_for_delivery' },
  PartiallyOutForDelivery: {
    status: 'out_for_delivery',
    note: 'Some parcels of the shipment are out for delivery: the shipment has reached its last mile.',
  },
  Delivered: { status: 'delivered' },
  OnHold: { status: 'exception', substatus: 'held' },
  Attention: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'Nationex flags the shipment for attention; the reason is in the parcel history.',
  },
  RefusedDelivery: { status: 'exception', substatus: 'refused' },
  ReturnToSender: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'karrio reads it as a failed delivery; the parcel is on its way back.',
  },
});

export const NATIONEX_EXCEPTIONS = defineCodeTable('Nationex parcel exception (ExceptionId)', {
  '5': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: '“Unavailable consignee - Delivery attempt on next business day”: retried the next day.',
  },
});
