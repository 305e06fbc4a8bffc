import { defineCodeTable } from '../adapter.js';

// Asendia (asendia-sync tracking API) event codes. Asendia publishes no list; these are the codes its
// answers use, short (PU, IT, DL) and long (IN_TRANSIT, DELIVERED, …). Others are read from
// carrierEventDescription and marked unmapped.

export const ASENDIA_EVENT_CODES = defineCodeTable('Asendia tracking event code', {
  CREATED: { status: 'info_received', substatus: 'label_created' },
  LABEL_PRINTED: { status: 'info_received', substatus: 'label_created' },
  PU: { status: 'in_transit', substatus: 'picked_up', note: '"Package picked up".' },
  PICKED_UP: { status: 'in_transit', substatus: 'picked_up' },
  COLLECTED: { status: 'in_transit', substatus: 'picked_up' },
  ACCEPTED: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: 'Accepted into the Asendia network (karrio: pending); Asendia has the parcel.',
  },
  IT: { status: 'in_transit', substatus: 'in_transit', note: '"In transit to destination".' },
  IN_TRANSIT: { status: 'in_transit', substatus: 'in_transit' },
  DEPARTED: { status: 'in_transit', substatus: 'departed' },
  ARRIVED: { status: 'in_transit', substatus: 'arrived' },
  PROCESSED: { status: 'in_transit', substatus: 'in_transit' },
  CUSTOMS: { status: 'in_transit', substatus: 'customs_clearance' },
  CLEARED: { status: 'in_transit', substatus: 'customs_cleared' },
  DELAYED: { status: 'in_transit', substatus: 'carrier_delay' },
  OFD: { status: 'out_for_delivery' },
  OUT_FOR_DELIVERY: { status: 'out_for_delivery' },
  READY_FOR_PICKUP: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  DELIVERY_FAILED: {
    status: 'attempt_failed',
    note: 'A delivery attempt failed; the reason is in the text.',
  },
  DL: { status: 'delivered', note: '"Delivered".' },
  DELIVERED: { status: 'delivered' },
  ON_HOLD: { status: 'exception', substatus: 'held' },
  UNDELIVERABLE: { status: 'exception', substatus: 'undeliverable' },
  RTS: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Return to sender (karrio: delivery failed).',
  },
  RETURNED: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'On its way back to the sender; a later delivery scan means it is back (karrio: delivery failed).',
  },
});
