import { type CodeRule, defineCodeTable } from '../adapter.js';

// Landmark Global track API EventCode values, with Landmark's names (as karrio's Landmark connector lists
// them and the payloads show them). The codes are numbered by stage, which gives unlisted codes a status.

export const LANDMARK_CODES = defineCodeTable('Landmark Global EventCode', {
  '50': { status: 'info_received', substatus: 'label_created', note: '"Shipment Data Uploaded".' },
  '60': {
    status: 'info_received',
    note: '"Shipment inventory allocated": a fulfilment step at the shipper’s warehouse; nothing has shipped.',
  },
  '75': {
    status: 'info_received',
    note: '"Shipment Processed": fulfilment/processing before the parcel moves (karrio: in transit).',
  },
  '80': { status: 'info_received', note: '"Shipment Fulfilled": packed at the warehouse, not yet shipped.' },
  '90': { status: 'exception', substatus: 'payment_required', note: '"Shipment held for payment".' },
  '100': {
    status: 'info_received',
    substatus: 'label_created',
    note: '"Shipment information transmitted to carrier": electronic data, no scan.',
  },
  '125': { status: 'in_transit', substatus: 'customs_cleared', note: '"Customs Cleared".' },
  '135': { status: 'exception', substatus: 'customs_hold', note: '"Customs Issue".' },
  '150': {
    status: 'in_transit',
    substatus: 'departed',
    note: '"Crossing Border": leaving for the destination country’s carrier hub.',
  },
  '155': { status: 'in_transit', substatus: 'arrived', note: '"Crossing Received".' },
  '200': { status: 'in_transit', substatus: 'in_transit', note: '"Item scanned at postal facility".' },
  '225': {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"Item grouped at Landmark or partner facility".',
  },
  '250': {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: '"Item scanned for crossing"; payloads label it "Customs Clearance in Progress".',
  },
  '275': {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: '"Item in transit with carrier": with the last-mile carrier (EndDeliveryCarrier).',
  },
  '300': { status: 'out_for_delivery', note: '"Item out for delivery".' },
  '400': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: '"Attempted delivery": the carrier tries again (karrio: delivery delayed).',
  },
  '410': {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: '"Item available for pickup".',
  },
  '450': { status: 'in_transit', substatus: 'rerouted', note: '"Item re-directed to new address".' },
  '500': { status: 'delivered', note: '"Item successfully delivered".' },
  '510': { status: 'delivered', note: '"Proof Of Delivery".' },
  '900': {
    status: 'attempt_failed',
    note: '"Delivery failed": Landmark does not say whether the carrier gives up; read as a failed delivery.',
  },
});

// Stages by number, for codes Landmark adds later (marked unmapped). 400–499 mix attempts, pickups and
// redirections, so they are read from their text.
export function stageRule(code: string | null): CodeRule | null {
  const n = Number(code);
  if (!code || !Number.isInteger(n)) return null;
  if (n < 100) return { status: 'info_received' };
  if (n < 300) return { status: 'in_transit' };
  if (n < 400) return { status: 'out_for_delivery' };
  if (n >= 500 && n < 600) return { status: 'delivered' };
  if (n >= 900) return { status: 'exception', substatus: 'unknown_problem' };
  return null;
}
