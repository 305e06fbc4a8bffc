import { defineCodeTable } from '../adapter.js';

// Amazon Shipping (Shipping API v2 getTracking): each event has an eventCode; the summary carries
// trackingDetailCodes (forward/returns) that say how a delivery went or why it failed. The detail codes
// refine the newest event of the status they belong to.

export const AMAZON_EVENT_CODE = defineCodeTable('Amazon Shipping event code', {
  ReadyForReceive: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'Created and ready for pickup at the shipper.',
  },
  PackageReceivedByCarrier: {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: 'Dropped off by the sender at an Amazon Shipping location.',
  },
  PickupDone: { status: 'in_transit', substatus: 'picked_up' },
  ArrivedAtCarrierFacility: { status: 'in_transit', substatus: 'arrived' },
  Departed: { status: 'in_transit', substatus: 'departed' },
  RecipientRequestedAlternateDeliveryTiming: {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: 'The recipient moved the delivery date.',
  },
  OutForDelivery: { status: 'out_for_delivery' },
  DeliveryAttempted: { status: 'attempt_failed', note: 'Amazon retries; the reason is in the detail codes.' },
  AvailableForPickup: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  Delivered: { status: 'delivered' },
  Rejected: { status: 'exception', substatus: 'refused', note: 'Rejected by the recipient.' },
  Undeliverable: { status: 'exception', substatus: 'undeliverable' },
  Lost: { status: 'exception', substatus: 'lost' },
  PickupCancelled: {
    status: 'cancelled',
    note: 'The carrier pickup was cancelled before the parcel moved.',
  },
  ReturnInitiated: { status: 'returning', substatus: 'return_to_sender' },
});

export const AMAZON_DETAIL_CODE = defineCodeTable('Amazon Shipping tracking detail code', {
  Signed: { status: 'delivered', substatus: 'signed' },
  DeliveredToNeighbor: { status: 'delivered', substatus: 'delivered_to_neighbour' },
  DeliveredToPorch: { status: 'delivered', substatus: 'left_at_door' },
  DeliveredToRearDoor: { status: 'delivered', substatus: 'left_at_door' },
  DeliveredToGarage: { status: 'delivered', substatus: 'delivered_to_safe_place' },
  DeliveredToGarden: { status: 'delivered', substatus: 'delivered_to_safe_place' },
  DeliveredToGreenhouse: { status: 'delivered', substatus: 'delivered_to_safe_place' },
  DeliveredToShed: { status: 'delivered', substatus: 'delivered_to_safe_place' },
  DeliveredToBehindWheelieBin: { status: 'delivered', substatus: 'delivered_to_safe_place' },
  DeliveredToMailSlot: { status: 'delivered', substatus: 'delivered_to_safe_place' },
  DeliveredToMailRoom: { status: 'delivered', note: 'Handed to the building mail room.' },
  DeliveredToReceptionist: { status: 'delivered', note: 'Handed to a receptionist.' },
  DeliveredWithOTP: { status: 'delivered', note: 'The recipient confirmed with a one-time code.' },
  DeliveryAttempted: { status: 'attempt_failed' },
  BusinessClosed: { status: 'attempt_failed', substatus: 'business_closed' },
  CustomerUnavailable: { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  UnableToContactRecipient: { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  OtpNotAvailable: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'The recipient could not give the one-time code.',
  },
  PaymentNotReady: { status: 'attempt_failed', note: 'Cash on delivery not ready; delivery is retried.' },
  UnableToAccess: { status: 'attempt_failed', substatus: 'access_issue' },
  ArrivedAtLocalFacility: { status: 'in_transit', substatus: 'arrived' },
  Rejected: { status: 'exception', substatus: 'refused' },
  RejectedByRecipientWithVerification: { status: 'exception', substatus: 'refused' },
  CancelledByRecipient: {
    status: 'exception',
    substatus: 'refused',
    note: 'The recipient cancelled at the door.',
  },
  IncorrectItems: { status: 'exception', substatus: 'refused', note: 'Refused: not the items ordered.' },
  NotRequired: { status: 'exception', substatus: 'refused', note: 'Refused: no longer wanted.' },
  Damaged: { status: 'exception', substatus: 'damaged' },
  AddressNotFound: { status: 'exception', substatus: 'address_issue' },
  HazmatShipment: {
    status: 'exception',
    substatus: 'undeliverable',
    note: 'Hazardous goods the carrier will not move.',
  },
  Undeliverable: { status: 'exception', substatus: 'undeliverable' },
});
