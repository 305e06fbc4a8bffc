import { defineCodeTable } from '../adapter.js';

// DHL Express checkpoint codes, shared by the XML-PI TrackingResponse (ServiceEvent/EventCode) and the MyDHL
// API (events[].typeCode). DHL publishes the list to account holders with the XML Services reference; the
// meanings below are DHL's checkpoint names. Codes not listed are read from their description (DHL's English
// wording is plain) and marked unmapped.

export const DHL_EXPRESS_CODES = defineCodeTable('DHL Express checkpoint code', {
  SA: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: '"Shipment acceptance": DHL has the shipment at its origin facility.',
  },
  PU: { status: 'in_transit', substatus: 'picked_up', note: '"Shipment picked up".' },
  PL: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"Processed at location": a hub scan, not a pickup (karrio reads it as picked up).',
  },
  PO: {
    status: 'in_transit',
    substatus: 'departed',
    note: '"Departing origin": the shipment leaves the origin service area.',
  },
  RW: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: 'Re-weigh: weight and dimensions recorded at a facility (its Signatory field holds the weight).',
  },
  AF: { status: 'in_transit', substatus: 'arrived', note: '"Arrived at DHL facility".' },
  AR: {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"Arrived at delivery facility": the facility that delivers it.',
  },
  DF: { status: 'in_transit', substatus: 'departed', note: '"Departed from DHL facility".' },
  IT: { status: 'in_transit', substatus: 'in_transit' },
  TR: { status: 'in_transit', substatus: 'in_transit', note: '"Record of transfer" between DHL facilities.' },
  TP: {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: '"Forwarded to third party": a partner carrier delivers; DHL keeps tracking it.',
  },
  IC: { status: 'in_transit', substatus: 'customs_clearance', note: '"In clearance processing".' },
  ES: { status: 'in_transit', substatus: 'customs_clearance', note: '"Entry submitted" to customs.' },
  BN: {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: '"Customer broker notified": a broker of the recipient clears it.',
  },
  CR: {
    status: 'in_transit',
    substatus: 'customs_cleared',
    note: '"Clearance release": customs released it.',
  },
  BR: { status: 'in_transit', substatus: 'customs_cleared', note: '"Broker release".' },
  CD: {
    status: 'in_transit',
    substatus: 'customs_delay',
    note: '"Controllable clearance delay": customs need something from shipper or recipient; a delay, not a stop.',
  },
  UD: {
    status: 'in_transit',
    substatus: 'customs_delay',
    note: '"Uncontrollable clearance delay": held up by the customs authority itself.',
  },
  TD: { status: 'in_transit', substatus: 'carrier_delay', note: '"Transport delay".' },
  MD: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '"Missed delivery cycle": it missed the day\'s delivery run; a delay, not a failed attempt.',
  },
  MS: { status: 'in_transit', substatus: 'carrier_delay', note: '"Mis-sort": sent the wrong way, rerouted.' },
  IR: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'A delay checkpoint (karrio reads it as delayed).',
  },
  AD: {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: '"Agreed delivery": delivery arranged with the recipient for a later time.',
  },
  WC: { status: 'out_for_delivery', note: '"With delivery courier".' },
  OK: { status: 'delivered', note: '"Delivery": the Signatory field holds who signed.' },
  NH: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: '"Not home": a delivery attempt; DHL tries again or leaves a card.',
  },
  CA: { status: 'attempt_failed', substatus: 'business_closed', note: '"Closed on arrival".' },
  BA: {
    status: 'exception',
    substatus: 'address_issue',
    note: '"Bad address": delivery waits for a corrected address.',
  },
  CM: { status: 'exception', substatus: 'address_issue', note: '"Customer moved".' },
  RD: { status: 'exception', substatus: 'refused', note: '"Refused delivery".' },
  DM: { status: 'exception', substatus: 'damaged', note: '"Damaged".' },
  DS: {
    status: 'exception',
    substatus: 'undeliverable',
    note: '"Destroyed / disposal": the shipment will not be delivered.',
  },
  HP: {
    status: 'exception',
    substatus: 'payment_required',
    note: '"Held for payment": duties or charges must be paid before delivery.',
  },
  OH: { status: 'exception', substatus: 'held', note: '"On hold".' },
  SS: { status: 'exception', substatus: 'held', note: '"Shipment stopped" at the shipper\'s request.' },
  RT: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: '"Returned to consignor": on its way back to the shipper.',
  },
});

/** DHL Express global product codes (GlobalProductCode / productCode) as DHL names the product. */
export const DHL_EXPRESS_PRODUCTS: Readonly<Record<string, string>> = {
  D: 'EXPRESS WORLDWIDE',
  P: 'EXPRESS WORLDWIDE',
  U: 'EXPRESS WORLDWIDE',
  N: 'EXPRESS DOMESTIC',
  K: 'EXPRESS 9:00',
  E: 'EXPRESS 9:00',
  T: 'EXPRESS 12:00',
  Y: 'EXPRESS 12:00',
  X: 'EXPRESS ENVELOPE',
  W: 'ECONOMY SELECT',
  H: 'ECONOMY SELECT',
  G: 'DOMESTIC ECONOMY SELECT',
  Q: 'MEDICAL EXPRESS',
};
