import type { CodeRule } from '../adapter.js';
import { classifyText } from '../support/classify.js';

// DHL24 describes events in Polish. For codes missing from the table, these plain readings of DHL's Polish
// wording come first (failures before successes, as in the shared English/French/German rules), then the
// shared rules for English descriptions.
const POLISH: readonly [RegExp, CodeRule][] = [
  [/zwr(o|ó)con|zwrot|zwr(o|ó)cona do nadawcy/i, { status: 'returning', substatus: 'return_to_sender' }],
  [/odm(o|ó)w/i, { status: 'exception', substatus: 'refused' }],
  [
    /b(ł|l)(ę|e)dnie zaadresowan|niepe(ł|l)ny adres|b(ł|l)(ę|e)dny adres/i,
    { status: 'exception', substatus: 'address_issue' },
  ],
  [
    /niepowodzeniem|nie zasta(ł|l)|nie by(ł|l)o w domu/i,
    { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  ],
  [/oczekuje na odbi(o|ó)r/i, { status: 'available_for_pickup', substatus: 'at_pickup_point' }],
  [/przekazana kurierowi do dor(ę|e)czenia|w dor(ę|e)czeniu/i, { status: 'out_for_delivery' }],
  [/dor(ę|e)czon|odebrana osobi(ś|s)cie/i, { status: 'delivered' }],
  [/odebrana od nadawcy|nadan/i, { status: 'in_transit', substatus: 'picked_up' }],
  [/dotar(ł|l)a|sortowni|centrum sortowania/i, { status: 'in_transit', substatus: 'arrived' }],
];

export function classifyPolish(text: string | null): CodeRule | null {
  if (!text) return null;
  for (const [pattern, rule] of POLISH) if (pattern.test(text)) return rule;
  return classifyText(text);
}
