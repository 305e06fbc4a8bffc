import { type CodeRule, defineCodeTable, lookupCode } from '../adapter.js';

// La Poste "Suivi v2" event codes (developer.laposte.fr, API Suivi: shipment.event[].code), shared by
// Colissimo, Lettre suivie and Chronopost items. The French names are La Poste's.

export const LAPOSTE_CODES = defineCodeTable('La Poste Suivi v2 event code', {
  DR1: {
    status: 'info_received',
    substatus: 'label_created',
    note: '"Déclaratif réceptionné": the sender announced the item; La Poste does not have it yet.',
  },
  PC1: {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: '"Pris en charge": taken in charge, usually dropped at a post office ("déposé dans un point postal").',
  },
  PC2: { status: 'in_transit', substatus: 'picked_up', note: '"Pris en charge dans le pays d’expédition".' },
  ET1: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"En cours de traitement" ("en cours d’acheminement"): moving through the network, not out for delivery.',
  },
  ET2: {
    status: 'in_transit',
    substatus: 'departed',
    note: '"En cours de traitement dans le pays d’expédition": ready to leave the sending country.',
  },
  ET3: {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"En cours de traitement dans le pays de destination": arrived in the destination country.',
  },
  ET4: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"En cours de traitement dans un pays de transit".',
  },
  EP1: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"En attente de présentation": waiting to be presented for delivery.',
  },
  DO1: { status: 'in_transit', substatus: 'customs_clearance', note: '"Entrée en douane".' },
  DO2: { status: 'in_transit', substatus: 'customs_cleared', note: '"Sortie de douane".' },
  DO3: { status: 'exception', substatus: 'customs_hold', note: '"Retenu en douane".' },
  PB1: { status: 'exception', substatus: 'unknown_problem', note: '"Problème en cours".' },
  PB2: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"Problème résolu": the journey resumes, which clears the earlier problem.',
  },
  MD2: {
    status: 'out_for_delivery',
    note: '"Mis en distribution": at the delivery site and prepared for the round.',
  },
  ND1: {
    status: 'exception',
    substatus: 'undeliverable',
    note: '"Non distribuable": La Poste cannot deliver it as addressed.',
  },
  AG1: {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: '"En attente d’être retiré au guichet": waiting at the counter for the recipient.',
  },
  RE1: { status: 'returning', substatus: 'return_to_sender', note: '"Retourné à l’expéditeur".' },
  DI1: { status: 'delivered', note: '"Distribué".' },
  DI2: {
    status: 'returned',
    substatus: 'return_to_sender',
    note: '"Distribué à l’expéditeur": delivered back to the sender.',
  },
});

// The first two letters of a code name its family; a code La Poste adds later takes its family's status
// (marked unmapped) before its text is read.
export const LAPOSTE_FAMILIES = defineCodeTable(
  'La Poste event code family (first two letters, for unlisted codes)',
  {
    DR: { status: 'info_received', substatus: 'label_created' },
    PC: { status: 'in_transit', substatus: 'picked_up' },
    ET: { status: 'in_transit', substatus: 'in_transit' },
    EP: { status: 'in_transit', substatus: 'in_transit' },
    DO: { status: 'in_transit', substatus: 'customs_clearance' },
    PB: { status: 'exception', substatus: 'unknown_problem' },
    MD: { status: 'out_for_delivery' },
    ND: { status: 'exception', substatus: 'undeliverable' },
    AG: { status: 'available_for_pickup', substatus: 'held_at_facility' },
    RE: { status: 'returning', substatus: 'return_to_sender' },
    DI: { status: 'delivered' },
  },
);

export function familyRule(code: string | null): CodeRule | null {
  return code ? (lookupCode(LAPOSTE_FAMILIES, code.slice(0, 2).toUpperCase()) ?? null) : null;
}
