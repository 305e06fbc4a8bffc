import { type CodeRule, defineCodeTable } from '../adapter.js';

// FedEx speaks one event-type vocabulary in both of its APIs (Track API JSON `scanEvents[].eventType`, Web
// Services XML `Events/EventType`), listed in FedEx's "Tracking Status Codes" reference. Events may carry a
// status exception code beside the type; the few combinations whose meaning differs from the bare type are
// in their own table, keyed `TYPE.CODE`, and consulted first. The JSON API adds a coarse
// `derivedStatusCode`, used only as the class of event types no table knows.

const DELAY = 'A delay is a flag on the shipment, not a step back: the parcel stays in transit.';

export const FEDEX_EXCEPTION_CODES = defineCodeTable('FedEx event type + status exception code', {
  'DE.007': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'FedEx Ground "Customer not available or business closed": delivery is tried again.',
  },
  'DE.08': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'FedEx Express "Customer not available or business closed": delivery is tried again.',
  },
  'DE.A13': {
    status: 'in_transit',
    substatus: 'rerouted',
    note: '"Redirecting to FedEx Office": not a failure, the parcel is sent to a pickup location.',
  },
  'DE.A47': {
    status: 'in_transit',
    substatus: 'rerouted',
    note: '"FedEx redirected your package to a nearby FedEx location" after a missed delivery.',
  },
  'DL.005': {
    status: 'delivered',
    substatus: 'collected',
    note: '"Delivered to recipient at FedEx Office": collected by the recipient.',
  },
  'DL.014': { status: 'delivered', substatus: 'left_at_door', note: '"Left at front door".' },
  'HP.015A': {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: '"Package available for pickup at FedEx Office": a retail pickup point.',
  },
  'IP.084': {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: '"Tendered at FedEx location": the shipper dropped the parcel off.',
  },
  'IT.72': {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: '"Package available for clearance": waiting for customs, not held.',
  },
  'RR.A12': {
    status: 'in_transit',
    substatus: 'rerouted',
    note: '"Hold at FedEx location request received".',
  },
  'SE.099': { status: 'exception', substatus: 'undeliverable', note: '"Unable to deliver".' },
});

export const FEDEX_EVENT_CODES = defineCodeTable('FedEx event type', {
  AA: { status: 'in_transit', substatus: 'in_transit', note: 'At airport.' },
  AC: {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: 'At Canada Post facility: Canada Post carries the last leg.',
  },
  AD: { status: 'out_for_delivery', note: 'At delivery: the courier is at the address.' },
  AE: {
    status: 'in_transit',
    note: '"Shipment arriving early": an estimate update, not a movement.',
  },
  AF: { status: 'in_transit', substatus: 'arrived', note: 'At local FedEx facility.' },
  AO: {
    status: 'in_transit',
    note: '"Shipment arriving on-time": an estimate update, not a movement.',
  },
  AP: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: 'At pickup: the courier is collecting the parcel.',
  },
  AR: { status: 'in_transit', substatus: 'arrived' },
  AX: {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: 'At USPS facility: USPS carries the last leg (FedEx Ground Economy).',
  },
  CA: {
    status: 'cancelled',
    substatus: 'label_voided',
    note: 'Shipment cancelled: FedEx cancels shipments before they move, so the label is void.',
  },
  CC: { status: 'in_transit', substatus: 'customs_cleared' },
  CD: { status: 'in_transit', substatus: 'customs_delay', note: `Clearance delay. ${DELAY}` },
  CH: { status: 'in_transit', substatus: 'rerouted', note: 'Location changed.' },
  CP: { status: 'in_transit', substatus: 'customs_clearance', note: 'Clearance in progress.' },
  DD: { status: 'in_transit', substatus: 'carrier_delay', note: `Delivery delay. ${DELAY}` },
  DE: {
    status: 'attempt_failed',
    note: 'Delivery exception: a delivery that did not happen and is normally tried again. The exception code or text refines it (refused and address problems are exceptions).',
  },
  DL: { status: 'delivered' },
  DP: { status: 'in_transit', substatus: 'departed' },
  DR: {
    status: 'in_transit',
    note: 'Vehicle furnished but not used (freight): a record about the truck, not about progress.',
  },
  DS: { status: 'in_transit', note: 'Vehicle dispatched (freight).' },
  DY: { status: 'in_transit', substatus: 'carrier_delay', note: DELAY },
  EA: {
    status: 'in_transit',
    note: 'FedEx uses EA both for "Enroute to airport" and "Export approved"; both are in transit.',
  },
  ED: { status: 'out_for_delivery', note: 'Enroute to delivery.' },
  EO: { status: 'in_transit', note: 'Enroute to origin airport.' },
  EP: {
    status: 'info_received',
    note: 'Enroute to pickup: the courier is on the way, FedEx does not have the parcel yet.',
  },
  FD: { status: 'in_transit', substatus: 'arrived', note: 'At FedEx destination facility.' },
  HL: {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: 'Hold at location: kept at a FedEx location for the recipient to collect.',
  },
  HP: {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: 'Ready for recipient pickup at a FedEx location.',
  },
  IP: { status: 'in_transit', substatus: 'picked_up', note: 'In FedEx possession.' },
  IT: { status: 'in_transit', substatus: 'in_transit' },
  IX: { status: 'in_transit', substatus: 'in_transit', note: 'In transit (see details).' },
  LO: { status: 'in_transit', substatus: 'departed', note: 'Left origin.' },
  OC: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'Order created / "Shipment information sent to FedEx": a label, no parcel yet.',
  },
  OD: { status: 'out_for_delivery' },
  OF: { status: 'in_transit', substatus: 'arrived', note: 'At FedEx origin facility.' },
  OW: { status: 'in_transit', substatus: 'in_transit', note: 'On the way.' },
  OX: {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: 'Shipment information sent to USPS: USPS carries the last leg (FedEx Ground Economy).',
  },
  PD: {
    status: 'info_received',
    substatus: 'carrier_delay',
    note: 'Pickup delay: still waiting to be collected, and late.',
  },
  PF: { status: 'in_transit', substatus: 'departed', note: 'Plane in flight.' },
  PL: { status: 'in_transit', substatus: 'arrived', note: 'Plane landed.' },
  PM: { status: 'in_transit', note: 'In progress.' },
  PU: { status: 'in_transit', substatus: 'picked_up' },
  PX: { status: 'in_transit', substatus: 'picked_up', note: 'Picked up (see details).' },
  RC: {
    status: 'in_transit',
    note: 'Custom delivery option cancelled: delivery goes on as first planned.',
  },
  RD: {
    status: 'cancelled',
    substatus: 'label_voided',
    note: 'Return label link expired: the return label can no longer be used.',
  },
  RG: { status: 'info_received', note: 'Return label link expiring soon: the return has not started.' },
  RM: {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: 'Custom delivery option modified by the recipient.',
  },
  RP: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'Return label link emailed to the return sender.',
  },
  LP: {
    status: 'cancelled',
    substatus: 'label_voided',
    note: 'Return label link cancelled by the shipment originator.',
  },
  RR: {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: 'Custom delivery option requested (hold, redirect or another date) by the recipient.',
  },
  RS: { status: 'returning', substatus: 'return_to_sender' },
  SE: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'Shipment exception: the exception code or text says what (damage, customs, address…).',
  },
  SF: { status: 'in_transit', substatus: 'arrived', note: 'At sort facility.' },
  SP: {
    status: 'in_transit',
    note: 'Split status: the pieces of a multi-piece shipment are at different stages.',
  },
  TR: { status: 'in_transit', note: 'Transfer.' },
});

/** FedEx Track API `derivedStatusCode`: FedEx's own summary of an event, the class of unknown types. */
export const FEDEX_DERIVED_CODES = defineCodeTable(
  'FedEx derived status code (class of unknown event types)',
  {
    IN: { status: 'info_received', substatus: 'label_created', note: 'Initiated: a label, no parcel yet.' },
    PU: { status: 'in_transit', substatus: 'picked_up' },
    IT: { status: 'in_transit' },
    OD: { status: 'out_for_delivery' },
    DL: { status: 'delivered' },
    DE: { status: 'attempt_failed', note: 'Delivery exception.' },
    DY: { status: 'in_transit', substatus: 'carrier_delay', note: DELAY },
    SE: { status: 'exception', substatus: 'unknown_problem' },
    HL: { status: 'available_for_pickup', substatus: 'held_at_facility' },
    HP: { status: 'available_for_pickup', substatus: 'held_at_facility' },
    RS: { status: 'returning', substatus: 'return_to_sender' },
    CA: { status: 'cancelled' },
  },
);

/** Event types whose meaning the exception text can narrow when its code is not in the table above. */
export const REFINABLE_TYPES = new Set(['DE', 'SE', 'DD', 'DY', 'CD']);

// Ordered: "Customer not available or business closed" must read as unavailable before "closed".
const EXCEPTION_TEXT: readonly [RegExp, CodeRule][] = [
  [/refus/i, { status: 'exception', substatus: 'refused' }],
  [
    /incorrect address|address (incomplete|insufficient|unknown|correction)|unable to locate|recipient moved|bad address/i,
    { status: 'exception', substatus: 'address_issue' },
  ],
  [/damage/i, { status: 'exception', substatus: 'damaged' }],
  [/customs|clearance|broker/i, { status: 'in_transit', substatus: 'customs_delay' }],
  [/\blost\b|missing/i, { status: 'exception', substatus: 'lost' }],
  [/return(ing|ed)? to (shipper|sender)/i, { status: 'returning', substatus: 'return_to_sender' }],
  [/weather/i, { status: 'in_transit', substatus: 'weather_delay' }],
  [/payment|duties|fees? due/i, { status: 'exception', substatus: 'payment_required' }],
  [/redirect|rerout/i, { status: 'in_transit', substatus: 'rerouted' }],
  [/future delivery|requested .*(date|delivery)/i, { status: 'in_transit', substatus: 'rescheduled' }],
  [
    /customer not (available|in)|recipient not (available|in)|no one|not home/i,
    { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  ],
  [/business closed|closed/i, { status: 'attempt_failed', substatus: 'business_closed' }],
  [/access|gate|buzzer|secur/i, { status: 'attempt_failed', substatus: 'access_issue' }],
];

/** What a delivery or shipment exception's own words say, when its code is not in the table. */
export function refineByExceptionText(text: string | null | undefined): CodeRule | null {
  if (!text) return null;
  for (const [pattern, rule] of EXCEPTION_TEXT) if (pattern.test(text)) return rule;
  return null;
}
