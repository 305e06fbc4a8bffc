import { defineCodeTable } from '../adapter.js';

// 17TRACK normalizes every carrier into its own vocabulary. API v2/v2.2: a package `status`, a
// `sub_status` (<Status>_<Reason>) and, on each event, a `stage` (sub-status or milestone key). API v1 and the
// legacy web API: one numeric package state `e` (FPackageState) and events with text only.
// NotFound is never given to an event: a listed event means the carrier knows the parcel.

export const SEVENTEENTRACK_STATUS = defineCodeTable('17TRACK status, sub_status and event stage (API v2)', {
  NotFound: { status: 'pending', note: 'No information at the carrier; never applied to a listed event.' },
  NotFound_Other: {
    status: 'pending',
    note: 'No information at the carrier; never applied to a listed event.',
  },
  NotFound_InvalidCode: {
    status: 'pending',
    note: 'The carrier rejects the number; never applied to an event.',
  },
  InfoReceived: { status: 'info_received', substatus: 'label_created' },
  InTransit: { status: 'in_transit' },
  InTransit_PickedUp: { status: 'in_transit', substatus: 'picked_up' },
  PickedUp: { status: 'in_transit', substatus: 'picked_up', note: 'Milestone stage of an event.' },
  InTransit_Departure: { status: 'in_transit', substatus: 'departed' },
  Departure: { status: 'in_transit', substatus: 'departed', note: 'Milestone stage of an event.' },
  InTransit_Arrival: { status: 'in_transit', substatus: 'arrived' },
  Arrival: { status: 'in_transit', substatus: 'arrived', note: 'Milestone stage of an event.' },
  InTransit_CustomsProcessing: { status: 'in_transit', substatus: 'customs_clearance' },
  InTransit_CustomsReleased: { status: 'in_transit', substatus: 'customs_cleared' },
  InTransit_CustomsRequiringInformation: {
    status: 'exception',
    substatus: 'customs_hold',
    note: 'Customs waits for information or documents before it releases the parcel.',
  },
  InTransit_Other: { status: 'in_transit', substatus: 'in_transit' },
  Expired: { status: 'expired', note: 'No update for a long time; 17TRACK stopped expecting one.' },
  Expired_Other: { status: 'expired', note: 'No update for a long time; 17TRACK stopped expecting one.' },
  AvailableForPickup: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  AvailableForPickup_Other: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  OutForDelivery: { status: 'out_for_delivery' },
  OutForDelivery_Other: { status: 'out_for_delivery' },
  DeliveryFailure: { status: 'attempt_failed', note: 'A failed attempt; the carrier usually tries again.' },
  DeliveryFailure_Other: { status: 'attempt_failed' },
  DeliveryFailure_NoBody: { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  DeliveryFailure_Security: {
    status: 'attempt_failed',
    substatus: 'access_issue',
    note: 'Not delivered for safety or security reasons at the address.',
  },
  DeliveryFailure_Rejected: {
    status: 'exception',
    substatus: 'refused',
    note: 'Refused by the recipient: not retried.',
  },
  DeliveryFailure_InvalidAddress: { status: 'exception', substatus: 'address_issue' },
  Delivered: { status: 'delivered' },
  Delivered_Other: { status: 'delivered' },
  Exception: { status: 'exception', substatus: 'unknown_problem' },
  Exception_Other: { status: 'exception', substatus: 'unknown_problem' },
  Exception_Returning: { status: 'returning', substatus: 'return_to_sender' },
  Returning: { status: 'returning', substatus: 'return_to_sender', note: 'Milestone stage of an event.' },
  Exception_Returned: { status: 'returned', substatus: 'return_to_sender' },
  Returned: { status: 'returned', substatus: 'return_to_sender', note: 'Milestone stage of an event.' },
  Exception_NoBody: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'Nobody to receive it after the attempts: the parcel stops.',
  },
  Exception_Security: { status: 'exception', substatus: 'held', note: 'Held for security reasons.' },
  Exception_Damage: { status: 'exception', substatus: 'damaged' },
  Exception_Damaged: { status: 'exception', substatus: 'damaged' },
  Exception_Rejected: { status: 'exception', substatus: 'refused' },
  Exception_Delayed: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '17TRACK files delays under Exception: a delay, not a stop.',
  },
  Exception_Lost: { status: 'exception', substatus: 'lost' },
  Exception_Destroyed: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'Destroyed (by the carrier or customs): it will not arrive.',
  },
  Exception_Cancel: { status: 'cancelled' },
});

/** API v1 `e` and the legacy web API's FPackageState (same numbers). */
export const SEVENTEENTRACK_PACKAGE_STATE = defineCodeTable(
  '17TRACK package state (API v1 e, legacy FPackageState)',
  {
    '0': { status: 'pending', note: 'Not found; never applied to a listed event (its text decides).' },
    '10': { status: 'in_transit' },
    '20': { status: 'expired', note: 'No update for a long time.' },
    '30': {
      status: 'available_for_pickup',
      substatus: 'at_pickup_point',
      note: '"Pick up": ready to collect.',
    },
    '35': {
      status: 'attempt_failed',
      note: '"Undelivered": a failed delivery (DeliveryFailure in API v2), usually retried.',
    },
    '40': { status: 'delivered' },
    '50': {
      status: 'exception',
      substatus: 'unknown_problem',
      note: '"Alert" in 17TRACK\'s v1 docs ("Returned" in py17track): something went wrong; no more is said.',
    },
  },
);

export const PACKAGE_STATE_LABELS: Record<string, string> = {
  '0': 'Not Found',
  '10': 'In Transit',
  '20': 'Expired',
  '30': 'Pick Up',
  '35': 'Undelivered',
  '40': 'Delivered',
  '50': 'Alert',
};
