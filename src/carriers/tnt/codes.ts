import { defineCodeTable } from '../adapter.js';

// TNT Express (ExpressConnect Tracking) StatusData codes, with the StatusDescription TNT sends for them. TNT
// gives no public list of these codes; the entries are the meanings of TNT's own descriptions. Codes not
// listed are read from their description (TNT's English is plain: "Shipment Delivered…", "…Delay…").

export const TNT_STATUS_CODES = defineCodeTable('TNT Express status code', {
  CI: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: '"Shipment Received At Origin Depot": the first TNT scan of the collected shipment.',
  },
  IS: {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"Shipment Received At Tnt Location" (a hub or depot on the way).',
  },
  IR: {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"Shipment Received At Tnt Location" (at the delivering depot).',
  },
  AS: { status: 'in_transit', substatus: 'arrived', note: '"Shipment Received At Transit Point".' },
  TR: { status: 'in_transit', substatus: 'in_transit', note: '"Shipment In Transit".' },
  NR: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '"Shipment Delayed In Transit Recovery Actions Underway": late, still moving.',
  },
  MLA: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '"Connection Delay. Recovery Actions Underway.": a missed connection.',
  },
  OD: { status: 'out_for_delivery', note: '"Out For Delivery".' },
  OK: {
    status: 'delivered',
    note: '"Shipment Delivered In Good Condition."; the Signatory says who signed.',
  },
  RES: { status: 'delivered', note: '"Consignment Delivered To Residential".' },
});

// The consignment's SummaryCode: its overall state. Only read for an event when TNT sends no StatusData
// (summary-level answers), with the DeliveryDate and DeliveryTime as the time.
export const TNT_SUMMARY_CODES = defineCodeTable('TNT Express consignment summary code', {
  DEL: { status: 'delivered', note: 'Delivered (DeliveryDate and DeliveryTime say when).' },
  INT: { status: 'in_transit', substatus: 'in_transit' },
  EXC: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'TNT flags an exception on the consignment.',
  },
});

export const SUMMARY_TEXT: Readonly<Record<string, string>> = {
  DEL: 'Delivered',
  INT: 'In transit',
  EXC: 'Exception',
  CNF: 'Consignment not found',
};
