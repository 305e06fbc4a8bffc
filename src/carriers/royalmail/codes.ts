import { defineCodeTable } from '../adapter.js';

// Royal Mail Tracking API v2 event codes (events[].eventCode, summary.lastEventCode). Royal Mail publishes
// no public list; the codes below are the ones seen in its answers with the names Royal Mail gives them.
// Codes not listed fall back to their eventName (classifyText) and are marked unmapped.

export const ROYALMAIL_EVENT_CODES = defineCodeTable('Royal Mail Tracking API v2 eventCode', {
  EVAIE: {
    status: 'info_received',
    substatus: 'label_created',
    note: '"Sender preparing item": the sender has told Royal Mail about the item; Royal Mail does not have it yet.',
  },
  EVAIP: {
    status: 'info_received',
    substatus: 'label_created',
    note: '"Sender despatching item": still announced by the sender, not yet scanned by Royal Mail.',
  },
  EVPPA: {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: '"Accepted at Post Office / Parcelshop": the sender handed the item over the counter.',
  },
  EVOCO: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: '"We\'ve received your item and it\'s now being processed for delivery": first Royal Mail scan of a collected item.',
  },
  EVOAC: { status: 'in_transit', substatus: 'arrived', note: '"Item received at" a mail centre.' },
  EVDAV: { status: 'in_transit', substatus: 'arrived', note: '"Item Received" at a processing site.' },
  EVDAC: { status: 'in_transit', substatus: 'arrived', note: '"Item Received" at a processing site.' },
  EVIMC: {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"Item Received" at an international mail centre.',
  },
  EVORI: { status: 'in_transit', substatus: 'arrived', note: '"Arrived at" a Royal Mail site.' },
  EVODO: {
    status: 'in_transit',
    substatus: 'departed',
    note: '"Item despatched to" the delivery office or mail centre.',
  },
  EVGMI: { status: 'in_transit', substatus: 'in_transit', note: 'Named only "In Transit" by Royal Mail.' },
  EVNMI: {
    status: 'in_transit',
    substatus: 'rerouted',
    note: '"Forwarded - Mis-sort": sent to the wrong delivery office and forwarded to the right one (summary: "It\'s being redirected").',
  },
  EVGPD: {
    status: 'out_for_delivery',
    note: '"Due to be delivered today": on the delivery round.',
  },
  EVKNA: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: '"Delivery Attempted - No Answer": a card is left; redelivery or collection follows.',
  },
  EVKNR: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: '"Delivery Attempted": the item goes back to the delivery office for redelivery or collection.',
  },
  EVNDA: {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: '"Available for Redelivery or Collection": after a missed delivery the item waits at the delivery office.',
  },
  EVNSR: {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: '"Item Prepared for Redelivery": a redelivery was booked; the next delivery scan moves the item on.',
  },
  RSRXS: {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: '"Delivery request received": the recipient asked for a (re)delivery.',
  },
  EVNRT: {
    status: 'exception',
    substatus: 'held',
    note: '"Item Retention": Royal Mail holds the item at the delivery office (fee to pay, retention request, or awaiting instructions).',
  },
  EVKSP: { status: 'delivered', substatus: 'signed', note: '"Delivered and Signed".' },
  EVKSF: {
    status: 'delivered',
    substatus: 'delivered_to_safe_place',
    note: '"Delivered to Safeplace".',
  },
  EVKOP: { status: 'delivered', note: '"Delivered by" the postman (no signature product).' },
});
