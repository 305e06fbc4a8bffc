import { defineCodeTable } from '../adapter.js';

// DHL Parcel Germany (Sendungsverfolgung / DHL Paket tracking). Each event carries two codes: the
// standard-event-code, DHL Paket's two-letter event (ES posting, AA origin parcel centre, EE destination
// parcel centre, PO in delivery, ZU delivered…), and the ice/ric pair of DHL's group-wide event and reason
// codes (SHRCU/PCKST, DLVRD/OTHER…). The two-letter code is the one DHL Paket describes to customers and the
// more precise here (ice SRTED "sorted" is used for "loaded onto the delivery vehicle"), so it is looked up
// first, then the ice code. Codes in neither table are read from their German or English text.

export const DHL_PARCEL_DE_EVENTS = defineCodeTable('DHL Paket standard event code', {
  ES: {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: 'Einlieferung: posted by the sender (at a PACKSTATION, retail outlet or parcel centre).',
  },
  AE: { status: 'in_transit', substatus: 'picked_up', note: 'Abholung erfolgreich: picked up.' },
  AA: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: 'Ausgangspaketzentrum: processed in the parcel centre of origin (also sent for the move there).',
  },
  EE: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Eingangspaketzentrum: processed in the destination parcel centre.',
  },
  PO: {
    status: 'out_for_delivery',
    note: '"Loaded onto the delivery vehicle" ("In Zustellung"). karrio reads it as in transit; it is the delivery round.',
  },
  ZU: { status: 'delivered', note: 'Zustellung erfolgreich: delivered.' },
});

export const DHL_PARCEL_DE_ICE = defineCodeTable('DHL group event code (ice)', {
  SHRCU: {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: 'Shipment received from the customer (its ric says where: PCKST = a PACKSTATION).',
  },
  PCKDU: { status: 'in_transit', substatus: 'picked_up', note: 'Picked up (ric PUBCR: by the courier).' },
  LDTMV: {
    status: 'in_transit',
    substatus: 'departed',
    note: 'Loaded onto a movement (a truck leaving a PACKSTATION or parcel centre).',
  },
  ULFMV: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Unloaded from a movement: arrived at a parcel centre.',
  },
  SRTED: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: 'Sorted. DHL also uses it for "loaded onto the delivery vehicle"; the two-letter code (PO) tells.',
  },
  DLVRD: { status: 'delivered' },
});
