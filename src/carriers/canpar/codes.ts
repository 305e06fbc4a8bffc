import { defineCodeTable } from '../adapter.js';

// Canpar's tracking event codes (CanShip web services, trackByBarcode). Canpar publishes no code list; these
// are the codes seen in its answers, with Canpar's own English descriptions. Codes not listed are read from
// their English description and marked unmapped.

export const CANPAR_CODES = defineCodeTable('Canpar event code', {
  PIC: { status: 'in_transit', substatus: 'picked_up', note: 'Pickup from customer/shipper.' },
  ARR: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Arrival at hub/terminal from bulk/city trailer.',
  },
  INO: {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: 'Interline outbound: handed to a partner carrier that serves the destination (French text: "colis remis à une firme de transport de liaison").',
  },
  INA: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Arrival at interline: the partner carrier has the parcel.',
  },
  DEL: { status: 'delivered' },
});
