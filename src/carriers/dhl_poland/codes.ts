import { defineCodeTable } from '../adapter.js';

// DHL Parcel Poland (DHL24 WebAPI, getTrackAndTraceInfo) event status codes, with DHL's Polish meaning. DHL
// publishes them in its DHL24 tracking notices; sub-codes after "_" refine a base code (AWI_OZ: not
// delivered, no access to the property). Codes not listed are read from their Polish or English text.

export const DHL_POLAND_CODES = defineCodeTable('DHL24 (Poland) event status', {
  EDWP: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'DHL received the electronic shipment data; the sender has not handed the parcel over yet.',
  },
  DWP: { status: 'in_transit', substatus: 'picked_up', note: 'Collected from the sender.' },
  SP_DWP: {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: 'Posted at a DHL Parcelshop, waiting for the DHL courier.',
  },
  SP_PU: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: 'Collected by the courier from a DHL Parcelshop.',
  },
  SORT: { status: 'in_transit', substatus: 'in_transit', note: 'Handled in a sorting centre.' },
  CN: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Arrived at a DHL depot (DHL24 documentation example).',
  },
  LP: { status: 'in_transit', substatus: 'arrived', note: 'Arrived at the delivering branch.' },
  TRM2: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'At the DHL terminal; delivery planned today or on the agreed day.',
  },
  WEJPL: { status: 'in_transit', substatus: 'arrived', note: 'Arrived in Poland.' },
  WYJPL: { status: 'in_transit', substatus: 'departed', note: 'Left Poland.' },
  TRM: {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: 'Waiting for the next delivery cycle.',
  },
  PNPT: { status: 'in_transit', substatus: 'rescheduled', note: "Recipient's choice: a new delivery date." },
  SOB: { status: 'in_transit', substatus: 'rescheduled', note: "Recipient's choice: a new delivery date." },
  PO18: { status: 'in_transit', substatus: 'rescheduled', note: "Recipient's choice: other delivery hours." },
  ZA: { status: 'in_transit', substatus: 'rerouted', note: "Recipient's choice: a new delivery address." },
  ZAIT: { status: 'in_transit', substatus: 'rerouted', note: "Recipient's choice: a new delivery address." },
  SAS: {
    status: 'in_transit',
    substatus: 'rerouted',
    note: "Recipient's choice: an alternative address (a neighbour) if the addressee is out.",
  },
  PSHOP: {
    status: 'in_transit',
    substatus: 'rerouted',
    note: "Recipient's choice: the parcel will wait at a DHL Parcelshop.",
  },
  LK: { status: 'out_for_delivery', note: 'Handed to the courier for delivery.' },
  AWI: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'Delivery attempt failed: the recipient was not at home.',
  },
  AWI_ONU: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'The authorised recipient was not at home.',
  },
  AWI_DP2: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'Recipient not found at the address; delivery on a day agreed with them.',
  },
  AWI_SAS: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'The alternative recipient (neighbour) was not found.',
  },
  AWI_OZ: {
    status: 'attempt_failed',
    substatus: 'access_issue',
    note: 'No access to the property, or a gated estate.',
  },
  AWI_ROD: { status: 'attempt_failed', note: 'Not delivered: a document required for delivery was missing.' },
  ZWW: {
    status: 'attempt_failed',
    note: 'Delivery attempt failed; the parcel waits for the next delivery cycle.',
  },
  OWL: {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: 'Waiting for the customer to collect it at a DHL terminal.',
  },
  OWL_KP: {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: 'The customer was told where and when to collect it.',
  },
  OWL_ONO: { status: 'available_for_pickup', substatus: 'held_at_facility', note: 'Waiting for collection.' },
  OWL_PS_KP: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Ready for collection at a Packstation; the customer was told.',
  },
  OWL_PS_ONO: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Waiting at a Packstation.',
  },
  OWL_SP_KP: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Ready for collection at a service point (locker full); the customer was told.',
  },
  OWL_SP_ONO: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Waiting at a service point.',
  },
  SP_DSP: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Waiting at a DHL Parcelshop.',
  },
  SP_KP: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'The customer was told where and when to collect it from a DHL Parcelshop.',
  },
  DOR_POC: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'Handed to a post office, where the recipient collects it: not yet in their hands.',
  },
  DOR: { status: 'delivered', note: 'Delivered to the recipient.' },
  DOR_RDZ: { status: 'delivered', note: 'Delivered to a family member.' },
  DOR_OTH: { status: 'delivered', note: 'Delivered to another person.' },
  DOR_SAS: {
    status: 'delivered',
    substatus: 'delivered_to_neighbour',
    note: 'Delivered to the chosen alternative recipient (a neighbour).',
  },
  DOR_LOK: {
    status: 'delivered',
    substatus: 'delivered_to_safe_place',
    note: 'Delivered to the agreed location.',
  },
  DOR_OWL: {
    status: 'delivered',
    substatus: 'collected',
    note: 'Collected in person at a sorting centre or DHL customer service point.',
  },
  PPDOR: { status: 'delivered', substatus: 'collected', note: 'Collected at a DHL customer service point.' },
  AN: { status: 'exception', substatus: 'address_issue', note: 'Wrongly addressed.' },
  AN_RA: { status: 'exception', substatus: 'address_issue', note: 'Wrong or incomplete address.' },
  AN_BO: {
    status: 'exception',
    substatus: 'address_issue',
    note: "Not accepted: the recipient's address is wrong.",
  },
  AN_SAS: {
    status: 'exception',
    substatus: 'address_issue',
    note: "The neighbour's address is wrong, incomplete or not next to the recipient's.",
  },
  BRG: {
    status: 'exception',
    substatus: 'payment_required',
    note: 'Delivery held until the recipient pays the charges.',
  },
  BRG_SAS: {
    status: 'exception',
    substatus: 'payment_required',
    note: 'The neighbour did not pay the charges.',
  },
  CC: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'A processing difficulty; DHL asks the customer to call.',
  },
  PNK: {
    status: 'exception',
    substatus: 'damaged',
    note: 'The parcel is incomplete (contents missing).',
  },
  SP_DW: { status: 'exception', substatus: 'held', note: 'Delivery to the DHL Parcelshop was stopped.' },
  SP_ZAM: { status: 'exception', substatus: 'held', note: 'Delivery to the DHL Parcelshop was stopped.' },
  OP: { status: 'exception', substatus: 'refused', note: 'The recipient refused the parcel.' },
  ...Object.fromEntries(
    [
      'OP_BWER',
      'OP_COD',
      'OP_DUB',
      'OP_OTH',
      'OP_PLA',
      'OP_PNK',
      'OP_REZ',
      'OP_ROD',
      'OP_SAS',
      'OP_TNZ',
      'OP_UMO',
      'OP_USP',
    ].map((code) => [
      code,
      {
        status: 'exception' as const,
        substatus: 'refused' as const,
        note: 'Refused, the sub-code says why (wrong COD amount, duplicate order, goods not ordered…).',
      },
    ]),
  ),
  SP_CN: { status: 'cancelled', note: 'Posting at the DHL Parcelshop was cancelled.' },
  ZWR: { status: 'returning', substatus: 'return_to_sender', note: 'Will be returned to the sender.' },
  ZWR_AN: { status: 'returning', substatus: 'return_to_sender', note: 'Returning: addressee unknown.' },
  ZWR_OP: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Returning: delivery was not possible.',
  },
  REZ: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: "Recipient's choice: return it to the sender.",
  },
  AWI_CZAS: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Returning: the time it could wait for delivery ran out.',
  },
  OP_DO: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: "Returning: the recipient's ID was out of date.",
  },
  OP_DOK: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Returning: documents needed for collection were missing.',
  },
  SP_KZW: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Returning: not collected from the Parcelshop in time.',
  },
  SP_TO: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Returning: not collected from the Parcelshop in time.',
  },
  SP_OP: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Returning: refused at the Parcelshop.',
  },
  SP_ZWR: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Returning: the recipient refused it.',
  },
  ZWN: { status: 'returned', substatus: 'return_to_sender', note: 'Returned to the sender.' },
  ZWR_ZB: {
    status: 'returned',
    substatus: 'return_to_sender',
    note: 'Returned to the sender after two attempts and the collection period.',
  },
  ZWR_ZT: {
    status: 'returned',
    substatus: 'return_to_sender',
    note: 'Returned to the sender after two attempts, the collection period and a phone confirmation.',
  },
});
