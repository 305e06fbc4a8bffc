import { defineCodeTable } from '../adapter.js';

// SmartKargo eventType codes. SmartKargo runs air cargo, so its events use the IATA Cargo-IMP status codes
// (BKD booked, RCS received from shipper, DEP departed, ARR arrived, RCF received from flight, NFD notified
// for delivery, DLV delivered…), plus its e-commerce last-mile codes (GDL, DDL, DLD, ADL, RCU, PND) whose
// meaning comes from SmartKargo's descriptions (as karrio's SmartKargo connector lists them).

export const SMARTKARGO_CODES = defineCodeTable(
  'SmartKargo eventType (IATA Cargo-IMP and e-commerce codes)',
  {
    BKD: {
      status: 'info_received',
      substatus: 'label_created',
      note: 'Booked: "Electronic information submitted by shipper".',
    },
    FOH: {
      status: 'in_transit',
      substatus: 'dropped_off',
      note: 'Freight on hand: tendered at the origin station.',
    },
    RCS: {
      status: 'in_transit',
      substatus: 'picked_up',
      note: 'Received from shipper (accepted at origin).',
    },
    MAN: { status: 'in_transit', substatus: 'in_transit', note: 'Manifested on a flight.' },
    PRE: { status: 'in_transit', substatus: 'in_transit', note: 'Prepared for loading.' },
    DEP: { status: 'in_transit', substatus: 'departed', note: 'Departed on the flight.' },
    ARR: { status: 'in_transit', substatus: 'arrived', note: 'Flight arrived.' },
    RCF: {
      status: 'in_transit',
      substatus: 'arrived',
      note: 'Received from flight (SmartKargo e-commerce: recovered at the partner store that delivers it).',
    },
    TFD: { status: 'in_transit', substatus: 'handed_to_partner', note: 'Transferred to another carrier.' },
    RCT: { status: 'in_transit', substatus: 'arrived', note: 'Received from another carrier.' },
    CRC: { status: 'in_transit', substatus: 'customs_clearance', note: 'Reported to customs.' },
    CCD: { status: 'in_transit', substatus: 'customs_cleared', note: 'Cleared by customs.' },
    PND: {
      status: 'in_transit',
      substatus: 'in_transit',
      note: 'SmartKargo describes it as "In Transit" (karrio gives it no status).',
    },
    GDL: { status: 'out_for_delivery', note: '"Package left partner store for consignee door".' },
    NFD: {
      status: 'available_for_pickup',
      substatus: 'held_at_facility',
      note: 'Consignee notified that the freight can be collected at the destination station.',
    },
    RCU: {
      status: 'in_transit',
      note: '"Reminder sent to customer": a notice, not a step; karrio reads it as on hold.',
    },
    ADL: {
      status: 'attempt_failed',
      substatus: 'recipient_unavailable',
      note: '"Delivery attempted but failed": the partner reached the address and could not deliver.',
    },
    DIS: {
      status: 'exception',
      substatus: 'unknown_problem',
      note: 'Discrepancy (missing, damaged or extra pieces).',
    },
    DLV: { status: 'delivered', note: 'Delivered to the consignee (IATA).' },
    DDL: { status: 'delivered', note: '"Package has been successfully delivered to the consignee".' },
    DLD: { status: 'delivered', substatus: 'left_at_door', note: '"Delivered and left at door".' },
  },
);
