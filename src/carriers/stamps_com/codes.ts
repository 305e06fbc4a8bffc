import { defineCodeTable } from '../adapter.js';

// Stamps.com TrackShipment's TrackingEventType: its own summary of the USPS event (the USPS words are kept
// as the event text).
export const STAMPS_EVENT_TYPES = defineCodeTable('Stamps.com TrackingEventType', {
  ElectronicNotification: { status: 'info_received', substatus: 'label_created' },
  Accepted: { status: 'in_transit', substatus: 'picked_up' },
  Enroute: { status: 'in_transit' },
  ArriveSortFacility: { status: 'in_transit', substatus: 'arrived' },
  OutForDelivery: { status: 'out_for_delivery' },
  NoticeLeft: { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  Delivered: { status: 'delivered' },
  Refused: { status: 'exception', substatus: 'refused' },
  UndeliverableAsAddressed: { status: 'exception', substatus: 'address_issue' },
  ReturnToSender: { status: 'returning', substatus: 'return_to_sender' },
  Forwarded: { status: 'in_transit', substatus: 'rerouted' },
  DeadLetter: { status: 'exception', substatus: 'undeliverable' },
});
