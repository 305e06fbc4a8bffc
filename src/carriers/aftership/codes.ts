import { defineCodeTable } from '../adapter.js';

// AfterShip tags every checkpoint with one of its 9 delivery statuses (`tag`) and a documented sub-status
// (`subtag`, e.g. InTransit_002); the carrier's own code rides along in `raw_tag` and is kept as the event's
// raw code. The sub-status decides; a sub-status wismo does not know takes the status of its tag, unmapped.
// AfterShip files delays under Exception: wismo keeps those parcels moving, with the delay flag.

export const AFTERSHIP_SUBTAG = defineCodeTable('AfterShip delivery sub-status (subtag)', {
  Pending_001: {
    status: 'info_received',
    note: 'Pending checkpoints (no information yet, number just added, carrier processing): known, not moving.',
  },
  Pending_002: { status: 'info_received', note: 'Pending: known to AfterShip, nothing moves yet.' },
  Pending_003: { status: 'info_received', note: 'Pending: known to AfterShip, nothing moves yet.' },
  Pending_004: { status: 'info_received', note: 'Pending: known to AfterShip, nothing moves yet.' },
  Pending_005: { status: 'info_received', note: 'Pending: known to AfterShip, nothing moves yet.' },
  Pending_006: { status: 'info_received', note: 'Pending: known to AfterShip, nothing moves yet.' },
  InfoReceived_001: { status: 'info_received', substatus: 'label_created' },
  InTransit_001: { status: 'in_transit', substatus: 'in_transit' },
  InTransit_002: { status: 'in_transit', substatus: 'picked_up', note: 'Acceptance scan.' },
  InTransit_003: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Arrival scan at a hub or sorting center.',
  },
  InTransit_004: { status: 'in_transit', substatus: 'arrived', note: 'Arrived at the destination country.' },
  InTransit_005: { status: 'in_transit', substatus: 'customs_cleared' },
  InTransit_006: { status: 'in_transit', substatus: 'customs_clearance', note: 'Handed over to customs.' },
  InTransit_007: { status: 'in_transit', substatus: 'departed', note: 'Departure scan.' },
  InTransit_008: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: 'Problem resolved: the parcel moves again, which ends an earlier exception.',
  },
  InTransit_009: { status: 'in_transit', substatus: 'rerouted', note: 'Forwarded to a different address.' },
  OutForDelivery_001: { status: 'out_for_delivery' },
  OutForDelivery_002: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Older sub-status: arrived at the sorting center and available for pickup.',
  },
  OutForDelivery_003: {
    status: 'out_for_delivery',
    note: 'The courier contacted the recipient before the final delivery.',
  },
  OutForDelivery_004: {
    status: 'out_for_delivery',
    note: 'Delivery appointment scheduled; AfterShip counts it as the last mile.',
  },
  AttemptFail_001: { status: 'attempt_failed', note: 'Failed attempt, reason not given; usually retried.' },
  AttemptFail_002: { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  AttemptFail_003: { status: 'attempt_failed', substatus: 'business_closed' },
  AvailableForPickup_001: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  Delivered_001: { status: 'delivered' },
  Delivered_002: { status: 'delivered', substatus: 'collected', note: 'Picked up by the customer.' },
  Delivered_003: { status: 'delivered', substatus: 'signed' },
  Delivered_004: { status: 'delivered', note: 'Delivered, cash on delivery collected.' },
  Delivered_005: { status: 'delivered', substatus: 'delivered_to_neighbour' },
  Exception_001: { status: 'exception', substatus: 'unknown_problem' },
  Exception_002: { status: 'exception', substatus: 'address_issue', note: 'Customer moved.' },
  Exception_003: { status: 'exception', substatus: 'refused' },
  Exception_004: {
    status: 'in_transit',
    substatus: 'customs_delay',
    note: 'Delayed in customs clearance: a delay, not a stop.',
  },
  Exception_005: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'Delayed by external factors: a delay, not a stop.',
  },
  Exception_006: { status: 'exception', substatus: 'payment_required', note: 'Held for payment.' },
  Exception_007: { status: 'exception', substatus: 'address_issue', note: 'Incorrect address.' },
  Exception_008: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'Pick-up missed: it was available for pickup and not collected.',
  },
  Exception_009: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'Rejected by the carrier (does not comply with its rules).',
  },
  Exception_010: { status: 'returning', substatus: 'return_to_sender' },
  Exception_011: { status: 'returned', substatus: 'return_to_sender' },
  Exception_012: { status: 'exception', substatus: 'damaged' },
  Exception_013: { status: 'exception', substatus: 'lost' },
  Exception_016: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'Delayed by a processing issue in the carrier network (misroute, sorting error).',
  },
  Exception_017: { status: 'in_transit', substatus: 'weather_delay', note: 'Delayed by extreme weather.' },
  Exception_018: {
    status: 'exception',
    substatus: 'customs_hold',
    note: 'On hold: documents required by regulatory agencies are missing or wrong.',
  },
  Expired_001: { status: 'expired', note: 'No tracking information for 30 days.' },
});

/** The 9 delivery statuses: the class of a sub-status wismo does not know, or the status of a bare tag. */
export const AFTERSHIP_TAG = defineCodeTable('AfterShip delivery status (tag)', {
  Pending: { status: 'info_received', note: 'A checkpoint tagged Pending: known, not moving yet.' },
  InfoReceived: { status: 'info_received', substatus: 'label_created' },
  InTransit: { status: 'in_transit' },
  OutForDelivery: { status: 'out_for_delivery' },
  AttemptFail: { status: 'attempt_failed' },
  AvailableForPickup: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  Delivered: { status: 'delivered' },
  Exception: { status: 'exception', substatus: 'unknown_problem' },
  Expired: { status: 'expired' },
});
