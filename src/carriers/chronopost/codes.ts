import { defineCodeTable } from '../adapter.js';

// Chronopost event codes as the tracking web service (trackSkybillV2) sends them, with the label Chronopost
// gives them. Chronopost publishes no code list to API users; each entry is the meaning of Chronopost's own
// eventLabel for that code. Codes not listed are read from their label (the English labels are plain) and
// marked unmapped.

export const CHRONOPOST_CODES = defineCodeTable('Chronopost event code', {
  DC: {
    status: 'info_received',
    substatus: 'label_created',
    note: '"Shipment in preparation to be shipped": the waybill exists, Chronopost does not have the parcel.',
  },
  DB: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: '"Shipment handed over by shipper": Chronopost has the parcel.',
  },
  DY: {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: '"Parcel registered by the post office": the sender dropped it at a post office.',
  },
  PC: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: '"Pris en charge": taken in charge by Chronopost.',
  },
  SC: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"Sorted at departure location".',
  },
  TS: { status: 'in_transit', substatus: 'in_transit', note: '"Shipment in transit" (a hub scan).' },
  SD: {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"Sorted at delivery location": at the depot that delivers it.',
  },
  TA: { status: 'out_for_delivery', note: '"Shipment in delivery to the consignee": on the delivery round.' },
  D: { status: 'delivered' },
});
