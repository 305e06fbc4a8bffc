import { defineCodeTable } from '../adapter.js';

// ParcelOne TrackLMC StatusCode values (results.StatusCode and Events[].StatusCode). ParcelOne normalizes
// the last-mile carrier's scans to these names; the list is the one karrio's ParcelOne connector knows.

export const PARCELONE_STATUS_CODES = defineCodeTable('ParcelOne TrackLMC StatusCode', {
  CREATED: { status: 'info_received', substatus: 'label_created' },
  REGISTERED: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The shipment is registered with the carrier; its text may already say "picked up" (karrio: pending).',
  },
  DATA_RECEIVED: { status: 'info_received', substatus: 'label_created' },
  LABEL_PRINTED: { status: 'info_received', substatus: 'label_created' },
  SHIPPED: { status: 'in_transit', substatus: 'picked_up', note: 'Handed to the carrier.' },
  IN_TRANSIT: { status: 'in_transit', substatus: 'in_transit' },
  DEPARTED: { status: 'in_transit', substatus: 'departed' },
  ARRIVED: { status: 'in_transit', substatus: 'arrived' },
  PROCESSED: { status: 'in_transit', substatus: 'in_transit' },
  SORTING: { status: 'in_transit', substatus: 'in_transit' },
  EXPORTED: { status: 'in_transit', substatus: 'departed', note: 'Left the origin country.' },
  IMPORTED: { status: 'in_transit', substatus: 'arrived', note: 'Entered the destination country.' },
  CUSTOMS: {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: 'Normal clearance (karrio: on hold).',
  },
  CUSTOMS_CLEARANCE: { status: 'in_transit', substatus: 'customs_clearance' },
  DELAYED: { status: 'in_transit', substatus: 'carrier_delay' },
  RESCHEDULED: { status: 'in_transit', substatus: 'rescheduled' },
  REDIRECTED: { status: 'in_transit', substatus: 'rerouted' },
  IN_DELIVERY_VEHICLE: {
    status: 'out_for_delivery',
    note: 'Loaded on the delivery vehicle (karrio: in transit).',
  },
  ON_DELIVERY_VEHICLE: { status: 'out_for_delivery' },
  OUT_FOR_DELIVERY: { status: 'out_for_delivery' },
  DELIVERY_IN_PROGRESS: { status: 'out_for_delivery' },
  NOT_DELIVERED: {
    status: 'attempt_failed',
    note: 'A delivery attempt failed; the carrier tries again or holds the parcel.',
  },
  FAILED: { status: 'attempt_failed', note: 'A failed delivery attempt (reason in the text).' },
  READY_FOR_PICKUP: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  AT_PARCELSHOP: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  AVAILABLE_FOR_COLLECTION: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  AWAITING_PICKUP: {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: 'Waiting at the carrier for the recipient to collect (karrio: on hold).',
  },
  DELIVERED_PARCELSHOP: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Delivered to a parcel shop, where the recipient collects it (karrio: delivered).',
  },
  DELIVERED: { status: 'delivered' },
  POD: { status: 'delivered', note: 'Proof of delivery received.' },
  DELIVERED_NEIGHBOR: { status: 'delivered', substatus: 'delivered_to_neighbour' },
  DELIVERED_SAFE_PLACE: { status: 'delivered', substatus: 'delivered_to_safe_place' },
  HELD: { status: 'exception', substatus: 'held' },
  PAYMENT_REQUIRED: { status: 'exception', substatus: 'payment_required' },
  EXCEPTION: { status: 'exception', substatus: 'unknown_problem' },
  REFUSED: { status: 'exception', substatus: 'refused' },
  ADDRESSEE_NOT_FOUND: { status: 'exception', substatus: 'address_issue' },
  WRONG_ADDRESS: { status: 'exception', substatus: 'address_issue' },
});
