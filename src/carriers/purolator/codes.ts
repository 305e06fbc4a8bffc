import { type CodeRule, defineCodeTable } from '../adapter.js';

// Purolator's tracking service (PWS TrackPackagesByPin) types few scans: deliveries, delivery attempts, "on
// delivery" and proofs of pick-up. Most scans come as ScanType "Other" and only their description says what
// happened, so the descriptions Purolator uses are a second table, matched on their opening words. A
// description no table knows is read as plain text and the event is marked unmapped.

export const PUROLATOR_SCAN_TYPES = defineCodeTable('Purolator scan type', {
  ProofOfPickUp: { status: 'in_transit', substatus: 'picked_up' },
  OnDelivery: { status: 'out_for_delivery', note: 'On vehicle for delivery.' },
  Undeliverable: {
    status: 'attempt_failed',
    note: 'An attempt that did not deliver (not home, closed): Purolator tries again. Refusals, address problems and damage are read from the description as exceptions.',
  },
  Delivery: { status: 'delivered' },
});

export const PUROLATOR_DESCRIPTIONS = defineCodeTable('Purolator scan description (scans of type Other)', {
  'Shipment created': { status: 'info_received', substatus: 'label_created' },
  'Picked up by Purolator': { status: 'in_transit', substatus: 'picked_up' },
  'Arrived at sort facility': { status: 'in_transit', substatus: 'arrived' },
  'Departed sort facility': { status: 'in_transit', substatus: 'departed' },
  'New Tracking Number Assigned': {
    status: 'in_transit',
    note: 'Relabelled at a Purolator facility: the parcel is in the network.',
  },
  'On vehicle for delivery': { status: 'out_for_delivery' },
  'Shipment delivered to': { status: 'delivered' },
});

/** The description key of a scan: the table entry its description opens with, if any. */
export function descriptionKey(description: string | null): string | null {
  if (!description) return null;
  const d = description.trim().toLowerCase();
  return Object.keys(PUROLATOR_DESCRIPTIONS.rules).find((k) => d.startsWith(k.toLowerCase())) ?? null;
}

// An undeliverable scan is an attempt unless its words say the parcel cannot be delivered as addressed.
// Ordered: "not available or business closed" reads as unavailable.
const UNDELIVERABLE_TEXT: readonly [RegExp, CodeRule][] = [
  [/refus/i, { status: 'exception', substatus: 'refused' }],
  [/address|unable to locate|moved/i, { status: 'exception', substatus: 'address_issue' }],
  [/damage/i, { status: 'exception', substatus: 'damaged' }],
  [/return(ed|ing)? to (sender|shipper)/i, { status: 'returning', substatus: 'return_to_sender' }],
  [/not (home|available|in)|no one/i, { status: 'attempt_failed', substatus: 'recipient_unavailable' }],
  [/closed/i, { status: 'attempt_failed', substatus: 'business_closed' }],
];

export function refineUndeliverable(text: string | null): CodeRule | null {
  if (!text) return null;
  for (const [pattern, rule] of UNDELIVERABLE_TEXT) if (pattern.test(text)) return rule;
  return null;
}
