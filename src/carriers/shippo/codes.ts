import { defineCodeTable } from '../adapter.js';

// Shippo normalizes the carrier's scans into a `status` (the stage) and, on newer API versions, a
// `substatus.code` (what happened). Shippo passes no carrier code on; the event keeps Shippo's words.

export const SHIPPO_STATUS = defineCodeTable('Shippo tracking status', {
  PRE_TRANSIT: { status: 'info_received', substatus: 'label_created' },
  TRANSIT: {
    status: 'in_transit',
    note: 'Covers every step from acceptance to out for delivery; without a substatus the scan text names it.',
  },
  DELIVERED: { status: 'delivered' },
  RETURNED: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Shippo does not tell "on its way back" from "back with the sender"; a later delivery scan closes it.',
  },
  FAILURE: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'A delivery that will not happen; retried attempts are TRANSIT with delivery_attempted.',
  },
  UNKNOWN: {
    status: 'info_received',
    note: 'Shippo could not classify the scan (older API versions use it for label-created scans): the scan text decides first; else the carrier knows the number but reports no move.',
  },
});

export const SHIPPO_SUBSTATUS = defineCodeTable('Shippo tracking substatus', {
  information_received: { status: 'info_received', substatus: 'label_created' },
  package_accepted: { status: 'in_transit', substatus: 'picked_up' },
  package_arrived: { status: 'in_transit', substatus: 'arrived' },
  package_departed: { status: 'in_transit', substatus: 'departed' },
  package_processing: { status: 'in_transit', substatus: 'in_transit' },
  package_processed: { status: 'in_transit', substatus: 'in_transit' },
  package_forwarded: { status: 'in_transit', substatus: 'rerouted' },
  delivery_scheduled: {
    status: 'in_transit',
    note: 'A delivery date was set; the parcel is still on its way.',
  },
  delivery_rescheduled: { status: 'in_transit', substatus: 'rescheduled' },
  delayed: { status: 'in_transit', substatus: 'carrier_delay', note: 'A delay keeps the current stage.' },
  out_for_delivery: { status: 'out_for_delivery' },
  delivery_attempted: { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  notice_left: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'A notice is left when nobody could take the parcel.',
  },
  location_inaccessible: { status: 'attempt_failed', substatus: 'access_issue' },
  reschedule_delivery: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'The recipient has to book a new delivery: the attempt failed and will be retried.',
  },
  pickup_available: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  delivered: { status: 'delivered' },
  address_issue: { status: 'exception', substatus: 'address_issue' },
  contact_carrier: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'The carrier needs the recipient to get in touch before it can go on.',
  },
  package_held: { status: 'exception', substatus: 'held' },
  package_damaged: { status: 'exception', substatus: 'damaged' },
  package_lost: { status: 'exception', substatus: 'lost' },
  package_undeliverable: { status: 'exception', substatus: 'undeliverable' },
  package_unclaimed: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'Not collected in time; it will go back unless the recipient acts.',
  },
  package_disposed: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'The carrier disposed of the parcel: it will not arrive.',
  },
  return_to_sender: { status: 'returning', substatus: 'return_to_sender' },
});

/** Statuses and substatuses that name no step: the scan text is read before them. */
export const GENERIC_STATUSES: ReadonlySet<string> = new Set(['UNKNOWN']);
export const GENERIC_SUBSTATUSES: ReadonlySet<string> = new Set(['other']);
