import { defineCodeTable } from '../adapter.js';

// Australia Post Track API events carry no code, only a description. These are the descriptions Australia
// Post writes; those that end in a place ("In transit to next facility in OAKLEIGH SOUTH VIC", "Awaiting
// collection at …") are matched by their leading words. Keys are compared case-insensitively.

export const AUSPOST_EVENT_DESCRIPTIONS = defineCodeTable('Australia Post event description', {
  'Shipping information received by Australia Post': {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The sender lodged the shipment electronically; Australia Post does not have the item yet.',
  },
  'Shipping information approved by Australia Post': {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The electronic lodgement was accepted; still no physical scan.',
  },
  'Received by Australia Post': { status: 'in_transit', substatus: 'picked_up' },
  'Received item from Sender': {
    status: 'in_transit',
    substatus: 'picked_up',
    note: 'Inbound international item: accepted by the sending country\'s post ("(Outbound)").',
  },
  'Item received': { status: 'in_transit', substatus: 'picked_up' },
  'Arrived at facility': { status: 'in_transit', substatus: 'arrived' },
  'Item processed at facility': { status: 'in_transit', substatus: 'in_transit' },
  'In transit to next facility': { status: 'in_transit', substatus: 'departed' },
  'Processed at Export Facility': { status: 'in_transit', substatus: 'in_transit' },
  'Despatch Parcels from Export Facility': { status: 'in_transit', substatus: 'departed' },
  'Cleared and awaiting international departure': {
    status: 'in_transit',
    substatus: 'customs_cleared',
    note: 'Export clearance done; the item waits for its flight.',
  },
  'Processed by air carrier': {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: 'The airline has the item (international leg).',
  },
  'Arrived awaiting clearance': {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: 'Inbound item arrived in the destination country and waits for customs.',
  },
  'Item is in Customs': { status: 'in_transit', substatus: 'customs_clearance' },
  'Item cleared by Customs': { status: 'in_transit', substatus: 'customs_cleared' },
  'Item held by Customs': {
    status: 'exception',
    substatus: 'customs_hold',
    note: 'Customs keeps the item (documents, duties or inspection).',
  },
  'Arrived in': {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Arrival in the destination country ("Arrived in New Zealand").',
  },
  'Possible delay': {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'A delay flag, not a step back.',
  },
  'Onboard for delivery': { status: 'out_for_delivery' },
  'With Australia Post for delivery today': { status: 'out_for_delivery' },
  'With courier for delivery': { status: 'out_for_delivery' },
  'Attempted delivery': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'Nobody could take the item; it is redelivered or held for collection.',
  },
  'Card left': {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: '"Card left - Item being held at …": the delivery was missed and the item waits at a post office.',
  },
  'Awaiting collection': { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  'Delivered to Parcel Locker': {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Put in a Parcel Locker the recipient still has to open: ready to collect, not yet collected.',
  },
  Delivered: { status: 'delivered' },
  'Delivered - Left in a safe place': { status: 'delivered', substatus: 'delivered_to_safe_place' },
  'Delivered - Signature obtained': { status: 'delivered', substatus: 'signed' },
  'Delivered to neighbour': { status: 'delivered', substatus: 'delivered_to_neighbour' },
  Collected: { status: 'delivered', substatus: 'collected' },
  'Item damaged': { status: 'exception', substatus: 'damaged' },
  'Unable to deliver': { status: 'exception', substatus: 'undeliverable' },
  'Cannot be delivered': { status: 'exception', substatus: 'undeliverable' },
  'Insufficient address': { status: 'exception', substatus: 'address_issue' },
  Refused: { status: 'exception', substatus: 'refused' },
  'Return to sender': { status: 'returning', substatus: 'return_to_sender' },
  'Returned to sender': { status: 'returning', substatus: 'return_to_sender' },
});
