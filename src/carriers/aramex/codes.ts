import { defineCodeTable } from '../adapter.js';

// Aramex does not publish its UpdateCode list (the Shipping Services API manual documents the TrackingResult
// fields, not the codes), and the codes differ by region. This table holds only the codes whose meaning is
// consistent across the public integrations and samples that show them with their UpdateDescription; any
// other code is read from its description (UpdateDescription is plain English: "Delivered", "Out for
// Delivery", "Returned to Shipper") and marked unmapped.

const SEEN =
  'Aramex publishes no code list; meaning taken from the UpdateDescription public samples pair it with.';

export const ARAMEX_CODES = defineCodeTable('Aramex tracking UpdateCode', {
  SH014: { status: 'info_received', substatus: 'label_created', note: `"Record created". ${SEEN}` },
  SH012: { status: 'in_transit', substatus: 'picked_up', note: `"Picked up from shipper". ${SEEN}` },
  SH047: {
    status: 'in_transit',
    note: `A scan at an Aramex operations facility; integrations read it as in transit. ${SEEN}`,
  },
  SH160: { status: 'in_transit', note: `"Under processing at operations facility". ${SEEN}` },
  SH022: { status: 'in_transit', substatus: 'departed', note: `"Departed operations facility". ${SEEN}` },
  SH003: { status: 'out_for_delivery', note: `"Out for delivery". ${SEEN}` },
  SH033: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: `"Attempted delivery": Aramex calls the consignee and tries again. ${SEEN}`,
  },
  SH294: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: `Delivery attempted, consignee not reachable: retried. ${SEEN}`,
  },
  SH034: { status: 'exception', substatus: 'refused', note: `Refused by the consignee. ${SEEN}` },
  SH005: { status: 'delivered', note: `"Delivered". ${SEEN}` },
  SH498: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: `Return to shipper in progress. ${SEEN}`,
  },
  SH069: {
    status: 'returned',
    substatus: 'return_to_sender',
    note: `"Returned to shipper": the parcel is back with the sender. ${SEEN}`,
  },
});
