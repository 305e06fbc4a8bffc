import { type CodeRule, defineCodeTable } from '../adapter.js';

// bpost item-tracking state codes (stateInfo/stateCode). bpost documents the codes to its integrators only;
// the groups below are the ones karrio's bpost connector uses (its TrackingStatus and incident reasons),
// with bpost's own descriptions where a payload shows them ("Sorted - sorted_out", "BoundToRound -
// out_for_distribution", "DistributedNormally - regular"). Where karrio's group contradicts the description,
// the description wins (L00).

const KARRIO = 'Group from karrio’s bpost connector; bpost publishes no description for this code.';
const held = (note: string): CodeRule => ({ status: 'exception', substatus: 'held', note });
const attempt = (note: string): CodeRule => ({ status: 'attempt_failed', note });

export const BPOST_CODES = defineCodeTable('bpost stateCode', {
  T00: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"Sorted - sorted_out": sorted at a bpost centre.',
  },
  L00: {
    status: 'out_for_delivery',
    note: '"BoundToRound - out_for_distribution": on the delivery round (karrio reads it as on hold, which the description contradicts).',
  },
  U00: { status: 'delivered', note: `U codes are distributions. ${KARRIO}` },
  U01: { status: 'delivered', note: '"DistributedNormally - regular".' },
  U02: { status: 'delivered', note: KARRIO },
  U03: { status: 'delivered', note: KARRIO },
  U04: { status: 'delivered', note: KARRIO },
  U05: { status: 'delivered', note: KARRIO },
  U06: { status: 'delivered', note: KARRIO },
  U07: { status: 'delivered', note: KARRIO },
  U08: { status: 'delivered', note: KARRIO },
  R00: { status: 'in_transit', note: KARRIO },
  R01: { status: 'in_transit', note: KARRIO },
  R02: { status: 'in_transit', note: KARRIO },
  R03: { status: 'in_transit', note: KARRIO },
  R04: { status: 'in_transit', note: KARRIO },
  R05: { status: 'in_transit', note: KARRIO },
  N14: { status: 'in_transit', note: KARRIO },
  R13: { status: 'available_for_pickup', substatus: 'at_pickup_point', note: KARRIO },
  N74: { status: 'available_for_pickup', substatus: 'at_pickup_point', note: KARRIO },
  B00: { status: 'exception', substatus: 'customs_hold', note: `Held for customs. ${KARRIO}` },
  B01: { status: 'exception', substatus: 'customs_hold', note: `Held for customs. ${KARRIO}` },
  B02: { status: 'exception', substatus: 'customs_hold', note: `Held for customs. ${KARRIO}` },
  B03: { status: 'exception', substatus: 'refused', note: `Refused by the addressee. ${KARRIO}` },
  B23: { status: 'exception', substatus: 'refused', note: `Refused by the addressee. ${KARRIO}` },
  B04: {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: `Addressee not home (karrio lists it both as in transit and as a failed delivery). ${KARRIO}`,
  },
  B05: { status: 'exception', substatus: 'damaged', note: KARRIO },
  B08: { status: 'exception', substatus: 'damaged', note: KARRIO },
  B06: { status: 'exception', substatus: 'address_issue', note: KARRIO },
  B07: { status: 'exception', substatus: 'address_issue', note: KARRIO },
  B09: { status: 'exception', substatus: 'address_issue', note: KARRIO },
  B10: { status: 'exception', substatus: 'address_issue', note: KARRIO },
  B11: held(KARRIO),
  B12: held(KARRIO),
  B13: held(KARRIO),
  B18: held(KARRIO),
  B24: held(KARRIO),
  B28: held(KARRIO),
  C00: held(KARRIO),
  I03: held(KARRIO),
  I10: held(KARRIO),
  I11: held(KARRIO),
  I12: held(KARRIO),
  I18: held(KARRIO),
  I19: held(KARRIO),
  I58: held(KARRIO),
  I61: held(KARRIO),
  I66: held(KARRIO),
  I67: held(KARRIO),
  I68: held(KARRIO),
  I72: held(KARRIO),
  I88: held(KARRIO),
  R11: attempt(KARRIO),
  R12: attempt(KARRIO),
  T03: attempt(KARRIO),
  S00: attempt(KARRIO),
  N01: { status: 'attempt_failed', substatus: 'recipient_unavailable', note: `Not home. ${KARRIO}` },
  N02: { status: 'attempt_failed', substatus: 'recipient_unavailable', note: `Not home. ${KARRIO}` },
  N03: { status: 'attempt_failed', substatus: 'business_closed', note: `Business closed. ${KARRIO}` },
  ...Object.fromEntries(
    ['N04', 'N05', 'N06', 'N07', 'N08', 'N10', 'N11', 'N12', 'N13', 'N16', 'N28', 'N32']
      .concat(['N91', 'N92', 'N93', 'N94', 'N95', 'N96'])
      .map((c) => [
        c,
        attempt('N codes are non-deliveries (karrio: delivery delayed); no public description.'),
      ]),
  ),
  P00: { status: 'in_transit', substatus: 'carrier_delay', note: `Delayed. ${KARRIO}` },
});

// The first letter groups codes; only the groups whose meaning every known member shares are used for codes
// bpost adds later (marked unmapped): U = distributed, T = sorting.
const FAMILIES: Record<string, CodeRule> = {
  U: { status: 'delivered' },
  T: { status: 'in_transit', substatus: 'in_transit' },
};

export function familyRule(code: string | null): CodeRule | null {
  return (code && FAMILIES[code.charAt(0).toUpperCase()]) || null;
}
