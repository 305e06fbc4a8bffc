import { defineCodeTable } from '../adapter.js';

// USPS event codes, as Web Tools (EventCode) and Tracking v3 (eventCode) send them. Codes are strings:
// "01" and "1" are not the same code.
export const USPS_EVENT_CODES = defineCodeTable('USPS event code', {
  GX: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'Shipping label created, USPS awaiting item.',
  },
  MA: { status: 'info_received', substatus: 'label_created', note: 'Pre-shipment information sent to USPS.' },
  NP: { status: 'info_received', substatus: 'label_created', note: 'Origin post is preparing the shipment.' },
  OA: { status: 'in_transit', substatus: 'picked_up', note: 'Accepted at the USPS origin facility.' },
  '03': { status: 'in_transit', substatus: 'picked_up', note: 'Acceptance.' },
  '80': { status: 'in_transit', substatus: 'picked_up', note: 'Picked up by a shipping partner.' },
  '10': { status: 'in_transit', substatus: 'arrived' },
  A1: { status: 'in_transit', substatus: 'arrived' },
  EF: { status: 'in_transit', substatus: 'departed' },
  T1: { status: 'in_transit', substatus: 'departed' },
  L1: { status: 'in_transit', substatus: 'departed' },
  U1: { status: 'in_transit', substatus: 'in_transit' },
  NT: { status: 'in_transit', substatus: 'in_transit', note: 'In transit, arriving late: the words say so.' },
  '07': { status: 'in_transit', substatus: 'arrived', note: 'Arrived at the post office that delivers it.' },
  PC: { status: 'in_transit', substatus: 'arrived', note: 'Sorting complete at the delivery post office.' },
  OF: { status: 'out_for_delivery' },
  '01': { status: 'delivered' },
  '17': {
    status: 'delivered',
    substatus: 'collected',
    note: 'Picked up at the post office by the addressee.',
  },
  '02': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'Notice left: USPS tried, the item waits at the post office.',
  },
  '52': {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: 'Notice left, available at the post office.',
  },
  '14': { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  '16': { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  '04': { status: 'exception', substatus: 'refused' },
  '05': { status: 'exception', substatus: 'address_issue', note: 'Undeliverable as addressed.' },
  '21': { status: 'exception', substatus: 'address_issue', note: 'No such number.' },
  '22': { status: 'exception', substatus: 'address_issue', note: 'Insufficient address.' },
  '23': { status: 'exception', substatus: 'address_issue', note: 'Moved, left no address.' },
  '09': { status: 'returning', substatus: 'return_to_sender' },
  '28': { status: 'returning', substatus: 'return_to_sender', note: 'Unclaimed, being returned.' },
  '29': { status: 'returning', substatus: 'return_to_sender' },
});
