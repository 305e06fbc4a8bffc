import { type CodeRule, defineCodeTable, lookupCode } from '../adapter.js';

// GEODIS France reports events as "situation/justification" codes (codeSituationJustification, "AAR/CFM"),
// the French road-transport EDI codes (GALIA/Inovert) that La Poste's former Coliposte tracking used too. The
// situation says what happened (AAR arrival, LIV delivery…), the justification qualifies it (CFM confirmed,
// REO return to origin…). Full codes whose meaning is known are listed; any other code takes the meaning of
// its situation (marked unmapped), then of its text.

export const GEODIS_CODES = defineCodeTable('GEODIS situation/justification code', {
  'COM/CFM': {
    status: 'info_received',
    substatus: 'label_created',
    note: 'Order recorded: the shipment is announced, not yet taken in charge.',
  },
  'PCH/CFM': { status: 'in_transit', substatus: 'picked_up', note: 'Prise en charge confirmée.' },
  'EXP/CFM': {
    status: 'in_transit',
    substatus: 'departed',
    note: 'Expédition confirmée: left the origin agency.',
  },
  'AAR/CFM': { status: 'in_transit', substatus: 'arrived', note: 'Arrivée confirmée at an agency.' },
  'MLV/CFM': { status: 'out_for_delivery', note: 'Mise en livraison: on the delivery round.' },
  'LIV/CFM': { status: 'delivered', note: 'Livraison confirmée.' },
  'RST/SOU': {
    status: 'exception',
    substatus: 'held',
    note: 'Reste en souffrance: kept at the agency awaiting instructions.',
  },
  'SOL/REO': {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Soldé, retour à l’origine: the delivery leg is closed and the shipment goes back to the sender.',
  },
  'LIV/REO': {
    status: 'returned',
    substatus: 'return_to_sender',
    note: 'Delivered back to the sender after a return.',
  },
});

export const GEODIS_SITUATIONS = defineCodeTable(
  'GEODIS situation (first part of the code, for unlisted codes)',
  {
    COM: { status: 'info_received', substatus: 'label_created' },
    PCH: { status: 'in_transit', substatus: 'picked_up' },
    EXP: { status: 'in_transit', substatus: 'departed' },
    CHG: { status: 'in_transit', substatus: 'in_transit', note: 'Chargement: loaded for the next leg.' },
    AAR: { status: 'in_transit', substatus: 'arrived' },
    DCH: { status: 'in_transit', substatus: 'arrived', note: 'Déchargement: unloaded at an agency.' },
    DOU: { status: 'in_transit', substatus: 'customs_clearance' },
    MLV: { status: 'out_for_delivery' },
    LIV: { status: 'delivered' },
    REN: {
      status: 'attempt_failed',
      note: 'Rendu: not delivered on this round (the justification says why).',
    },
    RST: { status: 'exception', substatus: 'held', note: 'Reste: kept at the agency.' },
  },
);

export function situationRule(code: string | null): CodeRule | null {
  const situation = code?.split('/')[0]?.trim().toUpperCase();
  return situation ? (lookupCode(GEODIS_SITUATIONS, situation) ?? null) : null;
}
