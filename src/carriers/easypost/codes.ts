import { defineCodeTable } from '../adapter.js';

// EasyPost normalizes every carrier's scans into its own `status` (the stage) and, on newer trackers,
// `status_detail` (what happened). The carrier's own code rides along in `carrier_code` and is kept as the
// event's raw code; the status comes from EasyPost's vocabulary, which is the same for every carrier.

export const EASYPOST_STATUS = defineCodeTable('EasyPost tracker status', {
  pre_transit: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'Label created or shipment information sent; the carrier does not have the parcel yet.',
  },
  in_transit: { status: 'in_transit' },
  out_for_delivery: { status: 'out_for_delivery' },
  delivered: { status: 'delivered' },
  available_for_pickup: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  return_to_sender: { status: 'returning', substatus: 'return_to_sender' },
  failure: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'EasyPost uses failure for a delivery that will not happen (not a retried attempt).',
  },
  cancelled: { status: 'cancelled', substatus: 'label_voided' },
  error: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'EasyPost could not read the carrier; the scan text, when there is one, is read first.',
  },
  unknown: {
    status: 'in_transit',
    note: 'EasyPost could not classify the scan: wismo reads the scan text first and falls back to in_transit.',
  },
});

export const EASYPOST_STATUS_DETAIL = defineCodeTable('EasyPost status_detail', {
  label_created: { status: 'info_received', substatus: 'label_created' },
  awaiting_information: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The carrier waits for shipment information; nothing has moved.',
  },
  received_at_origin_facility: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: 'First scan in the carrier network: the parcel has been handed over.',
  },
  arrived_at_facility: { status: 'in_transit', substatus: 'arrived' },
  arrived_at_destination: { status: 'in_transit', substatus: 'arrived' },
  received_at_destination_facility: { status: 'in_transit', substatus: 'arrived' },
  departed_facility: { status: 'in_transit', substatus: 'departed' },
  departed_origin_facility: { status: 'in_transit', substatus: 'departed' },
  in_transit: { status: 'in_transit', substatus: 'in_transit' },
  transferred_to_destination_carrier: { status: 'in_transit', substatus: 'handed_to_partner' },
  address_correction: {
    status: 'in_transit',
    substatus: 'rerouted',
    note: 'The carrier corrected the address and the parcel moves on to it.',
  },
  missorted: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'A sorting error: the parcel is sent back on its way, late. A delay, not an exception.',
  },
  delayed: { status: 'in_transit', substatus: 'carrier_delay', note: 'A delay keeps the current stage.' },
  weather_delay: {
    status: 'in_transit',
    substatus: 'weather_delay',
    note: 'A delay keeps the current stage.',
  },
  out_for_delivery: { status: 'out_for_delivery' },
  arrived_at_pickup_location: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  'available_for_pickup/held': {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: 'held under available_for_pickup: kept at the carrier facility for the recipient to collect.',
  },
  held: { status: 'exception', substatus: 'held' },
  delivery_exception: { status: 'exception', substatus: 'unknown_problem' },
  transit_exception: { status: 'exception', substatus: 'unknown_problem' },
  refused: { status: 'exception', substatus: 'refused' },
  damaged: { status: 'exception', substatus: 'damaged' },
  lost: { status: 'exception', substatus: 'lost' },
  failure: { status: 'exception', substatus: 'undeliverable' },
  return: { status: 'returning', substatus: 'return_to_sender' },
  cancelled: { status: 'cancelled', substatus: 'label_voided' },
  expired: { status: 'expired', note: 'The carrier stopped reporting on the number.' },
});

/** Details that say nothing beyond the status: the status (and the scan text) decide. */
export const GENERIC_DETAILS: ReadonlySet<string> = new Set(['status_update', 'unknown', 'other']);

/** Statuses that mean "EasyPost could not tell": the scan text is read before the table. */
export const GENERIC_STATUSES: ReadonlySet<string> = new Set(['unknown', 'error']);
