import { defineCodeTable } from '../adapter.js';

// Allied Express (TTWS getShipmentsStatus) scannedStatus texts: Allied sends no status code, only this
// text, some of it followed by a place ("IN TRANSIT TO SYDNEY"), matched by its leading words and
// compared case-insensitively. The list is the one karrio's Allied Express connector knows.

export const ALLIED_SCAN_STATUSES = defineCodeTable('Allied Express scannedStatus', {
  'IN TRANSIT TO': {
    status: 'in_transit',
    substatus: 'departed',
    note: 'On the linehaul to the named depot.',
  },
  "It's on board with driver": { status: 'out_for_delivery' },
  'IN AGENT': {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Left with an Allied agent, where the receiver collects it (karrio: ready for pickup).',
  },
  'CARD LEFT': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'Nobody was there; a card was left (karrio: delivery delayed).',
  },
  'RETURN TO DEPOT': {
    status: 'attempt_failed',
    note: 'Brought back to the depot after a delivery that did not happen (karrio: delivery delayed).',
  },
  'LEFT IN DEPOT': {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'The freight stayed at the depot instead of going out: a delay, not a problem with it.',
  },
  'Freight has been delivered': { status: 'delivered' },
  DAMAGED: { status: 'exception', substatus: 'damaged' },
  Other: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: "Allied's catch-all exception scan (karrio: on hold).",
  },
  'RETURN TO SENDER': {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Going back to the sender (karrio: delivery failed).',
  },
});
